// 人工解除: an accepted exception with a reason. The same rule does not reopen on the same subject until
// the subject itself changes (apply-findings.ts checks the subject version).
import { z } from 'zod';
import type { Scope } from '../auth/scope';
import type { Sql, TransactionSql } from '../db/sql';
import { refuse } from '../refusal';
import type { AlertActionResult } from './acknowledge-alert';
import { findAlertsByIds } from './alert';
import { lockAlertSeq } from './alert-seq-lock';
import { findAlertInScope } from './queries';

export const resolveAlertSchema = z.object({
  reason: z
    .string({ error: '请填写解除原因' })
    .trim()
    .min(2, '解除原因至少 2 个字')
    .max(500, '解除原因不超过 500 字'),
});

export async function resolveAlert(
  sql: Sql,
  scope: Scope,
  id: number,
  reason: string,
  at: Date,
): Promise<AlertActionResult> {
  return sql.begin((tx) => resolveAlertIn(tx, scope, id, reason, at));
}

/** The resolution inside the caller's transaction (one alert, or each of a bulk action's). */
export async function resolveAlertIn(
  tx: TransactionSql,
  scope: Scope,
  id: number,
  reason: string,
  at: Date,
): Promise<AlertActionResult> {
  const found = await findAlertInScope(tx, scope, id);
  if (found === 'missing') return refuse('not_found', '预警不存在');
  if (found === 'outside') return refuse('out_of_scope', '该预警不在您的管辖范围内');
  if (found.alert.state === 'resolved') return refuse('conflict', '预警已解除');
  await lockAlertSeq(tx);
  const [row] = await tx<{ seq: number; level: string }[]>`
    update alerts set state = 'resolved', resolution = 'manual', resolve_reason = ${reason}, resolved_at = ${at},
      resolved_by = ${scope.username}, seq = nextval('alert_seq'), updated_at = ${at}
    where id = ${id} and state <> 'resolved'
    returning seq, level`;
  if (!row) return refuse('conflict', '预警状态已变化，请刷新后重试');
  await tx`
    insert into alert_events (alert_id, seq, kind, at, actor, from_level, note)
    values (${id}, ${row.seq}, 'resolved', ${at}, ${scope.username}, ${row.level}, ${reason})`;
  const [updated] = await findAlertsByIds(tx, [id]);
  return { ok: true, alert: updated!, changed: true } as const;
}
