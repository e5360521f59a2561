// The deadline rule (DESIGN §1 Deadlines), pure: from an obligation's thresholds, the rules and an instant to
// its level, the alert to raise or clear and its message. The clock itself is lib/deadlines; the sweep and
// the check job apply these plans (lib/alerts/sync-deadline-alert.ts), the preview and the re-evaluation
// judge with deadlineFinding.
import type { Clearing, Finding } from '../alerts/apply-findings';
import type { Calendar } from '../calendar/calendar';
import type { Ymd } from '../calendar/ymd';
import { dueDayOf } from '../deadlines/due-day';
import { levelAt, nextThresholdAfter } from '../deadlines/levels';
import { recomputeObligationTimes, type ObligationTimes, type StoredObligation } from '../deadlines/obligation-clock';
import { deadlineParamsFor } from '../obligations/obligation-plan';
import { LEVEL_TERMS, type Level } from './level';
import type { AlertLevel, Rule } from './rule';
import { selectRule, type RuleSubject } from './select-rule';

export interface ObligationForSweep {
  id: number;
  catalogEntryId: number;
  entryName: string;
  domain: string;
  departmentId: number;
  positionId: number | null;
  regionCode: string;
  regionPath: string;
  itemId: number | null;
  state: 'open' | 'fulfilled' | 'cancelled';
  level: Level;
  warnAt: Date;
  dueAt: Date;
  severeAt: Date;
  fulfilledAt: Date | null;
  nextCheckAt: Date | null;
}

export interface DeadlinePlan {
  /** The stored level and next threshold to write, when either moved. */
  move: { id: number; level: Level; nextCheckAt: Date | null } | null;
  /** The alert to open or bring up to date, or the one to resolve: exactly one is set. */
  raise: Finding | null;
  clear: Clearing | null;
}

/** What the obligation's row and deadline alert should become at `at` (pure). */
export function planDeadline(obligation: ObligationForSweep, rules: readonly Rule[], at: Date): DeadlinePlan {
  const key = { ruleKind: 'deadline', subjectType: 'obligation', subjectId: obligation.id } as const;
  const isOpen = obligation.state === 'open';
  const level = isOpen ? levelAt(obligation, at) : 'none';
  const nextCheckAt = isOpen ? nextThresholdAfter(obligation, at) : null;
  const move =
    level !== obligation.level || nextCheckAt?.getTime() !== obligation.nextCheckAt?.getTime()
      ? { id: obligation.id, level, nextCheckAt }
      : null;
  const rule = selectRule(rules, 'deadline', {
    regionPath: obligation.regionPath,
    domain: obligation.domain,
    entryId: obligation.catalogEntryId,
  });
  if (level === 'none' || !rule) {
    return { move, raise: null, clear: { ...key, note: isOpen ? '预警规则已停用或尚未临期' : '已公开，义务已履行' } };
  }
  return {
    move,
    clear: null,
    raise: {
      ...key,
      ruleId: rule.id,
      level,
      subjectVersion: 1,
      itemId: obligation.itemId,
      obligationId: obligation.id,
      departmentId: obligation.departmentId,
      positionId: obligation.positionId,
      regionCode: obligation.regionCode,
      domain: obligation.domain,
      message: deadlineMessage(level, { entryName: obligation.entryName, dueDay: dueDayOf(obligation.dueAt) }),
      details: { dueAt: obligation.dueAt.toISOString(), severeAt: obligation.severeAt.toISOString() },
    },
  };
}

/** The plans of many obligations, split into what applyFindings and moveObligations take. */
export function planDeadlines(obligations: readonly ObligationForSweep[], rules: readonly Rule[], at: Date) {
  const moves: NonNullable<DeadlinePlan['move']>[] = [];
  const raise: Finding[] = [];
  const clear: Clearing[] = [];
  for (const obligation of obligations) {
    const plan = planDeadline(obligation, rules, at);
    if (plan.move) moves.push(plan.move);
    if (plan.raise) raise.push(plan.raise);
    if (plan.clear) clear.push(plan.clear);
  }
  return { moves, raise, clear };
}

export interface OpenObligationSubject extends StoredObligation, RuleSubject {}

export interface DeadlineFinding {
  /** Thresholds under the rules' params (null: an unmeasurable limit). */
  times: ObligationTimes | null;
  /** The alert level at `at`; 'none' also when no enabled deadline rule governs the obligation. */
  level: Level;
}

/** An open obligation judged under `rules` at `at`, its thresholds recomputed under their params. */
export function deadlineFinding(rules: readonly Rule[], calendar: Calendar, obligation: OpenObligationSubject, at: Date): DeadlineFinding {
  const times = recomputeObligationTimes(calendar, obligation, deadlineParamsFor(rules, obligation));
  const rule = selectRule(rules, 'deadline', obligation);
  const level = times && rule ? levelAt(times, at) : 'none';
  return { times, level };
}


export interface DeadlineMessageFacts {
  entryName: string;
  /** The last day on time, 'YYYY-MM-DD' (ObligationTimes.dueDay). */
  dueDay: Ymd;
  /** Working days past the due day, when the caller has counted them. */
  lateWorkingDays?: number;
}

export function deadlineMessage(level: AlertLevel, { entryName, dueDay, lateWorkingDays }: DeadlineMessageFacts): string {
  const subject = `${LEVEL_TERMS[level]}：《${entryName}》`;
  const late = lateWorkingDays !== undefined && lateWorkingDays > 0 ? lateWorkingDays : null;
  switch (level) {
    case 'yellow':
      return `${subject}应于 ${dueDay} 前公开`;
    case 'orange':
      return late === null
        ? `${subject}已超过公开时限（应于 ${dueDay} 前公开）`
        : `${subject}已超过公开时限 ${late} 个工作日（应于 ${dueDay} 前公开）`;
    case 'red':
      return late === null
        ? `${subject}严重超过公开时限（应于 ${dueDay} 前公开）`
        : `${subject}超过时限 ${late} 个工作日以上（应于 ${dueDay} 前公开）`;
  }
}
