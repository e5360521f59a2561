// The complaint lifecycle as one pure function: which actor may take which action in which state, and the
// state it leads to (DESIGN §1 Complaints, the 12345 closed loop 受理、派单、签收、办理、回复、回访、评价、办结).
//
// Reopen semantics (重办): a citizen who rates 不满意 / 非常不满意 sends the complaint back to the handler as
// `reopened`; the handler dispatches it again (派单, the same or another department) and a new round starts
// with fresh due times. The complaint row's accepted_at / replied_at / *_due_at describe the current round,
// complaint_events keep every round.
import type { ComplaintState, Satisfaction } from './complaint';
import { AWAITING_DISPATCH, isSatisfied, STATE_LABELS, WITH_DEPARTMENT } from './complaint';

export const ACTIONS = ['assign', 'accept', 'start', 'return', 'extend', 'reply', 'remind', 'rate', 'close', 'note', 'withdraw_finding'] as const;
export type ComplaintAction = (typeof ACTIONS)[number];

/**
 * handler: 投诉处理人员; department: the assigned department's staff; supervisor: the disclosure office
 * (政务公开办), which may chase (催办) but not handle; citizen: the complainant, by tracking code.
 */
export type Actor = 'handler' | 'department' | 'supervisor' | 'citizen';

export const ACTION_LABELS: Record<ComplaintAction, string> = {
  assign: '派单',
  accept: '签收',
  start: '开始办理',
  return: '回退',
  extend: '延期',
  reply: '答复',
  remind: '催办',
  rate: '评价',
  close: '办结',
  note: '备注',
  withdraw_finding: '撤销属实认定',
};

interface ActionRule {
  from: readonly ComplaintState[];
  actors: readonly Actor[];
  /** The state after the action; undefined keeps the state (延期, 催办, 备注). */
  to?: ComplaintState;
}

const RULES: Record<Exclude<ComplaintAction, 'rate'>, ActionRule> = {
  // 派单, and 改派 while the department has not signed for it yet
  assign: { from: [...AWAITING_DISPATCH, 'assigned'], actors: ['handler'], to: 'assigned' },
  accept: { from: ['assigned'], actors: ['department'], to: 'accepted' },
  start: { from: ['accepted'], actors: ['department'], to: 'in_progress' },
  // 回退: the department sends it back for reassignment, before it has started the work
  return: { from: ['assigned', 'accepted'], actors: ['department'], to: 'returned' },
  // 延期 is approved by the handler and moves the reply due date
  extend: { from: WITH_DEPARTMENT, actors: ['handler'] },
  reply: { from: ['accepted', 'in_progress'], actors: ['department', 'handler'], to: 'replied' },
  remind: { from: WITH_DEPARTMENT, actors: ['handler', 'supervisor'] },
  // 办结 after the follow-up (回访) when the citizen gives no rating
  close: { from: ['replied'], actors: ['handler'], to: 'closed' },
  note: { from: ['received', 'assigned', 'accepted', 'in_progress', 'replied', 'returned', 'reopened'], actors: ['handler', 'department'] },
  // 撤销属实认定: only while a substantiated finding (办结 as 属实) stands, see `transition`
  withdraw_finding: { from: ['closed'], actors: ['handler'] },
};

export type TransitionResult =
  | { ok: true; to: ComplaintState; stateChanged: boolean }
  | { ok: false; reason: 'actor' | 'state'; message: string };

/**
 * Where `action` by `actor` leads from `state`; `satisfaction` is required for 'rate'; `hasStandingViolation`
 * (a 属实 finding not withdrawn) is what 'withdraw_finding' needs.
 */
export function transition(
  state: ComplaintState,
  action: ComplaintAction,
  actor: Actor,
  satisfaction?: Satisfaction,
  hasStandingViolation = false,
): TransitionResult {
  if (action === 'rate') {
    // the handler records the rating given on the follow-up call (回访), the citizen rates online
    if (actor === 'department') return { ok: false, reason: 'actor', message: '部门不能评价本部门的办理结果' };
    if (actor === 'supervisor') return { ok: false, reason: 'actor', message: '当前身份不能执行「评价」' };
    if (state !== 'replied') return refusedInState(action, state);
    if (!satisfaction) throw new Error('rate needs a satisfaction level');
    const to = isSatisfied(satisfaction) ? 'closed' : 'reopened';
    return { ok: true, to, stateChanged: true };
  }
  const rule = RULES[action];
  if (!rule.actors.includes(actor)) {
    return { ok: false, reason: 'actor', message: `当前身份不能执行「${ACTION_LABELS[action]}」` };
  }
  if (!rule.from.includes(state)) return refusedInState(action, state);
  if (action === 'withdraw_finding' && !hasStandingViolation) {
    return { ok: false, reason: 'state', message: '该投诉件没有可撤销的属实认定' };
  }
  const to = rule.to ?? state;
  return { ok: true, to, stateChanged: to !== state || action === 'assign' };
}

function refusedInState(action: ComplaintAction, state: ComplaintState): TransitionResult {
  return { ok: false, reason: 'state', message: `投诉件${STATE_LABELS[state]}，不能${ACTION_LABELS[action]}` };
}

/** The actions `actor` may take in `state`, in display order (the complaint page's buttons). */
export function allowedActions(state: ComplaintState, actor: Actor, hasStandingViolation = false): ComplaintAction[] {
  return ACTIONS.filter((action) => {
    if (action === 'rate') return (actor === 'handler' || actor === 'citizen') && state === 'replied';
    return transition(state, action, actor, undefined, hasStandingViolation).ok;
  });
}
