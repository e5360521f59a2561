// The province-scale seed against a real Postgres, run small (itemsTarget) in a database of its own:
// a load into the empty database, the ~100 counties, the outcome mix, obligations tied to their items,
// the schema put back as it was; then refusal of a database in use, and --reset giving the same rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finished } from 'node:stream/promises';
import { shanghaiDayOf, startOfShanghaiDay } from '../lib/calendar/ymd';
import { now } from '../lib/clock';
import { createSql, type Sql } from '../lib/db/sql';
import { createTestDatabase, type TestDatabase } from '../lib/testing/test-database';
import { copyJson, copyNullableText, copyRow, copyTextArray, copyTimestamp } from './copy-text';
import { OUTCOME_WEIGHTS } from './item-planner';
import { provinceUnits } from './province-geography';
import { countSeedTables, PILOT_UNITS, SEED_TABLES } from './seed-demo';
import { ProvinceSeedRefusedError, seedProvince, type SeedProvinceResult } from './seed-province';
import { measureOutcomes } from './testing/measured-mix';
import { checkObligationClock } from './testing/obligation-clock';

const ITEMS_TARGET = 20_000;

let db: TestDatabase;
let admin: Sql;
let app: Sql;
let today: string;
let schemaBefore: string[];
let result: SeedProvinceResult;
let seededFrom: Date;
let seededUntil: Date;
const lines: string[] = [];

/** Every index and constraint of the loaded tables, as Postgres prints them. */
async function schemaOf(sql: Sql): Promise<string[]> {
  const rows = await sql<{ def: string }[]>`
    select pg_get_indexdef(i.indexrelid) as def from pg_index i
    where i.indrelid in ('items'::regclass, 'item_events'::regclass, 'obligations'::regclass)
    union all
    select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
    where conrelid in ('items'::regclass, 'item_events'::regclass, 'obligations'::regclass)
    order by 1`;
  return rows.map((r) => r.def);
}

async function itemsDigest(sql: Sql): Promise<string> {
  const [row] = await sql<{ digest: string }[]>`
    select md5(string_agg(d.code || '/' || i.external_id || '/' || i.payload_hash || '/' || i.id, ',' order by i.id)) as digest
    from items i join departments d on d.id = i.department_id`;
  return row!.digest;
}

beforeAll(async () => {
  db = await createTestDatabase('province');
  admin = createSql(db.adminUrl, { max: 1 });
  app = createSql(db.appUrl, { max: 2 });
  today = shanghaiDayOf(now());
  schemaBefore = await schemaOf(admin);
  seededFrom = now();
  result = await seedProvince(admin, { itemsTarget: ITEMS_TARGET, today, log: (line) => lines.push(line) });
  seededUntil = now();
}, 240_000);

afterAll(async () => {
  await app?.end({ timeout: 5 });
  await admin?.end({ timeout: 5 });
  await db?.drop();
});

