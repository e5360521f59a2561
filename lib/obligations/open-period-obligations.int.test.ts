// Period obligations against the run's real Postgres: opened once per period for the responsible
// department, at the level they have reached, and fulfilled by the department's items oldest first.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql';
import { ingestItem } from '../items/ingest-item';
import { createIngestWorld, type IngestWorld } from '../items/test-fixtures';
import { openPeriodObligations } from './open-period-obligations';

let world: IngestWorld;

beforeAll(async () => {
  world = await createIngestWorld(sql);
});

const at = (iso: string) => new Date(iso);
const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

const periodObligations = () =>
  sql<{ id: number; catalog_entry_id: number; period_key: string; state: string; level: string; anchor_at: Date; due_at: Date; next_check_at: Date | null; fulfilled_at: Date | null; fulfilled_by_item_id: number | null; is_late: boolean | null }[]>`
    select id, catalog_entry_id, period_key, state, level, anchor_at, due_at, next_check_at, fulfilled_at,
      fulfilled_by_item_id, is_late
    from obligations where department_id = ${world.department.id} and period_key is not null
    order by catalog_entry_id, anchor_at`;

async function publish(entryCode: string, formedAt: string, publishedAt: string) {
  const result = await ingestItem(sql, {
    department: world.department,
    payload: {
      externalId: `period-${randomBytes(4).toString('hex')}`,
      catalogCode: entryCode,
      title: '统计数据',
      formedAt,
      publishedAt,
      channels: ['website'],
    },
    receivedAt: new Date(new Date(publishedAt).getTime() + 60_000),
    actor: 'test',
  });
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

describe('openPeriodObligations', () => {
  it('opens the current period of every periodic and fixed-date entry for its department, once', async () => {
    const first = await openPeriodObligations(sql, { at: at('2026-11-03T01:00:00+08:00') });
    const mine = first.opened.filter((o) => o.departmentId === world.department.id);
    expect(mine.map((o) => o.periodKey).sort()).toEqual(['2025', '2026-11', '2026-Q4']);

    const rows = await periodObligations();
    const byKey = Object.fromEntries(rows.map((row) => [row.period_key, row]));
    expect(byKey['2026-11']).toMatchObject({
      catalog_entry_id: world.entries.monthly.id,
      anchor_at: midnight('2026-11-01'),
      // 20 working days after 2026-11-30
      due_at: midnight('2026-12-29'),
      state: 'open',
      level: 'none',
    });
    expect(byKey['2026-Q4']).toMatchObject({ catalog_entry_id: world.entries.quarterly.id, anchor_at: midnight('2026-10-01') });
    // the 2025 annual report was due 2026-01-31: opened this late, it opens red with nothing left to cross
    expect(byKey['2025']).toMatchObject({
      catalog_entry_id: world.entries.annualReport.id,
      anchor_at: midnight('2026-01-01'),
      due_at: midnight('2026-02-01'),
      level: 'red',
      next_check_at: null,
    });
    expect(mine.find((o) => o.periodKey === '2025')?.level).toBe('red');

    const again = await openPeriodObligations(sql, { at: at('2026-11-20T01:00:00+08:00') });
    expect(again.opened.filter((o) => o.departmentId === world.department.id)).toEqual([]);
    expect(await periodObligations()).toHaveLength(3);
  });

  it('does not open a period twice when the entry gets a new version', async () => {
    const [entry] = await sql<{ id: number }[]>`
      update catalog_entries set is_current = false where id = ${world.entries.quarterly.id} returning id`;
    expect(entry).toBeDefined();
    const [copy] = await sql<{ id: number }[]>`
      insert into catalog_entries (region_code, code, version, is_current, category, name, domain, department_id,
        position_id, basis, content, required_elements, time_limit, time_limit_text, channels, mode, created_at)
      select region_code, code, version + 1, true, category, name, domain, department_id, position_id, basis, content,
        required_elements, time_limit, time_limit_text, channels, mode, created_at
      from catalog_entries where id = ${world.entries.quarterly.id}
      returning id`;
    const run = await openPeriodObligations(sql, { at: at('2026-11-21T01:00:00+08:00') });
    expect(run.opened.filter((o) => o.catalogEntryId === copy!.id)).toEqual([]);
  });

  it('lets items settle the oldest open period first', async () => {
    await openPeriodObligations(sql, { at: at('2026-12-01T00:30:00+08:00') });
    const monthly = () => periodObligations().then((rows) => rows.filter((r) => r.catalog_entry_id === world.entries.monthly.id));
    expect((await monthly()).map((r) => [r.period_key, r.state])).toEqual([
      ['2026-11', 'open'],
      ['2026-12', 'open'],
    ]);

    // the November figures, formed and published early in December
    const november = await publish(world.entries.monthly.code, '2026-12-01T09:00:00+08:00', '2026-12-02T10:00:00+08:00');
    const december = await publish(world.entries.monthly.code, '2026-12-28T09:00:00+08:00', '2026-12-28T10:00:00+08:00');
    const extra = await publish(world.entries.monthly.code, '2026-12-29T09:00:00+08:00', '2026-12-29T10:00:00+08:00');
    expect((await monthly()).map((r) => [r.period_key, r.state, r.fulfilled_by_item_id, r.is_late])).toEqual([
      ['2026-11', 'fulfilled', november, false],
      ['2026-12', 'fulfilled', december, false],
    ]);
    expect(extra).toBeGreaterThan(december);
  });

  it('records the lateness of a fixed-date report published after its day', async () => {
    const report = await publish(world.entries.annualReport.code, '2026-11-25T09:00:00+08:00', '2026-11-25T10:00:00+08:00');
    const [row] = (await periodObligations()).filter((r) => r.period_key === '2025');
    expect(row).toMatchObject({ state: 'fulfilled', fulfilled_by_item_id: report, is_late: true, level: 'red', next_check_at: null });
  });
});
