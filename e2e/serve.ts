// Playwright's web server: a throwaway seeded database and Redis prefix, the production build of server.ts
// and the workers; on SIGTERM it stops them and drops everything it made.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSql } from '../lib/db/sql';
import { createTestDatabase, deleteRedisPrefix } from '../lib/testing/test-database';
import { seedDemo } from '../seeds/seed-demo';

const port = process.env.E2E_PORT ?? '3199';

if (!existsSync('.next/BUILD_ID')) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) process.exit(1);
}

const db = await createTestDatabase('e2e');
const seedSql = createSql(db.appUrl, { max: 2 });
await seedDemo(seedSql);
await seedSql.end();

const e2eEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production' as const,
  DATABASE_URL: db.appUrl,
  DATABASE_ADMIN_URL: db.adminUrl,
  REDIS_PREFIX: db.redisPrefix,
  PORT: port,
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  // one address (127.0.0.1) signs in many times; the per-account limit stays low so its test is quick
  LOGIN_LIMIT_PER_IP: '10000',
  LOGIN_LIMIT_PER_ACCOUNT: '5',
};

// specs that start a process of their own (e.g. with a broken REDIS_URL) read the database from here
export const serverInfoFile = path.join(tmpdir(), `dw-e2e-${port}.json`);
writeFileSync(serverInfoFile, JSON.stringify({ DATABASE_URL: db.appUrl, REDIS_PREFIX: db.redisPrefix }));

const children: ChildProcess[] = [
  spawn('node', ['--import', 'tsx', 'server.ts'], { stdio: 'inherit', env: e2eEnv }),
  spawn('node', ['--import', 'tsx', 'workers/index.ts'], { stdio: 'inherit', env: e2eEnv }),
];

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  rmSync(serverInfoFile, { force: true });
  await db.drop().catch((error: Error) => console.error(`drop ${db.name}: ${error.message}`));
  await deleteRedisPrefix(db.redisPrefix).catch((error: Error) => console.error(`redis ${db.redisPrefix}: ${error.message}`));
  process.exit(code);
}
for (const child of children) child.once('exit', (code) => void stop(code ?? 1));
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
