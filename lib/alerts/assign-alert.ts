// 指派: the office hands an alert to a department of the alert's region (and optionally one of its
// positions) to act on. An alert that nobody owned yet is acknowledged by the same change: whoever it is
// assigned to owns it now (DESIGN §1 Alert lifecycle). Reassigning is allowed; a resolved alert cannot be.
import { z } from 'zod';
import { scopeFilter, type Scope } from '../auth/scope';
import type { Db, Sql, TransactionSql } from '../db/sql';
import { refuse } from '../refusal';
import type { AlertActionResult } from './acknowledge-alert';
import { findAlertsByIds } from './alert';
import { lockAlertSeq } from './alert-seq-lock';
import { findAlertInScope } from './queries';

const idOf = (label: string) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? `请选择${label}` : `${label}编号必须是整数`) })
    .int(`${label}编号必须是整数`)
    .positive(`${label}编号必须是正整数`);

export const assignAlertSchema = z.strictObject(
  {
    departmentId: idOf('指派部门'),
    positionId: idOf('岗位').nullish(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `不支持的字段：${issue.keys.join('、')}` : '请求体必须是对象') },
);
export type AssignAlertInput = z.infer<typeof assignAlertSchema>;

export interface Assignee {
  departmentId: number;
  departmentName: string;
  positions: { id: number; name: string }[];
}

/**
 * The departments (with their positions) an alert may be assigned to: those of the alert's region inside
 * the user's scope. 'outside' / 'missing' for an alert the user may not see / that does not exist.
 */
export async function listAssignees(db: Db, scope: Scope, alertId: number): Promise<Assignee[] | 'outside' | 'missing'> {
  const found = await findAlertInScope(db, scope, alertId);
  if (found === 'missing' || found === 'outside') return found;
  return db<Assignee[]>`
    select d.id as "departmentId", d.name as "departmentName",
      coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name) order by p.id)
                from positions p where p.department_id = d.id), '[]'::json) as positions
    from departments d join regions r on r.code = d.region_code
    where d.region_code = ${found.alert.regionId}
      and ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'd.id' })}
    order by d.id`;
}

interface AssigneeRow {
  department_name: string;
  region_code: string;
  in_scope: boolean;
  position_name: string | null;
  position_department_id: number | null;
}

export async function assignAlert(
  sql: Sql,
  scope: Scope,
  id: number,
  input: AssignAlertInput,
  at: Date,
): Promise<AlertActionResult> {
  return sql.begin((tx) => assignAlertIn(tx, scope, id, input, at));
}

/** The assignment inside the caller's transaction (one alert, or each of a bulk action's). */
export async function assignAlertIn(
  tx: TransactionSql,
  scope: Scope,
  id: number,
  input: AssignAlertInput,
  at: Date,
): Promise<AlertActionResult> {
  const positionId = input.positionId ?? null;
  const found = await findAlertInScope(tx, scope, id);
  if (found === 'missing') return refuse('not_found', '预警不存在')
  if (found === 'outside') return refuse('out_of_scope', '该预警不在您的管辖范围内')
  if (found.alert.state === 'resolved') return refuse('conflict', '预警已解除，无法指派')

  const [target] = await tx<AssigneeRow[]>`
    select d.name as department_name, d.region_code,
      ${scopeFilter(tx, scope, { regionPath: 'r.path', departmentId: 'd.id' })} as in_scope,
      p.name as position_name, p.department_id as position_department_id
    from departments d join regions r on r.code = d.region_code
    left join positions p on p.id = ${positionId}
    where d.id = ${input.departmentId}`;
  if (!target) {
    return refuse('unknown_reference', '指派部门不存在', { departmentId: '指派部门不存在' })
  }
  if (!target.in_scope) return refuse('out_of_scope', '指派部门不在您的管辖范围内')
  if (target.region_code !== found.alert.regionId) {
    const message = '只能指派给预警所在区域的部门';
    return refuse('unknown_reference', message, { departmentId: message })
  }
  if (positionId !== null && target.position_department_id !== input.departmentId) {
    const message = target.position_name === null ? '岗位不存在' : '该岗位不属于所选部门';
    return refuse('unknown_reference', message, { positionId: message })
  }

  // every alert change is serialized by this lock, so the state read below cannot change under us
  await lockAlertSeq(tx);
  const [current] = await tx<{ state: string; assigned_department_id: number | null; assigned_position_id: number | null }[]>`
    select state, assigned_department_id, assigned_position_id from alerts where id = ${id} for update`;
  if (!current || current.state === 'resolved') {
    return refuse('conflict', '预警状态已变化，请刷新后重试')
  }
  if (current.assigned_department_id === input.departmentId && current.assigned_position_id === positionId) {
    const [unchanged] = await findAlertsByIds(tx, [id]);
    return { ok: true, alert: unchanged!, changed: false }
  }
  const wasOpen = current.state === 'open';
  const [row] = await tx<{ seq: number }[]>`
    update alerts set assigned_department_id = ${input.departmentId}, assigned_position_id = ${positionId},
      state = 'acknowledged', acknowledged_at = coalesce(acknowledged_at, ${at}),
      acknowledged_by = coalesce(acknowledged_by, ${scope.username}), seq = nextval('alert_seq'), updated_at = ${at}
    where id = ${id}
    returning seq`;
  const assignee = target.position_name ? `${target.department_name} · ${target.position_name}` : target.department_name;
  // one change, one seq: the acknowledgement it implies and the assignment share it
  if (wasOpen) {
    await tx`
      insert into alert_events (alert_id, seq, kind, at, actor, note)
      values (${id}, ${row!.seq}, 'acknowledged', ${at}, ${scope.username}, ${`指派时确认`})`;
  }
  await tx`
    insert into alert_events (alert_id, seq, kind, at, actor, note, data)
    values (${id}, ${row!.seq}, 'assigned', ${at}, ${scope.username}, ${`指派给${assignee}`},
      ${tx.json({
        departmentId: input.departmentId,
        departmentName: target.department_name,
        positionId,
        positionName: target.position_name,
      })})`;
  const [updated] = await findAlertsByIds(tx, [id]);
  return { ok: true, alert: updated!, changed: true }
}
