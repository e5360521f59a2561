import { describe, expect, it } from 'vitest';
import { HOLIDAYS_2026, WORKDAYS_2026 } from './calendar-2026.fixture';
import { CHINESE_DAYS_SOURCE, readChineseDaysYears } from './chinese-days-source';

describe('readChineseDaysYears', () => {
  it('matches the 2026 arrangement the tests are written against', () => {
    const [year2026] = readChineseDaysYears(2026, 2026);
    expect(year2026?.year).toBe(2026);
    expect(year2026?.holidays).toEqual([...HOLIDAYS_2026]);
    expect(year2026?.workdays).toEqual([...WORKDAYS_2026]);
    expect(year2026?.names['2026-02-17']).toBe('春节');
    expect(year2026?.names['2026-10-10']).toBe('国庆节');
  });

  it('leaves out years the package does not know, so they are not taken as loaded', () => {
    const years = readChineseDaysYears(2024, 2099).map((y) => y.year);
    expect(years).toContain(2024);
    expect(years).toContain(2026);
    expect(years.every((year) => year >= 2024 && year <= 2099)).toBe(true);
    expect(readChineseDaysYears(2090, 2099)).toEqual([]);
  });

  it('keeps each day in its own year, sorted', () => {
    for (const year of readChineseDaysYears(2004, 2026)) {
      for (const day of [...year.holidays, ...year.workdays]) expect(day.startsWith(`${year.year}-`)).toBe(true);
      expect([...year.holidays].sort()).toEqual(year.holidays);
    }
  });

  it('names its source with the package version', () => {
    expect(CHINESE_DAYS_SOURCE).toMatch(/^chinese-days@\d+\.\d+\.\d+$/);
  });
});
