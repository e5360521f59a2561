// The calendar tables against the run's real Postgres. Years far in the future keep these rows out of
// the way of other tests that compute deadlines in the present.
import { describe, expect, it } from 'vitest';
import { sql } from '../../db/sql';
import { CALENDAR_STAMP_CHECK_MS, getCalendar, invalidateCalendarCache } from './calendar-cache';
import { readChineseDaysYears } from '../chinese-days-source';
import { loadCalendar, replaceCalendarYear } from './queries';
import { addWorkingDays } from '../working-days';

const at = new Date('2026-11-04T10:00:00+08:00');

describe('replaceCalendarYear and loadCalendar', () => {
  it('stores a year and reads it back as date strings', async () => {
    await sql.begin((tx) =>
      replaceCalendarYear(tx, {
        year: 2091,
        holidays: ['2091-01-01', '2091-01-02'],
        workdays: ['2091-01-06'],
        names: { '2091-01-01': '元旦' },
        source: 'test',
        loadedBy: 'vitest',
        at,
      }),
    );
    const cal = await loadCalendar(sql);
    expect(cal.loadedYears.has(2091)).toBe(true);
    expect(cal.holidays.has('2091-01-01')).toBe(true);
    expect(cal.workdays.has('2091-01-06')).toBe(true);
    const [row] = await sql`select name, kind from calendar_days where day = '2091-01-01'`;
    expect(row).toEqual({ name: '元旦', kind: 'holiday' });
  });

  it('replaces the whole year, leaving the neighbours alone', async () => {
    await sql.begin((tx) =>
      replaceCalendarYear(tx, { year: 2092, holidays: ['2092-01-01'], workdays: [], source: 'test', loadedBy: 'vitest', at }),
    );
    await sql.begin((tx) =>
      replaceCalendarYear(tx, { year: 2091, holidays: ['2091-10-01'], workdays: [], source: 'test-2', loadedBy: 'admin', at }),
    );
    const cal = await loadCalendar(sql);
    expect(cal.holidays.has('2091-01-01')).toBe(false);
    expect(cal.workdays.has('2091-01-06')).toBe(false);
    expect(cal.holidays.has('2091-10-01')).toBe(true);
    expect(cal.holidays.has('2092-01-01')).toBe(true);
    const [year] = await sql`select source, loaded_by from calendar_years where year = 2091`;
    expect(year).toEqual({ source: 'test-2', loaded_by: 'admin' });
  });

  it('marks a year with no exceptions as loaded', async () => {
    await sql.begin((tx) =>
      replaceCalendarYear(tx, { year: 2093, holidays: [], workdays: [], source: 'test', loadedBy: 'vitest', at }),
    );
    expect((await loadCalendar(sql)).loadedYears.has(2093)).toBe(true);
  });

  it('refuses days outside the year or listed twice, writing nothing', async () => {
    const attempt = (holidays: string[], workdays: string[]) =>
      sql.begin((tx) => replaceCalendarYear(tx, { year: 2094, holidays, workdays, source: 'test', loadedBy: 'vitest', at }));
    await expect(attempt(['2095-01-01'], [])).rejects.toThrow(RangeError);
    await expect(attempt(['2094-01-01'], ['2094-01-01'])).rejects.toThrow(RangeError);
    await expect(attempt(['2094-02-30'], [])).rejects.toThrow(RangeError);
    expect((await loadCalendar(sql)).loadedYears.has(2094)).toBe(false);
  });

  it('seeds from chinese-days so that 2026 counts as in DESIGN §1', async () => {
    await sql.begin(async (tx) => {
      for (const year of readChineseDaysYears(2026, 2026)) {
        await replaceCalendarYear(tx, { ...year, source: 'chinese-days', loadedBy: 'vitest', at });
      }
    });
    const cal = await loadCalendar(sql);
    expect(addWorkingDays(cal, '2026-11-02', 20)).toEqual({ due: '2026-11-30', provisional: false });
    expect(addWorkingDays(cal, '2026-09-18', 1).due).toBe('2026-09-20');
  });
});

describe('getCalendar', () => {
  it('serves from the cache until invalidated', async () => {
    invalidateCalendarCache();
    const first = getCalendar(sql, 1_000);
    expect(getCalendar(sql, 1_000)).toBe(first);
    await first;
    await sql.begin((tx) =>
      replaceCalendarYear(tx, { year: 2096, holidays: [], workdays: [], source: 'test', loadedBy: 'vitest', at }),
    );
    expect((await getCalendar(sql, 1_000 + CALENDAR_STAMP_CHECK_MS - 1)).loadedYears.has(2096)).toBe(false);
    invalidateCalendarCache();
    expect((await getCalendar(sql, 1_000)).loadedYears.has(2096)).toBe(true);
  });

  it('sees a year another process loaded once the stamp is checked again, and keeps the same calendar otherwise', async () => {
    invalidateCalendarCache();
    const first = await getCalendar(sql, 1_000);
    // nothing changed: after the check interval the same calendar is served, not read again
    expect(await getCalendar(sql, 1_000 + CALENDAR_STAMP_CHECK_MS)).toBe(first);
    // a load in another process (no invalidation here) is picked up at the next check
    await sql.begin((tx) =>
      replaceCalendarYear(tx, { year: 2097, holidays: ['2097-01-01'], workdays: [], source: 'test', loadedBy: 'vitest', at }),
    );
    expect((await getCalendar(sql, 1_000 + CALENDAR_STAMP_CHECK_MS + 1)).loadedYears.has(2097)).toBe(false);
    const later = await getCalendar(sql, 1_000 + 2 * CALENDAR_STAMP_CHECK_MS + 1);
    expect(later.loadedYears.has(2097)).toBe(true);
    expect(later.holidays.has('2097-01-01')).toBe(true);
  });
});