describe('seedProvince', () => {
  it('loads the province into an empty database and reports what it wrote', async () => {
    expect(result.counts).toEqual(await countSeedTables(admin));
    // the province set raises no history alerts (a million checks would take longer than the load itself)
    for (const table of SEED_TABLES.filter((t) => t !== 'alerts')) expect(result.counts[table], table).toBeGreaterThan(0);
    expect(result.counts.alerts).toBe(0);
    // every seeded month is scored, every department of the province among them
    const [scores] = await admin<{ months: number; departments: number; rows: number }[]>`
      select count(distinct period)::int as months, count(distinct department_id)::int as departments, count(*)::int as rows
      from scores`;
    expect(result.scored).toEqual({ months: scores!.months, rows: scores!.rows });
    expect(scores!.months).toBeGreaterThanOrEqual(12);
    const [departments] = await admin<{ n: number }[]>`select count(*)::int as n from departments`;
    expect(scores!.departments).toBe(departments!.n);
    expect(Math.abs(result.counts.items - ITEMS_TARGET) / ITEMS_TARGET).toBeLessThan(0.05);
    expect(result.load.items.rows).toBe(result.counts.items);
    expect(result.load.itemEvents.rows).toBe(result.counts.item_events);
    expect(result.load.obligations.rows).toBe(result.counts.obligations);
    // formed, and published for the published ones
    expect(result.counts.item_events).toBeGreaterThan(result.counts.items * 1.8);
    expect(result.counts.item_events).toBeLessThanOrEqual(result.counts.items * 2);
    expect(lines.some((l) => l.startsWith('清空已有数据'))).toBe(false);
    expect(lines.some((l) => /^公开信息 [\d,]+ 行，COPY/.test(l))).toBe(true);
  });

  it('has the province, 13 cities and 96 counties, each county with departments, a catalog and items', async () => {
    const levels = await admin<{ level: string; n: number }[]>`select level, count(*)::int as n from regions group by 1 order by 1`;
    expect(levels).toEqual([
      { level: 'city', n: 13 },
      { level: 'county', n: 96 },
      { level: 'province', n: 1 },
    ]);
    const perCounty = await admin<{ code: string; departments: number; entries: number; items: number }[]>`
      select r.code,
        (select count(*)::int from departments d where d.region_code = r.code) as departments,
        (select count(*)::int from catalog_entries c where c.region_code = r.code) as entries,
        (select count(*)::int from items i where i.region_code = r.code) as items
      from regions r where r.level = 'county' order by r.code`;
    expect(perCounty.map((c) => c.code)).toEqual(provinceUnits().map((u) => u.code).sort());
    for (const county of perCounty) {
      expect(county.departments, county.code).toBeGreaterThanOrEqual(25);
      expect(county.entries, county.code).toBeGreaterThan(50);
      expect(county.items, county.code).toBeGreaterThan(50);
    }
    const pilots = await admin<{ code: string; name: string }[]>`select code, name from regions where is_pilot order by code`;
    expect(pilots).toEqual(PILOT_UNITS.map((u) => ({ code: u.code, name: u.name })));
  });

  it('seeds the demo users, and the app role can read what the owner wrote', async () => {
    const users = await app<{ username: string }[]>`select username from users order by id`;
    expect(users.map((u) => u.username)).toEqual([
      'admin', 'supervisor', 'leader', 'handler', ...PILOT_UNITS.map((u) => `sup-${u.code}`), 'dept',
    ]);
    const [row] = await app<{ n: number }[]>`select count(*)::int as n from items`;
    expect(row!.n).toBe(result.counts.items);
  });

  it('puts every index and constraint of the loaded tables back as the migrations made them', async () => {
    expect(await schemaOf(admin)).toEqual(schemaBefore);
  });

  it('moves the item id sequence past the ids the load used', async () => {
    const [row] = await admin<{ max: number; last: number }[]>`
      select (select max(id) from items) as max, last_value as last
      from pg_sequences where schemaname = 'public' and sequencename = pg_get_serial_sequence('items', 'id')::regclass::text`;
    expect(row).toMatchObject({ max: row!.last });
    const [ids] = await admin<{ min: number; n: number }[]>`select min(id) as min, count(distinct id)::int as n from items`;
    expect(ids).toEqual({ min: 1, n: result.counts.items });
  });

  it('ties every event-triggered obligation to its item, and every fulfilled one to the item that fulfilled it', async () => {
    const [wrong] = await admin<{ mismatched: number; fulfilled_wrong: number; period_wrong: number; events_wrong: number }[]>`
      select
        (select count(*)::int from obligations o join items i on i.id = o.item_id
          where i.department_id <> o.department_id or i.catalog_entry_id <> o.catalog_entry_id
            or i.region_code <> o.region_code) as mismatched,
        (select count(*)::int from obligations o join items i on i.id = o.item_id
          where (o.state = 'fulfilled') <> (i.published_at is not null)
            or (o.state = 'fulfilled' and (o.fulfilled_at <> i.published_at or o.fulfilled_by_item_id <> o.item_id))
            or (o.state = 'open' and o.fulfilled_by_item_id is not null)) as fulfilled_wrong,
        (select count(*)::int from obligations o left join items i on i.id = o.fulfilled_by_item_id
          where o.period_key is not null and (o.state = 'fulfilled') <> (i.id is not null
            and i.catalog_entry_id = o.catalog_entry_id and i.department_id = o.department_id
            and i.published_at = o.fulfilled_at)) as period_wrong,
        (select count(*)::int from items i
          where not exists (select 1 from item_events e where e.item_id = i.id and e.kind = 'formed' and e.at = i.formed_at)
            or (i.published_at is not null) <> exists (
              select 1 from item_events e where e.item_id = i.id and e.kind = 'published' and e.at = i.published_at)
        ) as events_wrong`;
    expect(wrong).toEqual({ mismatched: 0, fulfilled_wrong: 0, period_wrong: 0, events_wrong: 0 });
    const [counts] = await admin<{ event_triggered: number; items_with_obligation: number }[]>`
      select count(*) filter (where item_id is not null)::int as event_triggered,
        (select count(distinct item_id)::int from obligations) as items_with_obligation
      from obligations`;
    expect(counts!.event_triggered).toBe(counts!.items_with_obligation);
    // the rest: periodic items (their obligation is the period's) and items of unmeasurable entries
    expect(counts!.event_triggered).toBeGreaterThan(result.counts.items * 0.6);
  });

  it('keeps obligation levels and next checks at the clock it was seeded at', async () => {
    const { rows, wrong } = await checkObligationClock(admin, seededFrom, seededUntil);
    expect(wrong).toEqual([]);
    expect(rows.some((o) => o.level === 'red')).toBe(true);
  });

  it('has the stated mix of outcomes over the item obligations due by today', async () => {
    const { total, counts } = await measureOutcomes(admin, startOfShanghaiDay(today));
    expect(total).toBeGreaterThan(ITEMS_TARGET * 0.7);
    for (const [outcome, target] of OUTCOME_WEIGHTS) {
      const share = counts[outcome] / total;
      expect(Math.abs(share - target), `${outcome}: ${share.toFixed(3)}`).toBeLessThan(0.03);
    }
    expect(result.mix!.due).toBeGreaterThanOrEqual(total);
  });

  it('refuses a database that already holds data, naming --reset, and leaves it as it was', async () => {
    const refusal = await seedProvince(admin, { itemsTarget: 100, today }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ProvinceSeedRefusedError);
    expect((refusal as Error).message).toMatch(/--reset/);
    expect((refusal as Error).message).toMatch(/regions 110 行/);
    expect(await countSeedTables(admin)).toEqual(result.counts);
  });

  it('with --reset empties the domain tables and writes the same items again for the same day', async () => {
    const before = await itemsDigest(admin);
    // a row the reset must take with it
    await admin`insert into sessions (token_hash, user_id, created_at, expires_at, last_seen_at)
      values ('x', (select min(id) from users), now(), now(), now())`;
    const resetLines: string[] = [];
    const again = await seedProvince(admin, { reset: true, itemsTarget: ITEMS_TARGET, today, log: (l) => resetLines.push(l) });
    expect(resetLines.some((l) => l.startsWith('清空已有数据'))).toBe(true);
    expect(again.counts).toEqual(result.counts);
    expect(await itemsDigest(admin)).toBe(before);
    expect(await schemaOf(admin)).toEqual(schemaBefore);
    const [sessions] = await admin<{ n: number }[]>`select count(*)::int as n from sessions`;
    expect(sessions!.n).toBe(0);
  }, 240_000);
});

