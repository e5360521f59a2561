import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

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
        { patterns: [{ group: ['next', 'next/*', 'react', 'react-dom'], message: 'lib/ stays framework-free' }] },
      ],
    },
  },
];

export default config;
