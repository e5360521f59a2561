// The sweep reads only the partial index of open obligations' next threshold, never the whole table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../seeds/seed-demo';
import { createSql, type Sql } from '../db/sql';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { dueObligationsQuery } from './sweep-obligations';

let db: TestDatabase;
let sql: Sql;

beforeAll(async () => {
  db = await createTestDatabase('sweep');
  sql = createSql(db.appUrl, { max: 2 });
  await seedDemo(sql, { today: '2026-11-27' });
  await sql`analyze obligations`;
}, 120_000);

afterAll(async () => {
  await sql?.end();
  await db?.drop();
});

describe('sweep query', () => {
  it('uses the partial index on next_check_at and does not scan obligations', async () => {
    const at = new Date('2026-11-27T12:00:00+08:00');
    const plan = await sql.begin(async (tx) => {
      const rows = await tx<{ 'QUERY PLAN': string }[]>`explain ${dueObligationsQuery(tx, at, 500)}`;
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index Scan (using|on) obligations_next_check/);
    expect(plan).not.toMatch(/Seq Scan on obligations/);
  });
});
