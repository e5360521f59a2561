import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { startPrivatePostgres, startPrivateRedis, type PrivatePostgres, type PrivateRedis } from './private-services';

const started: Array<PrivateRedis | PrivatePostgres> = [];
afterAll(async () => {
  for (const service of started) await service.close();
});

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('private redis', () => {
  it('comes back empty on the same port after a stop or a kill, and is gone after close', async () => {
    const redis = await startPrivateRedis();
    started.push(redis);
    const client = new Redis(redis.url, { maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      await client.connect();
      await client.set('owed', 'work');
      await redis.restartEmpty();
      await expect(client.get('owed')).resolves.toBeNull();
      await client.set('owed', 'again');
      await redis.kill();
      expect(redis.isRunning()).toBe(false);
      await redis.start();
      await expect(client.get('owed')).resolves.toBeNull();
    } finally {
      client.disconnect();
    }
    const info = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    const pid = Number(/process_id:(\d+)/.exec(await info.info('server'))?.[1]);
    info.disconnect();
    await redis.close();
    expect(pidAlive(pid)).toBe(false);
  });
});

describe('private postgres', () => {
  it('migrates with a non-superuser app role, keeps data over a restart on the same port, and is removed by close', async () => {
    const pg = await startPrivatePostgres();
    started.push(pg);
    await migrate({ adminUrl: pg.adminUrl('dw_private'), appUrl: pg.appUrl('dw_private') });

    const app = postgres(pg.appUrl('dw_private'), { max: 1, onnotice: () => {} });
    try {
      const [role] = await app`select rolsuper from pg_roles where rolname = current_user`;
      expect(role?.rolsuper).toBe(false);
      const [before] = await app`select count(*)::int as n from schema_migrations`;
      expect(before?.n).toBeGreaterThan(0);

      await pg.restart();
      // the pool's connection died with the server; postgres.js opens a new one on the same port
      const [after] = await app`select count(*)::int as n from schema_migrations`;
      expect(after?.n).toBe(before?.n);

      await pg.stop();
      await expect(app`select 1`).rejects.toThrow();
      await pg.start();
      await expect(app`select 1 as one`).resolves.toEqual([{ one: 1 }]);
    } finally {
      await app.end({ timeout: 1 });
    }

    const admin = postgres(pg.adminUrl(), { max: 1, onnotice: () => {} });
    const [{ dir }] = (await admin`select current_setting('data_directory') as dir`) as unknown as [{ dir: string }];
    await admin.end({ timeout: 1 });
    await pg.close();
    expect(pg.isRunning()).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });
});
