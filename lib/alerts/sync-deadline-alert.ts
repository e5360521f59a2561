// Brings obligations' deadline alerts and their stored level in line with the clock: yellow, orange, red
// as thresholds pass, resolved once the obligation is fulfilled. Shared by the sweep and the check job.
// planDeadline (lib/rules/deadline-rule.ts) decides; syncDeadlineAlert applies it to one obligation,
// syncDeadlineAlerts to many in a fixed number of statements.
import type { Db } from '../db/sql';
import { planDeadline, planDeadlines, type DeadlinePlan, type ObligationForSweep } from '../rules/deadline-rule';
import type { Rule } from '../rules/rule';
import { applyFindings, clearAlert, raiseAlert, type AlertChange } from './apply-findings';

/** Columns of ObligationForSweep, from `obligations o join catalog_entries c join regions r`. */
export function obligationForSweepColumns(db: Db) {
  return db`
    o.id, o.catalog_entry_id as "catalogEntryId", c.name as "entryName", c.domain, o.department_id as "departmentId",
    o.position_id as "positionId", o.region_code as "regionCode", r.path as "regionPath", o.item_id as "itemId",
    o.state, o.level, o.warn_at as "warnAt", o.due_at as "dueAt", o.severe_at as "severeAt",
    o.fulfilled_at as "fulfilledAt", o.next_check_at as "nextCheckAt"`;
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
