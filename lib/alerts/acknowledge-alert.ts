// 确认: someone owns the alert now. Acknowledging twice is harmless; a resolved alert cannot be.
import type { Scope } from '../auth/scope';
import type { Sql, TransactionSql } from '../db/sql';
import { refuse, type Refusal } from '../refusal';
import { findAlertsByIds, type AlertWithPath } from './alert';
import { lockAlertSeq } from './alert-seq-lock';
import { findAlertInScope } from './queries';

export type AlertActionResult =
  | { ok: true; alert: AlertWithPath; changed: boolean }
  | Refusal<'not_found' | 'out_of_scope' | 'conflict' | 'unknown_reference'>;

export async function acknowledgeAlert(sql: Sql, scope: Scope, id: number, at: Date): Promise<AlertActionResult> {
  return sql.begin((tx) => acknowledgeAlertIn(tx, scope, id, at));
}

/** The acknowledgement inside the caller's transaction (one alert, or each of a bulk action's). */
export async function acknowledgeAlertIn(tx: TransactionSql, scope: Scope, id: number, at: Date): Promise<AlertActionResult> {
  const found = await findAlertInScope(tx, scope, id);
  if (found === 'missing') return refuse('not_found', '预警不存在');
  if (found === 'outside') return refuse('out_of_scope', '该预警不在您的管辖范围内');
  if (found.alert.state === 'resolved') return refuse('conflict', '预警已解除，无需确认');
  if (found.alert.state === 'acknowledged') return { ok: true, alert: found, changed: false } as const;
  await lockAlertSeq(tx);
  const [row] = await tx<{ seq: number }[]>`
    update alerts set state = 'acknowledged', acknowledged_at = ${at}, acknowledged_by = ${scope.username},
      seq = nextval('alert_seq'), updated_at = ${at}
    where id = ${id} and state = 'open'
    returning seq`;
  if (!row) return refuse('conflict', '预警状态已变化，请刷新后重试');
  await tx`
    insert into alert_events (alert_id, seq, kind, at, actor)
    values (${id}, ${row.seq}, 'acknowledged', ${at}, ${scope.username})`;
  const [updated] = await findAlertsByIds(tx, [id]);
  return { ok: true, alert: updated!, changed: true } as const;
}
