// Complaint SLA (DESIGN §1 Complaints): due times in working days, and where a complaint stands at an
// instant. Every due time is the end (24:00 Asia/Shanghai) of the Nth working day after the day of the
// triggering step, that day not counted — the same clock (lib/deadlines) as disclosure deadlines.
//
// Levels per phase, like obligations: yellow (临期) from 00:00 of the last `warn` working days up to the
// due day, orange (超期) once due passes, red (严重超期) from 00:00 after the `severe`-th working day after
// the due day. 12345 practice (reference.md §4): a 催办 the day after a miss, 通报批评 5 working days later —
// hence red at 5 working days for the reply; dispatch and sign-for are one-day steps, red after 3.
import type { Calendar } from '../calendar/calendar';
import { workingDaysBetween } from '../calendar/working-days';
import type { Ymd } from '../calendar/ymd';
import { shanghaiDayOf } from '../calendar/ymd';
import { dueOfLimit, runClock } from '../deadlines/clock';
import { deadlineView, type DeadlineView } from '../deadlines/deadline-view';
import { dueAtOf, dueDayOf } from '../deadlines/due-day';
import { earliestThresholdAfter, levelAt, type Thresholds } from '../deadlines/levels';
import { LEVEL_RANK, type Level } from '../rules/level';
import type { ComplaintSlaRuleParams } from '../rules/rule';
import type { ComplaintState } from './complaint';

export type SlaPhase = 'assign' | 'accept' | 'reply';

export const PHASE_LABELS: Record<SlaPhase, string> = { assign: '派单', accept: '签收', reply: '答复' };

const PHASE_WARN_WORKING_DAYS: Record<SlaPhase, number> = { assign: 1, accept: 1, reply: 3 };
const PHASE_SEVERE_WORKING_DAYS: Record<SlaPhase, number> = { assign: 3, accept: 3, reply: 5 };
/** 延期 "一般不超过10个工作日" (reference.md §4, 山东 2020). */
export const MAX_EXTENSION_WORKING_DAYS = 10;

export const DEFAULT_SLA: ComplaintSlaRuleParams = { assignWorkingDays: 1, acceptWorkingDays: 1, replyWorkingDays: 13 };

/** The end of the nth working day after the Shanghai day of `from`. */
export function workingDaysDue(cal: Calendar, from: Date, n: number): Date {
  return dueOfLimit(cal, { kind: 'working_days', from, n }).dueAt;
}

/** Due times set at receipt (受理), and again when a complaint is reopened (重办). */
export function intakeDueTimes(cal: Calendar, receivedAt: Date, params: ComplaintSlaRuleParams) {
  return {
    assignDueAt: workingDaysDue(cal, receivedAt, params.assignWorkingDays),
    replyDueAt: workingDaysDue(cal, receivedAt, params.replyWorkingDays),
  };
}

/** 签收 is due within acceptWorkingDays of the dispatch (派单). */
export function acceptDueTime(cal: Calendar, assignedAt: Date, params: ComplaintSlaRuleParams): Date {
  return workingDaysDue(cal, assignedAt, params.acceptWorkingDays);
}

export type ExtensionCheck = { ok: true; replyDueAt: Date; workingDays: number } | { ok: false; message: string };

/** 延期 to the end of `newDueDay`: later than the current due day and at most 10 working days beyond it. */
export function checkExtension(cal: Calendar, currentReplyDueAt: Date, newDueDay: Ymd): ExtensionCheck {
  const currentDay = dueDayOf(currentReplyDueAt);
  if (newDueDay <= currentDay) return { ok: false, message: `新的答复期限应晚于当前期限 ${currentDay}` };
  const workingDays = workingDaysBetween(cal, currentDay, newDueDay);
  if (workingDays > MAX_EXTENSION_WORKING_DAYS) {
    return { ok: false, message: `延期一般不超过 ${MAX_EXTENSION_WORKING_DAYS} 个工作日（当前期限 ${currentDay}）` };
  }
  if (workingDays === 0) return { ok: false, message: '新的答复期限应是工作日' };
  return { ok: true, replyDueAt: dueAtOf(newDueDay), workingDays };
}

