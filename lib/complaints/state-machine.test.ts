import { describe, expect, it } from 'vitest';
import { STATES, type ComplaintState } from './complaint';
import { ACTIONS, allowedActions, transition, type Actor, type ComplaintAction } from './state-machine';

const ACTORS: Actor[] = ['handler', 'department', 'supervisor', 'citizen'];

// Every allowed (state, action, actor) and where it leads; everything not listed is refused.
const ALLOWED: [ComplaintState, ComplaintAction, Actor, ComplaintState][] = [
  ['received', 'assign', 'handler', 'assigned'],
  ['returned', 'assign', 'handler', 'assigned'],
  ['reopened', 'assign', 'handler', 'assigned'],
  ['assigned', 'assign', 'handler', 'assigned'],
  ['assigned', 'accept', 'department', 'accepted'],
  ['accepted', 'start', 'department', 'in_progress'],
  ['assigned', 'return', 'department', 'returned'],
  ['accepted', 'return', 'department', 'returned'],
  ['assigned', 'extend', 'handler', 'assigned'],
  ['accepted', 'extend', 'handler', 'accepted'],
  ['in_progress', 'extend', 'handler', 'in_progress'],
  ['accepted', 'reply', 'department', 'replied'],
  ['in_progress', 'reply', 'department', 'replied'],
  ['accepted', 'reply', 'handler', 'replied'],
  ['in_progress', 'reply', 'handler', 'replied'],
  ['assigned', 'remind', 'handler', 'assigned'],
  ['accepted', 'remind', 'handler', 'accepted'],
  ['in_progress', 'remind', 'handler', 'in_progress'],
  ['assigned', 'remind', 'supervisor', 'assigned'],
  ['accepted', 'remind', 'supervisor', 'accepted'],
  ['in_progress', 'remind', 'supervisor', 'in_progress'],
  ['replied', 'close', 'handler', 'closed'],
  ...(['received', 'assigned', 'accepted', 'in_progress', 'replied', 'returned', 'reopened'] as const).flatMap(
    (state) =>
      (['handler', 'department'] as const).map(
        (actor) => [state, 'note', actor, state] as [ComplaintState, ComplaintAction, Actor, ComplaintState],
      ),
  ),
];

const key = (state: string, action: string, actor: string) => `${state}/${action}/${actor}`;
const allowed = new Map(ALLOWED.map(([state, action, actor, to]) => [key(state, action, actor), to]));

describe('complaint state machine', () => {
  for (const state of STATES) {
    for (const action of ACTIONS.filter((a) => a !== 'rate')) {
      for (const actor of ACTORS) {
        const to = allowed.get(key(state, action, actor));
        it(`${action} by ${actor} in ${state} ${to ? `→ ${to}` : 'is refused'}`, () => {
          const result = transition(state, action, actor);
          if (to) expect(result).toMatchObject({ ok: true, to });
          else expect(result.ok).toBe(false);
        });
      }
    }
  }

  it('a satisfied rating closes a replied complaint, an unsatisfied one reopens it (重办)', () => {
    for (const actor of ['citizen', 'handler'] as const) {
      expect(transition('replied', 'rate', actor, 'very_satisfied')).toMatchObject({ ok: true, to: 'closed' });
      expect(transition('replied', 'rate', actor, 'satisfied')).toMatchObject({ ok: true, to: 'closed' });
      expect(transition('replied', 'rate', actor, 'basically_satisfied')).toMatchObject({ ok: true, to: 'closed' });
      expect(transition('replied', 'rate', actor, 'dissatisfied')).toMatchObject({ ok: true, to: 'reopened' });
      expect(transition('replied', 'rate', actor, 'very_dissatisfied')).toMatchObject({ ok: true, to: 'reopened' });
    }
  });

  it('refuses a rating before the reply, after closing, and from the department itself', () => {
    for (const state of STATES.filter((s) => s !== 'replied')) {
      expect(transition(state, 'rate', 'citizen', 'satisfied')).toMatchObject({ ok: false, reason: 'state' });
    }
    expect(transition('replied', 'rate', 'department', 'satisfied')).toMatchObject({ ok: false, reason: 'actor' });
    expect(transition('replied', 'rate', 'supervisor', 'satisfied')).toMatchObject({ ok: false, reason: 'actor' });
  });

  it('withdraws a 属实 finding only while one stands, by the handler', () => {
    expect(transition('closed', 'withdraw_finding', 'handler', undefined, true)).toMatchObject({ ok: true, to: 'closed' });
    expect(transition('closed', 'withdraw_finding', 'handler', undefined, false)).toEqual({
      ok: false,
      reason: 'state',
      message: '该投诉件没有可撤销的属实认定',
    });
    expect(transition('closed', 'withdraw_finding', 'supervisor', undefined, true)).toMatchObject({ ok: false, reason: 'actor' });
    expect(allowedActions('closed', 'handler', true)).toEqual(['withdraw_finding']);
  });

  it('names the state in a refusal, in Chinese', () => {
    expect(transition('closed', 'reply', 'department')).toEqual({ ok: false, reason: 'state', message: '投诉件已办结，不能答复' });
    expect(transition('received', 'accept', 'handler')).toMatchObject({ ok: false, reason: 'actor', message: '当前身份不能执行「签收」' });
  });

  it('lists the buttons each actor gets', () => {
    expect(allowedActions('received', 'handler')).toEqual(['assign', 'note']);
    expect(allowedActions('assigned', 'department')).toEqual(['accept', 'return', 'note']);
    expect(allowedActions('in_progress', 'handler')).toEqual(['extend', 'reply', 'remind', 'note']);
    expect(allowedActions('replied', 'handler')).toEqual(['rate', 'close', 'note']);
    expect(allowedActions('closed', 'handler')).toEqual([]);
    expect(allowedActions('in_progress', 'supervisor')).toEqual(['remind']);
  });
});
