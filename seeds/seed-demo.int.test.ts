// The demo seed against a real Postgres, in a database of its own so that other suites' rows
// (and other suites' seeds) cannot blur the counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfShanghaiDay } from '../lib/calendar/ymd';
import { now } from '../lib/clock';
import { createSql, type Sql } from '../lib/db/sql';
import { createTestDatabase, type TestDatabase } from '../lib/testing/test-database';
import { PILOT_DOMAINS } from './departments';
import { OUTCOME_WEIGHTS } from './item-planner';
import { countSeedTables, PILOT_UNITS, seedDemo, SEED_TABLES, type SeedCounts, type SeedDemoResult } from './seed-demo';
import { measureOutcomes } from './testing/measured-mix';
import { checkObligationClock } from './testing/obligation-clock';

let db: TestDatabase;
let sql: Sql;
let first: SeedDemoResult;
let countsAfterFirst: SeedCounts;
let seededFrom: Date;
let seededUntil: Date;

beforeAll(async () => {
  db = await createTestDatabase('seed');
  sql = createSql(db.appUrl, { max: 2 });
  seededFrom = now();
  first = await seedDemo(sql);
  seededUntil = now();
  countsAfterFirst = await countSeedTables(sql);
}, 180_000);

afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await db?.drop();
});

describe('seedDemo', () => {
  // How long it takes is a benchmark's figure (a target would live in BENCHMARKS.md), never a test's bound on
  // a shared machine; the CLI prints the duration of each run.
  it('loads every seeded table into an empty database and reports exactly the rows it wrote', () => {
    for (const table of SEED_TABLES) expect(first.added[table], table).toBeGreaterThan(0);
    expect(first.added).toEqual(countsAfterFirst);
    expect(countsAfterFirst.items).toBeGreaterThan(10_000);
    expect(countsAfterFirst.items).toBeLessThan(30_000);
  });

  it('adds nothing when run again, whatever day it is dated from', async () => {
    const second = await seedDemo(sql);
    expect(Object.values(second.added).every((n) => n === 0)).toBe(true);
    expect(second.mix).toBeNull();
    expect(second.reports).toBe(0);
    const third = await seedDemo(sql, { today: '2026-03-02' });
    expect(Object.values(third.added).every((n) => n === 0)).toBe(true);
    expect(third.reports).toBe(0);
    expect(await countSeedTables(sql)).toEqual(countsAfterFirst);
  }, 60_000);

  it('has the 7 pilot units with their names under their cities', async () => {
    const rows = await sql<{ code: string; name: string; path: string; level: string }[]>`
      select code, name, path, level from regions where is_pilot order by code`;
    expect(rows.map((r) => [r.code, r.name])).toEqual(PILOT_UNITS.map((u) => [u.code, u.name]));
    for (const row of rows) {
      expect(row.level).toBe('county');
      expect(row.path).toMatch(new RegExp(`^320000\\.\\d{6}\\.${row.code}$`));
    }
    const [cities] = await sql<{ n: number }[]>`select count(*)::int as n from regions where level = 'city'`;
    expect(cities!.n).toBe(13);
  });

  it('has at least 5 catalog entries per pilot domain in every pilot unit', async () => {
    const rows = await sql<{ region_code: string; domain: string; n: number }[]>`
      select c.region_code, c.domain, count(*)::int as n
      from catalog_entries c join regions r on r.code = c.region_code
      where r.is_pilot and c.is_current
      group by 1, 2`;
    for (const unit of PILOT_UNITS) {
      for (const domain of PILOT_DOMAINS) {
        const n = rows.find((r) => r.region_code === unit.code && r.domain === domain)?.n ?? 0;
        expect(n, `${unit.name} ${domain}`).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('creates the demo users', async () => {
    const users = await sql<{ username: string; role: string; region_code: string; department: string | null }[]>`
      select u.username, u.role, u.region_code, d.name as department
      from users u left join departments d on d.id = u.department_id order by u.id`;
    expect(users.map((u) => u.username)).toEqual([
      'admin', 'supervisor', 'leader', 'handler', ...PILOT_UNITS.map((u) => `sup-${u.code}`), 'dept',
    ]);
    expect(users.find((u) => u.username === 'sup-320105')).toMatchObject({ role: 'supervisor', region_code: '320105' });
    expect(users.find((u) => u.username === 'dept')).toMatchObject({ role: 'dept', department: '南京市建邺生态环境局' });
  });

  it('publishes only under entries of the publishing department', async () => {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from items i join catalog_entries c on c.id = i.catalog_entry_id
      where c.department_id <> i.department_id or c.region_code <> i.region_code`;
    expect(row!.n).toBe(0);
  });

  it('keeps every obligation ordered warn ≤ due ≤ severe, at the level of the clock it was seeded at', async () => {
    const { rows, wrong } = await checkObligationClock(sql, seededFrom, seededUntil);
    expect(rows.length).toBe(countsAfterFirst.obligations);
    expect(wrong).toEqual([]);
  });

  it('has the stated mix of outcomes over the item obligations due by today', async () => {
    const cutoff = startOfShanghaiDay(first.today);
    const { total, counts } = await measureOutcomes(sql, cutoff);
    expect(total).toBeGreaterThan(5000);
    for (const [outcome, target] of OUTCOME_WEIGHTS) {
      const share = counts[outcome] / total;
      expect(Math.abs(share - target), `${outcome}: ${share.toFixed(3)}`).toBeLessThan(0.03);
    }
  });
});

describe('seedDemo scores', () => {
  it('scores every month it seeded, so a leader sees history at once', async () => {
    const months = await sql<{ period: string; departments: number; scored: number }[]>`
      select period, count(*)::int as departments, count(total)::int as scored from scores
      where subject_type = 'department' group by period order by period`;
    // a year of items: at least 12 months, each with every department and most of them scored
    expect(months.length).toBeGreaterThanOrEqual(12);
    const [departments] = await sql<{ n: number }[]>`select count(*)::int as n from departments`;
    for (const month of months.slice(1, -1)) {
      expect(month.departments).toBe(departments!.n);
      expect(month.scored).toBeGreaterThan(0);
    }
    const [late] = await sql<{ n: number }[]>`
      select count(*)::int as n from scores, jsonb_array_elements(breakdown->'losses') loss
      where loss->>'indicator' = 'timeliness' and (loss->'ref'->>'itemId') is not null`;
    expect(late!.n).toBeGreaterThan(0);
  });
});

describe('seedDemo reports', () => {
  it('builds the monthly report of every past month it scored, for every region with departments', async () => {
    const [current] = await sql<{ period: string }[]>`select to_char(${now()}::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM') as period`;
    const scored = await sql<{ period: string }[]>`
      select distinct period from scores where subject_type = 'department' and period < ${current!.period} order by period`;
    const reports = await sql<{ period: string; n: number }[]>`select period, count(*)::int as n from reports group by period order by period`;
    const [regions] = await sql<{ n: number }[]>`
      select count(*)::int as n from regions r
      where exists (select 1 from departments d join regions dr on dr.code = d.region_code where dr.path like r.path || '%')`;
    expect(scored.length).toBeGreaterThanOrEqual(11);
    expect(reports).toEqual(scored.map(({ period }) => ({ period, n: regions!.n })));
    expect(first.reports).toBe(scored.length * regions!.n);
  });
});
