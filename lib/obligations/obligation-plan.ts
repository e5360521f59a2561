// What an obligation (公开义务) holds when it opens: its thresholds from the deadline function, and where
// it stands at that moment. Pure, so ingest, the period job and tests compute it the same way.
//
// level and next_check_at at opening agree with lib/deadlines/levels.ts and with what the sweep writes
// (lib/alerts/sync-deadline-alert.ts): level = levelAt(opening time) — an item reported after its warn or
// due time opens already yellow/orange/red — and next_check_at = nextThresholdAfter(opening time), the
// earliest of warn/due/severe not yet crossed, null once all three are behind it. Crossed thresholds are
// accounted for in `level`; raising their alert is the check job's (items) or the caller's (periods), the
// sweep only acts on thresholds still ahead.
import type { Calendar } from '../calendar/calendar';
import type { TimeLimit } from '../catalog/time-limit';
import { levelAt, nextThresholdAfter } from '../deadlines/levels';
import type { Level } from '../rules/level';
import type { Rule } from '../rules/rule';
import { selectRule, type RuleSubject } from '../rules/select-rule';
import {
  computeObligationTimes,
  type DeadlineParams,
  type ObligationAnchor,
  type ObligationTimes,
} from '../deadlines/obligation-clock';

export interface ObligationPlan {
  times: ObligationTimes;
  level: Level;
  nextCheckAt: Date | null;
}

/**
 * Warn/severe working days for an entry's obligations: those of the deadline rule that governs it, or the
 * library defaults (3/10) when none does — a switched-off deadline check still leaves a deadline.
 */
export function deadlineParamsFor(rules: readonly Rule[], subject: RuleSubject): DeadlineParams {
  return selectRule(rules, 'deadline', subject)?.params ?? {};
}

/** Limits that run from an item (its formation, or its event): one obligation per item. */
export function isItemTriggered(limit: TimeLimit): boolean {
  return (
    limit.kind === 'working_days_after' ||
    limit.kind === 'calendar_days_after' ||
    limit.kind === 'same_day' ||
    limit.kind === 'before_event'
  );
}

/** zh-CN reason why an item cannot anchor its entry's limit, or null when it can. */
export function itemAnchorProblem(limit: TimeLimit, item: { eventAt?: Date | null }): string | null {
  if (limit.kind === 'before_event' && !item.eventAt) {
    return `该事项的公开时限为“${limit.text}”，须提供事件时间（eventAt），如会议召开时间`;
  }
  return null;
}

/** Null for an unmeasurable limit. */
export function planObligation(
  calendar: Calendar,
  limit: TimeLimit,
  anchor: ObligationAnchor,
  params: DeadlineParams,
  at: Date,
): ObligationPlan | null {
  const times = computeObligationTimes(calendar, limit, anchor, params);
  if (!times) return null;
  return { times, level: levelAt(times, at), nextCheckAt: nextThresholdAfter(times, at) };
}