describe('COPY text encoding against Postgres', () => {
  it('round-trips awkward text, arrays, json and timestamps', async () => {
    const values = {
      text: 'tab\there, newline\nthere, CR\r, backslash \\ and \\N and \\. and "quotes", {braces}, 中文',
      empty: '',
      array: ['plain', 'a "quoted" one', 'back\\slash', 'comma,brace}', 'NULL', '', 'tab\tin'],
      json: { 三公经费表: '合计\n"30"万元\\', list: [1, null, 'x\ty'] },
      at: new Date('2026-11-30T16:00:00.007Z'),
    };
    await admin.begin(async (tx) => {
      await tx`create temporary table copy_check (t text, e text, n text, a text[], j jsonb, at timestamptz) on commit drop`;
      const stream = await tx`copy copy_check (t, e, n, a, j, at) from stdin`.writable();
      stream.write(
        copyRow([
          copyNullableText(values.text),
          copyNullableText(values.empty),
          copyNullableText(null),
          copyTextArray(values.array),
          copyJson(values.json),
          copyTimestamp(values.at),
        ]),
      );
      stream.end();
      await finished(stream);
      const [row] = await tx<{ t: string; e: string; n: string | null; a: string[]; j: unknown; at: Date }[]>`select * from copy_check`;
      expect(row).toEqual({ t: values.text, e: '', n: null, a: values.array, j: values.json, at: values.at });
    });
  });
});
