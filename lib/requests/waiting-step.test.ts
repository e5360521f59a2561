import { describe, expect, it } from 'vitest';
import { waitingStep } from './waiting-step';

const base = { confirmDueAt: null, dueAt: null, correction: null };

describe('waitingStep', () => {
  it('counts down to 确认收到 while an online application waits, and to the reply once received', () => {
    expect(waitingStep({ ...base, state: 'submitted', confirmDueAt: '2026-11-04T00:00:00+08:00' })).toEqual({
      label: '待确认收到',
      dueAt: '2026-11-04T00:00:00+08:00',
    });
    expect(waitingStep({ ...base, state: 'received', dueAt: '2026-12-01T00:00:00+08:00' })).toEqual({
      label: '待答复',
      dueAt: '2026-12-01T00:00:00+08:00',
    });
  });

  it('shows no countdown of the reply while the clock stands still, and the applicant’s own deadline during a 补正', () => {
    const consulting = waitingStep({ ...base, state: 'consulting', dueAt: '2026-12-05T00:00:00+08:00' });
    expect(consulting.dueAt).toBeNull();
    expect(consulting.paused).toBe('征求意见期间暂停计时');
    const correction = { what: '请写明文号', requestedAt: '2026-11-05T10:00:00+08:00', workingDays: 15, dueAt: '2026-11-27T00:00:00+08:00', correctedAt: null };
    const waiting = waitingStep({ ...base, state: 'correction_requested', correction });
    expect(waiting).toEqual({ label: '待申请人补正', dueAt: null, paused: '补正期间答复期限不计算', applicantDueAt: '2026-11-27T00:00:00+08:00' });
  });

  it('owes no deadline once replied', () => {
    expect(waitingStep({ ...base, state: 'replied', dueAt: '2026-12-01T00:00:00+08:00' })).toEqual({ label: '待送达', dueAt: null });
    expect(waitingStep({ ...base, state: 'withdrawn' }).dueAt).toBeNull();
  });
});