export interface PhaseThresholds extends Thresholds {
  phase: SlaPhase;
}

const phaseClock = (cal: Calendar, phase: SlaPhase, dueAt: Date, startedAt: Date) =>
  runClock(cal, {
    limit: { kind: 'fixed_due', dueAt, from: startedAt },
    warnWorkingDays: PHASE_WARN_WORKING_DAYS[phase],
    severeWorkingDays: PHASE_SEVERE_WORKING_DAYS[phase],
  });

/** A phase's clock runs from the step that started it to its stored due time (which an extension may move). */
export function phaseThresholds(cal: Calendar, phase: SlaPhase, dueAt: Date, startedAt: Date): PhaseThresholds {
  const { warnAt, severeAt } = phaseClock(cal, phase, dueAt, startedAt);
  return { phase, warnAt, dueAt, severeAt };
}

/** A phase's deadline as the complaint page and API explain it (DESIGN §3 deadline). */
export function phaseDeadline(cal: Calendar, phase: SlaPhase, dueAt: Date, startedAt: Date): DeadlineView {
  const reading = phaseClock(cal, phase, dueAt, startedAt);
  const workingDays = workingDaysBetween(cal, shanghaiDayOf(startedAt), reading.dueDay);
  return deadlineView({
    start: startedAt,
    limitText: `${PHASE_LABELS[phase]}：${workingDays} 个工作日`,
    thresholds: reading,
    explanation: reading.explanation,
  });
}

export interface SlaSubject {
  state: ComplaintState;
  receivedAt: Date;
  assignedAt: Date | null;
  assignDueAt: Date;
  acceptDueAt: Date | null;
  replyDueAt: Date;
}

/** The phases whose clock runs in this state; the reply clock runs from receipt until the reply. */
export function activePhases(cal: Calendar, c: SlaSubject): PhaseThresholds[] {
  const phases: PhaseThresholds[] = [];
  if (c.state === 'received' || c.state === 'returned' || c.state === 'reopened') {
    phases.push(phaseThresholds(cal, 'assign', c.assignDueAt, c.receivedAt));
  }
  if (c.state === 'assigned' && c.acceptDueAt) {
    phases.push(phaseThresholds(cal, 'accept', c.acceptDueAt, c.assignedAt ?? c.receivedAt));
  }
  if (c.state !== 'replied' && c.state !== 'closed') {
    phases.push(phaseThresholds(cal, 'reply', c.replyDueAt, c.receivedAt));
  }
  return phases;
}

export interface SlaStatus {
  level: Level;
  /** The phase that sets the level (the nearest due one when nothing is late yet); null when no clock runs. */
  phase: SlaPhase | null;
  dueAt: Date | null;
  /** The next warn/due/severe instant after `at` of any running phase: what complaints.next_check_at holds. */
  nextCheckAt: Date | null;
}

export function slaStatus(cal: Calendar, c: SlaSubject, at: Date): SlaStatus {
  const phases = activePhases(cal, c);
  let worst: { phase: PhaseThresholds; level: Level } | null = null;
  for (const phase of phases) {
    const level = levelAt(phase, at);
    // the worst level wins; on a tie the earlier due time (the step the desk must take first)
    if (!worst || LEVEL_RANK[level] > LEVEL_RANK[worst.level] || (level === worst.level && phase.dueAt < worst.phase.dueAt)) {
      worst = { phase, level };
    }
  }
  return {
    level: worst?.level ?? 'none',
    phase: worst?.phase.phase ?? null,
    dueAt: worst?.phase.dueAt ?? null,
    nextCheckAt: earliestThresholdAfter(phases, at),
  };
}
