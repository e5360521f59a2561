import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 } from '../calendar/calendar-2026.fixture';
import { slaMessage } from '../rules/complaint-sla-rule';
import { acceptDueTime, checkExtension, DEFAULT_SLA, intakeDueTimes, phaseDeadline, slaStatus, type SlaSubject } from './sla';

const cal = CALENDAR_2026;
const at = (local: string) => new Date(`${local}+08:00`);

function received(local: string): SlaSubject {
  const receivedAt = at(local);
  return { state: 'received', receivedAt, assignedAt: null, acceptDueAt: null, ...intakeDueTimes(cal, receivedAt, DEFAULT_SLA) };
}

describe('complaint due times on the 2026 calendar', () => {
  it('dispatch within 1 and reply within 13 working days of receipt, the day of receipt not counted', () => {
    const due = intakeDueTimes(cal, at('2026-11-02T10:00:00'), DEFAULT_SLA);
    expect(due.assignDueAt).toEqual(at('2026-11-04T00:00:00')); // end of Tue 11-03
    expect(due.replyDueAt).toEqual(at('2026-11-20T00:00:00')); // end of Thu 11-19
  });

  it('skips the National Day holidays and counts the adjusted working Saturday 10-10', () => {
    const due = intakeDueTimes(cal, at('2026-09-30T15:00:00'), DEFAULT_SLA);
    expect(due.assignDueAt).toEqual(at('2026-10-09T00:00:00')); // end of Thu 10-08
    expect(due.replyDueAt).toEqual(at('2026-10-24T00:00:00')); // end of Fri 10-23
  });

  it('a complaint filed on a Saturday night is due for dispatch at the end of Monday', () => {
    expect(intakeDueTimes(cal, at('2026-11-07T23:30:00'), DEFAULT_SLA).assignDueAt).toEqual(at('2026-11-10T00:00:00'));
  });

  it('sign-for within 1 working day of dispatch', () => {
    expect(acceptDueTime(cal, at('2026-11-06T16:00:00'), DEFAULT_SLA)).toEqual(at('2026-11-10T00:00:00')); // Fri → end of Mon
  });

  it('honours configured limits', () => {
    const due = intakeDueTimes(cal, at('2026-11-02T10:00:00'), { assignWorkingDays: 2, acceptWorkingDays: 1, replyWorkingDays: 5 });
    expect(due.assignDueAt).toEqual(at('2026-11-05T00:00:00'));
    expect(due.replyDueAt).toEqual(at('2026-11-10T00:00:00'));
  });
});

