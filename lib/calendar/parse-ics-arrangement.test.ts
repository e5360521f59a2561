import { describe, expect, it } from 'vitest';
import { parseIcsArrangement } from './parse-ics-arrangement';

const ics = (events: string) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//holidays//CN', events, 'END:VCALENDAR'].join('\r\n');

const event = (summary: string, start: string, end: string) =>
  ['BEGIN:VEVENT', `UID:${summary}-${start}`, `SUMMARY:${summary}`, `DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${end}`, 'END:VEVENT'].join('\r\n');

describe('parseIcsArrangement', () => {
  it('reads runs of days off (DTEND exclusive) and worked weekend days (班)', () => {
    const text = ics([event('国庆节 休', '20261001', '20261008'), event('国庆节 班', '20261010', '20261011'), event('元旦', '20251231', '20260102')].join('\r\n'));
    const arrangement = parseIcsArrangement(text, 2026);
    expect(arrangement.holidays).toEqual(['2026-01-01', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
    expect(arrangement.workdays).toEqual(['2026-10-10']);
    expect(arrangement.names['2026-10-10']).toBe('国庆节 班');
  });

  it('refuses a file that is not iCalendar', () => {
    expect(() => parseIcsArrangement('holidays: 2026-10-01', 2026)).toThrow('文件不是有效的 iCalendar（.ics）格式');
  });
});
