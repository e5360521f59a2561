import { defineConfig } from 'vitest/config';

// `.only` fails every run, not only where a CI variable is set: a focused test left in a commit would
// silently drop the rest of its file from the suite. Inline projects do not inherit the root's options, so
// each states it.
const allowOnly = false;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          allowOnly,
          include: ['lib/**/*.test.ts', 'seeds/**/*.test.ts', 'scripts/**/*.test.mjs'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          env: { TZ: 'UTC' },
        },
      },
      {
        test: {
          name: 'integration',
          allowOnly,
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**'],
          globalSetup: ['lib/testing/integration-setup.ts'],
          // real Postgres and Redis on 2 cores: files run one at a time
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
