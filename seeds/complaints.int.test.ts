// The demo complaints on a real database: every state in every pilot unit, each with the events that lead
// to it, levels and alerts as the SLA sweep would leave them, and nothing added by a second seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATES } from '../lib/complaints/complaint';
import { createSql, type Sql } from '../lib/db/sql';
import { createTestDatabase, type TestDatabase } from '../lib/testing/test-database';
import { dueComplaintsQuery } from '../lib/complaints/sweep-complaints';
import { SEED_SCENARIOS } from './complaints';
import { PILOT_UNITS, seedDemo } from './seed-demo';

let db: TestDatabase;
let sql: Sql;

beforeAll(async () => {
  db = await createTestDatabase('seedc');
  sql = createSql(db.appUrl, { max: 2 });
  await seedDemo(sql);
}, 240_000);

afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await db?.drop();
});

describe('demo complaints', () => {
  it('puts complaints in every state in every pilot unit', async () => {
    const rows = await sql<{ region_code: string; state: string }[]>`select region_code, state from complaints`;
    expect(rows).toHaveLength(PILOT_UNITS.length * SEED_SCENARIOS.length);
    for (const unit of PILOT_UNITS) {
      const states = new Set(rows.filter((r) => r.region_code === unit.code).map((r) => r.state));
      expect([...states].sort(), unit.code).toEqual([...STATES].sort());
    }
  });

  it('gives every complaint the events that lead to its state', async () => {
    const rows = await sql<{ state: string; last_to: string | null; first: string }[]>`
      select c.state,
        (select e.to_state from complaint_events e where e.complaint_id = c.id and e.to_state is not null order by e.at desc, e.id desc limit 1) as last_to,
        (select e.kind from complaint_events e where e.complaint_id = c.id order by e.at, e.id limit 1) as first
      from complaints c`;
    for (const row of rows) {
      expect(row.first).toBe('received');
      expect(row.last_to).toBe(row.state);
    }
  });

  it('leaves late complaints with their alert, and the demo department user with complaints to handle', async () => {
    const [late] = await sql<{ n: number; alerts: number }[]>`
      select count(*)::int as n,
        (select count(*)::int from alerts where rule_kind = 'complaint_sla' and state <> 'resolved') as alerts
      from complaints where level <> 'none'`;
    expect(late!.n).toBeGreaterThan(0);
    expect(late!.alerts).toBe(late!.n);
    const [mine] = await sql<{ n: number }[]>`
      select count(*)::int as n from complaints c join users u on u.department_id = c.department_id
      where u.username = 'dept' and c.assigned_at is not null and c.state in ('assigned', 'accepted', 'in_progress')`;
    expect(mine!.n).toBeGreaterThanOrEqual(3);
  });

  it('the SLA sweep reads the partial index of open complaints, not the table', async () => {
    // a year of closed complaints beside the open ones, as a real desk would have
    await sql`
      insert into complaints (tracking_code, channel, state, phone, content, region_code, department_id, received_at,
        assign_due_at, reply_due_at, closed_at, updated_at)
      select 'CLOSED-' || n, channel, 'closed', phone, content, region_code, department_id, received_at, assign_due_at,
        reply_due_at, received_at, received_at
      from generate_series(1, 20000) n, (select * from complaints limit 1) c`;
    await sql`analyze complaints`;
    const plan = await sql.begin(async (tx) => {
      const rows = await tx<{ 'QUERY PLAN': string }[]>`explain ${dueComplaintsQuery(tx, new Date(), 500)}`;
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index Scan (using|on) complaints_next_check/);
    expect(plan).not.toMatch(/Seq Scan on complaints/);
  });

  it('adds nothing when seeded again', async () => {
    const before = await sql<{ n: number }[]>`select count(*)::int as n from complaint_events`;
    await seedDemo(sql);
    expect(await sql`select count(*)::int as n from complaint_events`).toEqual(before);
  }, 120_000);
});