describe('where a complaint stands', () => {
  const c = received('2026-11-02T10:00:00');

  it('nothing to warn of on the day of receipt; the next check is the start of the dispatch day', () => {
    expect(slaStatus(cal, c, at('2026-11-02T11:00:00'))).toEqual({
      level: 'none',
      phase: 'assign',
      dueAt: at('2026-11-04T00:00:00'),
      nextCheckAt: at('2026-11-03T00:00:00'),
    });
  });

  it('undispatched: yellow on the due day, orange once it passes, red after 3 more working days', () => {
    expect(slaStatus(cal, c, at('2026-11-03T00:00:00'))).toMatchObject({ level: 'yellow', phase: 'assign', nextCheckAt: at('2026-11-04T00:00:00') });
    expect(slaStatus(cal, c, at('2026-11-04T00:00:00'))).toMatchObject({ level: 'orange', phase: 'assign', nextCheckAt: at('2026-11-07T00:00:00') });
    expect(slaStatus(cal, c, at('2026-11-07T00:00:00'))).toMatchObject({ level: 'red', phase: 'assign', nextCheckAt: at('2026-11-17T00:00:00') });
  });

  it('dispatched in time: the sign-for clock runs; signed: only the reply clock runs', () => {
    const assigned: SlaSubject = {
      ...c,
      state: 'assigned',
      assignedAt: at('2026-11-02T15:00:00'),
      acceptDueAt: acceptDueTime(cal, at('2026-11-02T15:00:00'), DEFAULT_SLA),
    };
    expect(slaStatus(cal, assigned, at('2026-11-02T15:00:00'))).toMatchObject({ level: 'none', phase: 'accept' });
    expect(slaStatus(cal, assigned, at('2026-11-04T09:00:00'))).toMatchObject({ level: 'orange', phase: 'accept' });
    const accepted: SlaSubject = { ...assigned, state: 'in_progress' };
    expect(slaStatus(cal, accepted, at('2026-11-04T09:00:00'))).toMatchObject({ level: 'none', phase: 'reply', nextCheckAt: at('2026-11-17T00:00:00') });
  });

  it('reply: yellow for the last 3 working days, orange after the due day, red 5 working days later', () => {
    const inProgress: SlaSubject = { ...c, state: 'in_progress', assignedAt: at('2026-11-02T15:00:00') };
    expect(slaStatus(cal, inProgress, at('2026-11-16T23:59:59')).level).toBe('none');
    expect(slaStatus(cal, inProgress, at('2026-11-17T00:00:00')).level).toBe('yellow');
    expect(slaStatus(cal, inProgress, at('2026-11-20T00:00:00')).level).toBe('orange');
    expect(slaStatus(cal, inProgress, at('2026-11-26T23:59:59')).level).toBe('orange');
    expect(slaStatus(cal, inProgress, at('2026-11-27T00:00:00'))).toMatchObject({ level: 'red', nextCheckAt: null });
  });

  it('a replied or closed complaint has no clock running', () => {
    for (const state of ['replied', 'closed'] as const) {
      expect(slaStatus(cal, { ...c, state }, at('2026-12-31T00:00:00'))).toEqual({ level: 'none', phase: null, dueAt: null, nextCheckAt: null });
    }
  });

  it('the worse of two running clocks wins: a complaint left undispatched for weeks is red on the reply too', () => {
    expect(slaStatus(cal, c, at('2026-11-30T10:00:00'))).toMatchObject({ level: 'red', phase: 'assign' });
  });

  it('alert messages name the step and the tracking code, never the complainant', () => {
    expect(slaMessage('orange', 'assign', '7K3M-Q9TX-4HPA', at('2026-11-04T00:00:00'))).toBe(
      '派单超期：投诉件 7K3M-Q9TX-4HPA 应于 2026-11-03 前派单',
    );
  });
});

describe('延期', () => {
  const due = at('2026-11-20T00:00:00'); // end of 11-19

  it('moves the reply due date to the end of the approved day', () => {
    expect(checkExtension(cal, due, '2026-11-26')).toEqual({ ok: true, replyDueAt: at('2026-11-27T00:00:00'), workingDays: 5 });
  });

  it('refuses a date not after the current one, and more than 10 working days', () => {
    expect(checkExtension(cal, due, '2026-11-19')).toMatchObject({ ok: false });
    expect(checkExtension(cal, due, '2026-12-03')).toMatchObject({ ok: true, workingDays: 10 });
    expect(checkExtension(cal, due, '2026-12-04')).toEqual({ ok: false, message: '延期一般不超过 10 个工作日（当前期限 2026-11-19）' });
  });
});

describe('phaseDeadline', () => {
  it('explains a reply due across 国庆: 13 working days from receipt, the holiday and the 调休 Saturday named', () => {
    const complaint = received('2026-09-28T10:00:00');
    const view = phaseDeadline(cal, 'reply', complaint.replyDueAt, complaint.receivedAt);
    expect(view.dueDay).toBe('2026-10-21');
    expect(view.limit.text).toBe('答复：13 个工作日');
    expect(view.explanation).toEqual(
      expect.arrayContaining([
        '2026-09-28 起算，当日不计；自 2026-09-29（周二） 起按工作日计算',
        '不计：2026-10-01 至 2026-10-07 国庆节假期（7 天）',
        '计入：2026-10-10（周六） 调休上班',
        '到期：2026-10-21 24:00 前',
      ]),
    );
  });
});
