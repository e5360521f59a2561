// 提出申诉: a department disputes one of its alerts (not yet resolved) or deductions (a 投诉属实 violation not
// withdrawn) with a reason, within the scoring weights' disputeWorkingDays of the alert's opening / the
// deduction's recording. One pending dispute per subject (a partial unique index backs the check); the filing
// and its audit row commit together.
import { recordAudit } from '../audit/record-audit';
import { scopeFilter, type Scope } from '../auth/scope';
import { getCalendar } from '../calendar/store/calendar-cache';
import type { Sql } from '../db/sql';
import { disputeWindowEnd } from '../deadlines/dispute-window';
import { dueDayOf } from '../deadlines/due-day';
import { refuse, type Refusal } from '../refusal';
import { getCurrentWeights } from '../scoring/store/weights-queries';
import { findDisputeInScope, type Dispute } from './queries';
import type { FileDisputeInput } from './schemas';

export type FileDisputeResult = { ok: true; dispute: Dispute } | Refusal<'not_found' | 'out_of_scope' | 'conflict'>;

interface SubjectRow {
  department_id: number;
  region_code: string;
  item_id: number | null;
  complaint_id: number | null;
  /** When the window starts: the alert's opening, the deduction's recording. */
  from: Date;
  closed: boolean;
  in_scope: boolean;
}

const SUBJECT_NAMES = { alert: '预警', deduction: '扣分' } as const;

export async function fileDispute(sql: Sql, scope: Scope, input: FileDisputeInput, at: Date): Promise<FileDisputeResult> {
  const { type, id } = input.subject;
  const name = SUBJECT_NAMES[type];
  return sql.begin(async (tx) => {
    const visible = scopeFilter(tx, scope, { regionPath: 'r.path', departmentId: 's.department_id' });
    // the subject's row lock orders two filings of one subject: the second sees the first's pending dispute
    const [subject] =
      type === 'alert'
        ? await tx<SubjectRow[]>`
            select s.department_id, s.region_code, s.item_id, s.complaint_id, s.opened_at as from,
              s.state = 'resolved' as closed, ${visible} as in_scope
            from alerts s join regions r on r.code = s.region_code
            where s.id = ${id} for update of s`
        : await tx<SubjectRow[]>`
            select s.department_id, s.region_code, s.item_id, s.complaint_id, s.found_at as from,
              s.withdrawn_at is not null as closed, ${visible} as in_scope
            from complaint_violations s join regions r on r.code = s.region_code
            where s.id = ${id} for update of s`;
    if (!subject) return refuse('not_found', `${name}不存在`, { 'subject.id': `${name}不存在` });
    if (!subject.in_scope) return refuse('out_of_scope', `该${name}不属于您的部门`);
    if (subject.closed) {
      return refuse('conflict', type === 'alert' ? '预警已解除，无需申诉' : '该扣分已撤销，无需申诉');
    }
    const [pending] = await tx<{ id: number }[]>`
      select id from disputes where subject_type = ${type} and subject_id = ${id} and state = 'pending'`;
    if (pending) return refuse('conflict', `该${name}已有待处理的申诉（申诉编号 ${pending.id}），请等待政务公开办处理`);

    const { weights } = await getCurrentWeights(tx);
    const windowEndsAt = disputeWindowEnd(await getCalendar(tx), subject.from, weights.disputeWorkingDays);
    if (at >= windowEndsAt) {
      return refuse(
        'conflict',
        `申诉期限已过：${name}${type === 'alert' ? '产生' : '记录'}后 ${weights.disputeWorkingDays} 个工作日内可申诉，期限为 ${dueDayOf(windowEndsAt)} 24:00`,
      );
    }
    const [row] = await tx<{ id: number }[]>`
      insert into disputes (subject_type, subject_id, alert_id, violation_id, item_id, complaint_id, department_id,
        region_code, reason, attachments, filed_at, filed_by, window_ends_at)
      values (${type}, ${id}, ${type === 'alert' ? id : null}, ${type === 'deduction' ? id : null}, ${subject.item_id},
        ${subject.complaint_id}, ${subject.department_id}, ${subject.region_code}, ${input.reason},
        ${tx.json(input.attachments as never)}, ${at}, ${scope.username}, ${windowEndsAt})
      returning id`;
    await recordAudit(tx, {
      actor: scope.username,
      entity: 'dispute',
      entityId: row!.id,
      action: 'file',
      after: { subject: input.subject, reason: input.reason, attachments: input.attachments, windowEndsAt: windowEndsAt.toISOString() },
    });
    const dispute = await findDisputeInScope(tx, scope, row!.id);
    if (typeof dispute === 'string') throw new Error(`dispute ${row!.id} vanished in its own transaction`);
    return { ok: true, dispute };
  });
}
