// 批量处置: one action (确认 / 解除 / 指派) over many alerts in one transaction, for the wall in a burst.
// Each alert goes through the very path its single action takes (acknowledgeAlertIn, resolveAlertIn,
// assignAlertIn), so its events and seq are recorded exactly alike; an alert that action refuses (unknown,
// out of scope, already resolved) is reported with its reason and the rest are applied. A refusal writes
// nothing of its alert, so one transaction holds only the applied changes.
import { z } from 'zod';
import type { Scope } from '../auth/scope';
import type { Sql } from '../db/sql';
import type { Refusal } from '../refusal';
import { acknowledgeAlertIn, type AlertActionResult } from './acknowledge-alert';
import type { AlertChange } from './apply-findings';
import { assignAlertIn } from './assign-alert';
import { MAX_BULK_ALERTS } from './bulk-limits';
import { resolveAlertIn, resolveAlertSchema } from './resolve-alert';

export const BULK_ALERT_ACTIONS = ['ack', 'resolve', 'assign'] as const;

const alertIdSchema = z.number({ error: '预警编号必须是整数' }).int('预警编号必须是整数').positive('预警编号必须是正整数');

export const bulkAlertActionSchema = z
  .strictObject(
    {
      ids: z
        .array(alertIdSchema, { error: '请选择要处置的预警' })
        .min(1, '请至少选择一条预警')
        .max(MAX_BULK_ALERTS, `一次最多处置 ${MAX_BULK_ALERTS} 条预警`),
      action: z.enum(BULK_ALERT_ACTIONS, { error: 'action 应为 ack/resolve/assign' }),
      reason: z.string({ error: '解除原因必须是文字' }).optional(),
      /** 指派: the department the alerts go to (each must lie in that department's region). */
      assigneeId: z
        .number({ error: '指派部门编号必须是整数' })
        .int('指派部门编号必须是整数')
        .positive('指派部门编号必须是正整数')
        .optional(),
      positionId: z.number({ error: '岗位编号必须是整数' }).int('岗位编号必须是整数').positive('岗位编号必须是正整数').nullish(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `不支持的字段：${issue.keys.join('、')}` : '请求体必须是对象') },
  )
  .superRefine((value, context) => {
    if (value.action === 'resolve') {
      const reason = resolveAlertSchema.shape.reason.safeParse(value.reason);
      if (!reason.success) context.addIssue({ code: 'custom', path: ['reason'], message: reason.error.issues[0]!.message });
    }
    if (value.action === 'assign' && value.assigneeId === undefined) {
      context.addIssue({ code: 'custom', path: ['assigneeId'], message: '请选择指派部门' });
    }
  });
export type BulkAlertActionInput = z.infer<typeof bulkAlertActionSchema>;

export interface BulkAlertActionResult {
  /** In the order asked, each id once. */
  applied: number[];
  refused: { id: number; refusal: Refusal }[];
  /** What changed (an alert already acknowledged is applied but unchanged): for afterAlertChanges. */
  changes: AlertChange[];
}

export async function actOnAlerts(sql: Sql, scope: Scope, input: BulkAlertActionInput, at: Date): Promise<BulkAlertActionResult> {
  const ids = [...new Set(input.ids)];
  return sql.begin(async (tx) => {
    const result: BulkAlertActionResult = { applied: [], refused: [], changes: [] };
    for (const id of ids) {
      let outcome: AlertActionResult;
      if (input.action === 'ack') outcome = await acknowledgeAlertIn(tx, scope, id, at);
      else if (input.action === 'resolve') outcome = await resolveAlertIn(tx, scope, id, input.reason!.trim(), at);
      else outcome = await assignAlertIn(tx, scope, id, { departmentId: input.assigneeId!, positionId: input.positionId ?? null }, at);
      if (!outcome.ok) {
        result.refused.push({ id, refusal: outcome });
        continue;
      }
      result.applied.push(id);
      if (outcome.changed) result.changes.push({ alertId: id, change: 'updated' });
    }
    return result;
  });
}
