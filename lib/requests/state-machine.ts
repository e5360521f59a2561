// The request workflow (依申请公开, 《政府信息公开条例》 Art. 29–36, DESIGN §3) as one pure function: which action
// is allowed in which state and what it leads to.
//
// submitted (online, awaiting 确认收到) → received → [correction_requested → received (the clock restarts) |
// abandoned (no correction in time)] → [consulting ↔ received] → replied → delivered → closed (归档); withdrawn
// by the applicant at any open step. An extension is not a state: it is allowed once, while the reply is owed.
// Who may act at all (staff in scope) is lib/auth/permissions/request-access.ts; when (`at`) is step-at.ts.
import type { RequestEventKind, RequestState } from './request';
import { OPEN_STATES, STATE_LABELS } from './request';
import type { RequestActionName } from './schemas';

export const REQUEST_ACTIONS = [
  'confirm_receipt',
  'request_correction',
  'record_correction',
  'start_consultation',
  'end_consultation',
  'extend',
  'reply',
  'deliver',
  'close',
  'withdraw',
] as const satisfies readonly RequestActionName[];

export const ACTION_LABELS: Record<RequestActionName, string> = {
  confirm_receipt: '确认收到',
  request_correction: '告知补正',
  record_correction: '登记补正',
  start_consultation: '征求意见',
  end_consultation: '结束征求意见',
  extend: '延期答复',
  reply: '答复',
  deliver: '送达',
  close: '归档',
  withdraw: '撤回申请',
};

/** What the state alone does not say. */
export interface RequestFacts {
  /** The one extension (Art. 33) was granted. */
  extended: boolean;
  /** A 补正 was asked for already: Art. 30 allows one notice ("一次性告知"). */
  correctionAsked: boolean;
  /** In correction_requested: the applicant's period has passed without a correction. */
  correctionOverdue: boolean;
}

export const NO_FACTS: RequestFacts = { extended: false, correctionAsked: false, correctionOverdue: false };

interface ActionRule {
  from: readonly RequestState[];
  /** The state after; undefined keeps it (an extension). */
  to?: RequestState;
  event: RequestEventKind;
}

const RULES: Record<RequestActionName, ActionRule> = {
  confirm_receipt: { from: ['submitted'], to: 'received', event: 'received' },
  request_correction: { from: ['received'], to: 'correction_requested', event: 'correction_requested' },
  record_correction: { from: ['correction_requested'], to: 'received', event: 'corrected' },
  start_consultation: { from: ['received'], to: 'consulting', event: 'consultation_started' },
  end_consultation: { from: ['consulting'], to: 'received', event: 'consultation_ended' },
  extend: { from: ['received', 'consulting'], event: 'extended' },
  reply: { from: ['received'], to: 'replied', event: 'replied' },
  deliver: { from: ['replied'], to: 'delivered', event: 'delivered' },
  // 归档 after delivery; in correction_requested once the period passed, 视为放弃申请 (see transition)
  close: { from: ['delivered', 'correction_requested'], to: 'closed', event: 'closed' },
  withdraw: { from: OPEN_STATES, to: 'withdrawn', event: 'withdrawn' },
};

export type TransitionResult =
  | { ok: true; to: RequestState; event: RequestEventKind; stateChanged: boolean }
  | { ok: false; message: string };

export function transition(state: RequestState, action: RequestActionName, facts: RequestFacts = NO_FACTS): TransitionResult {
  const rule = RULES[action];
  if (!rule.from.includes(state)) {
    if (action === 'reply' && state === 'consulting') return refused('正在征求意见，请先结束征求意见再答复');
    return refused(`申请${STATE_LABELS[state]}，不能${ACTION_LABELS[action]}`);
  }
  if (action === 'extend' && facts.extended) return refused('答复期限只能延长一次');
  if (action === 'request_correction' && facts.correctionAsked) return refused('补正只能一次性告知，本申请已告知过补正');
  if (action === 'close' && state === 'correction_requested') {
    if (!facts.correctionOverdue) return refused('补正期限未满，不能按视为放弃申请归档');
    return { ok: true, to: 'abandoned', event: 'abandoned', stateChanged: true };
  }
  const to = rule.to ?? state;
  return { ok: true, to, event: rule.event, stateChanged: to !== state };
}

function refused(message: string): TransitionResult {
  return { ok: false, message };
}

/** The actions allowed now, in display order: the request page's buttons. */
export function allowedActions(state: RequestState, facts: RequestFacts = NO_FACTS): RequestActionName[] {
  return REQUEST_ACTIONS.filter((action) => transition(state, action, facts).ok);
}
