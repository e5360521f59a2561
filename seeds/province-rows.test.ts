import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../lib/calendar/calendar';
import { readChineseDaysYears } from '../lib/calendar/chinese-days-source';
import { ItemPlanner, type DepartmentPlan } from './item-planner';
import type { ItemIds } from './item-writer';
import { provinceRegionSeeds, provinceUnits } from './province-geography';
import { departmentRows, ITEM_COLUMNS, ITEM_EVENT_COLUMNS, OBLIGATION_COLUMNS } from './province-rows';
import { deadlineParamsFor } from '../lib/obligations/obligation-plan';
import { defaultRules } from './rules';
import { buildUnitSeed } from './unit-seed';

const years = readChineseDaysYears(2000, 2100);
const calendar = makeCalendar({
  holidays: years.flatMap((y) => y.holidays),
  workdays: years.flatMap((y) => y.workdays),
  years: years.map((y) => y.year),
});
const rules = defaultRules();
const paths = new Map(provinceRegionSeeds().map((r) => [r.code, r.path]));
// 玄武区: a county whose profile is generated
const unitSeed = buildUnitSeed(provinceUnits().find((u) => u.code === '320102')!);

const planner = new ItemPlanner({
  today: '2026-11-27',
  calendar,
  asOf: new Date('2026-11-27T10:30:00+08:00'),
  deadlineParams: (entry) => deadlineParamsFor(rules, { regionPath: paths.get(entry.regionCode)!, domain: entry.domain, entryId: 0 }),
  unitSize: () => 3,
  history: 'compact',
});

let next = 1000;
const ids: ItemIds = {
  departments: new Map(unitSeed.departments.map((d) => [d.code, next++])),
  positions: new Map(unitSeed.departments.flatMap((d) => d.positions.map((p) => [`${d.code}/${p.code}`, next++] as const))),
  entries: new Map(unitSeed.entries.map((e) => [`${e.regionCode}/${e.code}`, next++])),
};

const lines = (text: string) => (text === '' ? [] : text.slice(0, -1).split('\n'));

describe('departmentRows', () => {
  const plans: DepartmentPlan[] = unitSeed.departments.map((d) => planner.planDepartment(unitSeed, d));
  const busiest = plans.reduce((a, b) => (b.items.length > a.items.length ? b : a));

  it('plans a generated county like a pilot one, with formed and published events only', () => {
    expect(busiest.items.length).toBeGreaterThan(50);
    for (const item of plans.flatMap((p) => p.items)) {
      expect(item.events.map((e) => e.kind)).toEqual(item.publishedAt ? ['formed', 'published'] : ['formed']);
    }
  });

  it('writes one line per row, every line with all its columns, ids numbered from the first', () => {
    const rows = departmentRows(busiest, ids, 501);
    expect(rows.counts.items).toBe(busiest.items.length);
    expect(rows.counts.obligations).toBe(busiest.obligations.length);
    expect(rows.counts.events).toBe(busiest.items.reduce((n, i) => n + i.events.length, 0));
    const items = lines(rows.items);
    expect(items).toHaveLength(rows.counts.items);
    for (const line of items) expect(line.split('\t')).toHaveLength(ITEM_COLUMNS.length);
    expect(items.map((l) => Number(l.split('\t')[0]))).toEqual(busiest.items.map((_, i) => 501 + i));
    for (const line of lines(rows.events)) expect(line.split('\t')).toHaveLength(ITEM_EVENT_COLUMNS.length);
    for (const line of lines(rows.obligations)) expect(line.split('\t')).toHaveLength(OBLIGATION_COLUMNS.length);
    // bodies are multi-line: their newlines travel escaped
    expect(rows.items).toContain('\\n');
  });

  it('points events and obligations at the ids of their own items', () => {
    const rows = departmentRows(busiest, ids, 501);
    const idOf = new Map(busiest.items.map((item, i) => [item.externalId, 501 + i]));
    const eventItemIds = lines(rows.events).map((l) => Number(l.split('\t')[0]));
    expect(eventItemIds).toEqual(busiest.items.flatMap((item) => item.events.map(() => idOf.get(item.externalId))));
    const col = (name: (typeof OBLIGATION_COLUMNS)[number]) => OBLIGATION_COLUMNS.indexOf(name);
    lines(rows.obligations).forEach((line, i) => {
      const cells = line.split('\t');
      const o = busiest.obligations[i]!;
      expect(cells[col('item_id')]).toBe(o.itemExternalId === null ? '\\N' : String(idOf.get(o.itemExternalId)));
      expect(cells[col('fulfilled_by_item_id')]).toBe(
        o.fulfilledByExternalId === null ? '\\N' : String(idOf.get(o.fulfilledByExternalId)),
      );
      expect(cells[col('state')]).toBe(o.state);
      expect(cells[col('department_id')]).toBe(String(ids.departments.get(busiest.departmentCode)));
    });
  });

  it('fails loudly on an id it cannot resolve', () => {
    const missing: ItemIds = { ...ids, entries: new Map() };
    expect(() => departmentRows(busiest, missing, 1)).toThrow(/catalog entry .* is missing/);
  });
});
