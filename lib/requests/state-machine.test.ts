import { describe, expect, it } from 'vitest';
import { STATES, type RequestState } from './request';
import { allowedActions, NO_FACTS, REQUEST_ACTIONS, transition } from './state-machine';

describe('request workflow', () => {
  it('walks an online application through 补正, a consultation, an extension, the reply and delivery to 归档', () => {
    const path: Array<[RequestState, (typeof REQUEST_ACTIONS)[number], RequestState]> = [
      ['submitted', 'confirm_receipt', 'received'],
      ['received', 'request_correction', 'correction_requested'],
      ['correction_requested', 'record_correction', 'received'],
      ['received', 'start_consultation', 'consulting'],
      ['consulting', 'extend', 'consulting'],
      ['consulting', 'end_consultation', 'received'],
      ['received', 'reply', 'replied'],
      ['replied', 'deliver', 'delivered'],
      ['delivered', 'close', 'closed'],
    ];
    for (const [from, action, to] of path) expect(transition(from, action), `${from} ${action}`).toMatchObject({ ok: true, to });
  });

  it('allows one extension and one 补正 notice', () => {
    expect(transition('received', 'extend', { ...NO_FACTS, extended: true })).toEqual({ ok: false, message: '答复期限只能延长一次' });
    expect(transition('received', 'request_correction', { ...NO_FACTS, correctionAsked: true })).toMatchObject({ ok: false });
    expect(transition('received', 'extend')).toMatchObject({ ok: true, to: 'received', stateChanged: false });
  });

  it('closes an application as abandoned only once the correction period has passed', () => {
    expect(transition('correction_requested', 'close')).toEqual({ ok: false, message: '补正期限未满，不能按视为放弃申请归档' });
    expect(transition('correction_requested', 'close', { ...NO_FACTS, correctionOverdue: true })).toEqual({
      ok: true,
      to: 'abandoned',
      event: 'abandoned',
      stateChanged: true,
    });
  });

  it('lets the applicant withdraw at any open step and at no other', () => {
    const open = STATES.filter((state) => transition(state, 'withdraw').ok);
    expect(open).toEqual(['submitted', 'received', 'correction_requested', 'consulting']);
  });

  it('refuses what the state does not allow, in zh-CN', () => {
    expect(transition('submitted', 'reply')).toEqual({ ok: false, message: '申请待确认，不能答复' });
    expect(transition('consulting', 'reply')).toEqual({ ok: false, message: '正在征求意见，请先结束征求意见再答复' });
    expect(transition('closed', 'withdraw')).toEqual({ ok: false, message: '申请已归档，不能撤回申请' });
    for (const state of ['closed', 'abandoned', 'withdrawn'] as const) expect(allowedActions(state)).toEqual([]);
  });

  it('offers the buttons of each state', () => {
    expect(allowedActions('submitted')).toEqual(['confirm_receipt', 'withdraw']);
    expect(allowedActions('received')).toEqual(['request_correction', 'start_consultation', 'extend', 'reply', 'withdraw']);
    expect(allowedActions('received', { ...NO_FACTS, extended: true, correctionAsked: true })).toEqual([
      'start_consultation',
      'reply',
      'withdraw',
    ]);
    expect(allowedActions('consulting')).toEqual(['end_consultation', 'extend', 'withdraw']);
    expect(allowedActions('correction_requested')).toEqual(['record_correction', 'withdraw']);
    expect(allowedActions('replied')).toEqual(['deliver']);
    expect(allowedActions('delivered')).toEqual(['close']);
  });
});
