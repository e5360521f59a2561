import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 } from '../calendar/calendar-2026.fixture';
import { disputeWindowEnd, isWithinDisputeWindow } from './dispute-window';

const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('the dispute window', () => {
  it('ends at 24:00 of the 5th working day after the opening day, skipping the National Day holiday', () => {
    // opened Wed 2026-09-30: 10-01..07 are holidays, 10-10 (Saturday) is a working day
    const end = disputeWindowEnd(CALENDAR_2026, shanghai('2026-09-30T15:00:00'), 5);
    expect(end).toEqual(shanghai('2026-10-14T00:00:00'));
  });

  it('admits a dispute on the last day and refuses one a minute after it closes', () => {
    const opened = shanghai('2026-11-02T09:00:00');
    expect(isWithinDisputeWindow(CALENDAR_2026, opened, 5, shanghai('2026-11-09T23:59:00'))).toBe(true);
    expect(isWithinDisputeWindow(CALENDAR_2026, opened, 5, shanghai('2026-11-10T00:01:00'))).toBe(false);
  });
});
