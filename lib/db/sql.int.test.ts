// The application's pool (createSql) on a Postgres of this file's own, stopped under it: queries waiting while
// Postgres is away are refused at once rather than one per slow reconnect (requests would hang), and the pool
// is in use again as soon as Postgres is back, however many attempts failed meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivatePostgres, type PrivatePostgres } from '../testing/private-services';
import { createSql, type Sql } from './sql';

let pg: PrivatePostgres;
let sql: Sql;

beforeAll(async () => {
  pg = await startPrivatePostgres();
  sql = createSql(pg.adminUrl());
}, 60_000);

afterAll(async () => {
  await sql?.end({ timeout: 1 });
  await pg?.close();
});

describe('the pool while Postgres is away', () => {
  it('refuses 300 waiting queries within a second, and answers again at once after the return', async () => {
    await expect(sql`select 1 as one`).resolves.toEqual([{ one: 1 }]);
    await pg.stop();

    // three waves, as requests keep coming: the failures grow the pool's backoff
    for (let wave = 0; wave < 3; wave += 1) {
      const started = Date.now();
      const results = await Promise.allSettled(Array.from({ length: 100 }, () => sql`select 1`));
      expect(results.every((result) => result.status === 'rejected')).toBe(true);
      expect(Date.now() - started).toBeLessThan(1_000);
    }

    await pg.start();
    const started = Date.now();
    await expect(sql`select 1 as one`).resolves.toEqual([{ one: 1 }]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
