// Brings obligations' deadline alerts and their stored level in line with the clock: yellow, orange, red
// as thresholds pass, resolved once the obligation is fulfilled. Shared by the sweep and the check job.
// planDeadline is the one place that decides; syncDeadlineAlert applies it to one obligation,
// syncDeadlineAlerts to many in a fixed number of statements.
import type { Db } from '../db/sql';
import { dueDayOf } from '../deadlines/due-day';
import { levelAt, nextThresholdAfter } from '../deadlines/levels';
import { deadlineMessage } from '../rules/deadline-level';
import type { Level } from '../rules/level';
import type { Rule } from '../rules/rule';
import { selectRule } from '../rules/select-rule';
import { applyFindings, clearAlert, raiseAlert, type AlertChange, type Clearing, type Finding } from './apply-findings';

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
  level: 'none' | 'yellow' | 'orange' | 'red';
  warnAt: Date;
  dueAt: Date;
  severeAt: Date;
  fulfilledAt: Date | null;
  nextCheckAt: Date | null;
}

/** Columns of ObligationForSweep, from `obligations o join catalog_entries c join regions r`. */
export function obligationForSweepColumns(db: Db) {
  return db`
    o.id, o.catalog_entry_id as "catalogEntryId", c.name as "entryName", c.domain, o.department_id as "departmentId",
    o.position_id as "positionId", o.region_code as "regionCode", r.path as "regionPath", o.item_id as "itemId",
    o.state, o.level, o.warn_at as "warnAt", o.due_at as "dueAt", o.severe_at as "severeAt",
    o.fulfilled_at as "fulfilledAt", o.next_check_at as "nextCheckAt"`;
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

export async function syncDeadlineAlert(
  tx: Db,
  obligation: ObligationForSweep,
  rules: readonly Rule[],
  at: Date,
): Promise<AlertChange | null> {
  const plan = planDeadline(obligation, rules, at);
  if (plan.move) await moveObligations(tx, [plan.move], at);
  if (plan.raise) return raiseAlert(tx, plan.raise, at);
  return clearAlert(tx, plan.clear!, at, plan.clear!.note);
}

/** Writes the moved levels and next thresholds, one statement. */
export async function moveObligations(tx: Db, moves: readonly NonNullable<DeadlinePlan['move']>[], at: Date): Promise<void> {
  if (moves.length === 0) return;
  await tx`
    update obligations o set level = v.level, next_check_at = v.next_check_at, updated_at = ${at}
    from unnest(${moves.map((m) => m.id)}::bigint[], ${moves.map((m) => m.level)}::text[],
                ${moves.map((m) => m.nextCheckAt?.toISOString() ?? null)}::timestamptz[]) as v(id, level, next_check_at)
    where o.id = v.id`;
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

/** syncDeadlineAlert for many obligations (each at most once) in a fixed number of statements. */
export async function syncDeadlineAlerts(
  tx: Db,
  obligations: readonly ObligationForSweep[],
  rules: readonly Rule[],
  at: Date,
): Promise<AlertChange[]> {
  const { moves, raise, clear } = planDeadlines(obligations, rules, at);
  await moveObligations(tx, moves, at);
  return applyFindings(tx, { raise, clear }, at);
}
