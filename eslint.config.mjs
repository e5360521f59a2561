import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const frameworks = { group: ['next', 'next/*', 'react', 'react-dom'], message: 'lib/ stays framework-free' };

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'e2e-artifacts/**'],
  },
  {
    // lib/ is the product without a framework: no Next.js or React in it, so workers can run it under plain Node
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [frameworks] },
      ],
    },
  },
  {
    // The rules are pure functions: what takes a database, a queue, Redis, a socket or the clock lives in the
    // folder's store/ (or elsewhere in lib/), and the time comes in as an argument, so a rule can be read and
    // tested on its own and cannot silently start doing I/O again.
    files: ['lib/calendar/*.ts', 'lib/deadlines/*.ts', 'lib/rules/*.ts', 'lib/scoring/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            frameworks,
            {
              group: ['**/db/*', '**/jobs/*', '**/redis/*', '**/realtime/*', '../clock', '**/store/*', 'postgres', 'ioredis', 'bullmq', 'socket.io', 'socket.io-client', '@socket.io/*'],
              message: 'a pure rule module: take the data and the time as arguments; I/O belongs in store/',
            },
          ],
        },
      ],
    },
  },
];

export default config;
