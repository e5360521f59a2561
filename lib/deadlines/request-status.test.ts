import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 as cal } from '../calendar/calendar-2026.fixture';
import { requestStatus, type RequestClockSubject } from './request-status';

const at = (iso: string) => new Date(iso);
const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const params = {
  reply: { warnWorkingDays: 3, severeWorkingDays: 10 },
  confirm: { confirmWorkingDays: 1, warnWorkingDays: 1, severeWorkingDays: 3 },
  correction: { severeWorkingDays: 5 },
};
const subject = (over: Partial<RequestClockSubject>): RequestClockSubject => ({
  state: 'received',
  submittedAt: at('2026-11-02T10:00:00+08:00'),
  clockStartedAt: at('2026-11-02T10:00:00+08:00'),
  consultations: [],
  extendedWorkingDays: 0,
  correctionRequestedAt: null,
  correctionWorkingDays: null,
  ...over,
});

describe('requestStatus', () => {
  it('runs the confirm clock while an online application waits for 确认收到', () => {
    const status = requestStatus(cal, subject({ state: 'submitted', clockStartedAt: null }), params, at('2026-11-03T09:00:00+08:00'));
    expect(status).toMatchObject({ phase: 'confirm', level: 'yellow', nextCheckAt: midnight('2026-11-04') });
    expect(requestStatus(cal, subject({ state: 'submitted', clockStartedAt: null }), params, at('2026-11-09T09:00:00+08:00'))).toMatchObject({ level: 'red', nextCheckAt: null });
  });

  it('runs the reply clock while received: yellow from 11-26, orange from 12-01, red from 12-15', () => {
    expect(requestStatus(cal, subject({}), params, at('2026-11-20T09:00:00+08:00'))).toMatchObject({ phase: 'reply', level: 'none', nextCheckAt: midnight('2026-11-26') });
    expect(requestStatus(cal, subject({}), params, at('2026-11-26T09:00:00+08:00')).level).toBe('yellow');
    expect(requestStatus(cal, subject({}), params, at('2026-12-01T00:00:00+08:00')).level).toBe('orange');
    expect(requestStatus(cal, subject({}), params, at('2026-12-15T00:00:00+08:00')).level).toBe('red');
  });

  it('looks at a request in consultation again the next day, its days not counted meanwhile', () => {
    const consulting = subject({ state: 'consulting', consultations: [{ from: at('2026-11-25T10:00:00+08:00'), to: null }] });
    const status = requestStatus(cal, consulting, params, at('2026-11-27T15:00:00+08:00'));
    // 11-26 and 11-27 do not count: due 12-02 instead of 11-30, so the yellow of 11-26 has not come yet
    expect(status).toMatchObject({ phase: 'reply', level: 'none', nextCheckAt: midnight('2026-11-28') });
    expect(status.reply?.dueDay).toBe('2026-12-02');
  });

  it('warns of nothing during the applicant’s 补正 period, and is orange once it has passed', () => {
    const waiting = subject({ state: 'correction_requested', correctionRequestedAt: at('2026-11-04T10:00:00+08:00'), correctionWorkingDays: 15 });
    expect(requestStatus(cal, waiting, params, at('2026-11-25T10:00:00+08:00'))).toMatchObject({ phase: 'correction', level: 'none', nextCheckAt: midnight('2026-11-26') });
    expect(requestStatus(cal, waiting, params, at('2026-11-26T10:00:00+08:00')).level).toBe('orange');
  });

  it('has nothing to watch once replied or closed', () => {
    for (const state of ['replied', 'delivered', 'closed', 'abandoned', 'withdrawn']) {
      expect(requestStatus(cal, subject({ state }), params, at('2026-12-20T10:00:00+08:00'))).toEqual({ phase: null, clock: null, reply: null, level: 'none', nextCheckAt: null });
    }
  });
});
