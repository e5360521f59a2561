// Facts for scoring tests, written with plain SQL into an ingest world (lib/items/test-fixtures.ts):
// obligations with a given deadline and fulfilment, positions, complaints, requests.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/sql';

const at = (local: string) => new Date(`${local}+08:00`);
let serial = 0;

export async function insertObligation(
  db: Db,
  input: { entryId: number; departmentId: number; regionCode: string; positionId?: number | null; dueDay: string; fulfilledAt?: string | null },
): Promise<number> {
  serial += 1;
  // a deadline is the end of its day, stored as 00:00 of the next
  const due = new Date(at(`${input.dueDay}T00:00:00`).getTime() + 86_400_000);
  const fulfilled = input.fulfilledAt ? at(input.fulfilledAt) : null;
  const [row] = await db<{ id: number }[]>`
    insert into obligations (catalog_entry_id, department_id, region_code, position_id, period_key, anchor_at, warn_at,
      due_at, severe_at, state, fulfilled_at, is_late, created_at, updated_at)
    values (${input.entryId}, ${input.departmentId}, ${input.regionCode}, ${input.positionId ?? null},
      ${`score-${serial}-${randomBytes(3).toString('hex')}`}, ${due}, ${due}, ${due}, ${due},
      ${fulfilled ? 'fulfilled' : 'open'}, ${fulfilled}, ${fulfilled ? fulfilled > due : null}, ${due}, ${due})
    returning id`;
  return row!.id;
}

export async function insertPosition(db: Db, departmentId: number, name: string): Promise<number> {
  const [row] = await db<{ id: number }[]>`
    insert into positions (department_id, code, name) values (${departmentId}, ${`P-${randomBytes(3).toString('hex')}`}, ${name})
    returning id`;
  return row!.id;
}

export async function insertComplaint(
  db: Db,
  input: {
    departmentId: number;
    regionCode: string;
    receivedAt: string;
    acceptDueAt: string;
    acceptedAt?: string | null;
    replyDueAt: string;
    repliedAt?: string | null;
    satisfaction?: string | null;
  },
): Promise<{ id: number; trackingCode: string }> {
  const trackingCode = `T${randomBytes(5).toString('hex').toUpperCase()}`;
  const [row] = await db<{ id: number }[]>`
    insert into complaints (tracking_code, channel, state, phone, content, region_code, department_id, received_at,
      assigned_at, accepted_at, replied_at, assign_due_at, accept_due_at, reply_due_at, satisfaction, updated_at)
    values (${trackingCode}, 'phone', ${input.repliedAt ? 'replied' : 'assigned'}, '13800000000', '未按时公开环评批复',
      ${input.regionCode}, ${input.departmentId}, ${at(input.receivedAt)}, ${at(input.receivedAt)},
      ${input.acceptedAt ? at(input.acceptedAt) : null}, ${input.repliedAt ? at(input.repliedAt) : null},
      ${at(input.receivedAt)}, ${at(input.acceptDueAt)}, ${at(input.replyDueAt)}, ${input.satisfaction ?? null},
      ${at(input.receivedAt)})
    returning id`;
  return { id: row!.id, trackingCode };
}

/** A red deadline alert on an obligation, whose severe instant is set to `severeAt`. */
export async function insertRedDeadlineAlert(db: Db, input: { obligationId: number; severeAt: string; openedAt: string }): Promise<number> {
  const [obligation] = await db<{ departmentId: number; regionCode: string }[]>`
    update obligations set severe_at = ${at(input.severeAt)}, warn_at = least(warn_at, ${at(input.severeAt)}),
      due_at = least(due_at, ${at(input.severeAt)})
    where id = ${input.obligationId}
    returning department_id as "departmentId", region_code as "regionCode"`;
  let [rule] = await db<{ id: number }[]>`select id from rules where kind = 'deadline' order by id limit 1`;
  if (!rule) {
    [rule] = await db<{ id: number }[]>`
      insert into rules (kind, name, scope_region_code, params, level, created_at, updated_at)
      values ('deadline', '公开时限', ${obligation!.regionCode}, '{}', 'orange', ${at(input.openedAt)}, ${at(input.openedAt)})
      returning id`;
  }
  const [alert] = await db<{ id: number }[]>`
    insert into alerts (rule_id, rule_kind, level, state, subject_type, subject_id, obligation_id, department_id,
      region_code, message, opened_at, updated_at)
    values (${rule!.id}, 'deadline', 'red', 'open', 'obligation', ${input.obligationId}, ${input.obligationId},
      ${obligation!.departmentId}, ${obligation!.regionCode}, '严重超期：测试事项', ${at(input.openedAt)}, ${at(input.openedAt)})
    returning id`;
  return alert!.id;
}

/**
 * A request for information (依申请公开) as it stands after its workflow, written with plain SQL: received on a
 * day, due at the end of `dueDay`, and replied, abandoned or withdrawn when those are given.
 */
export async function insertRequest(
  db: Db,
  input: {
    departmentId: number;
    regionCode: string;
    applicantType?: string;
    receivedAt: string;
    dueDay: string;
    repliedAt?: string | null;
    replyType?: string;
    replyGround?: string | null;
    replyBasis?: string | null;
    /** abandoned or withdrawn at this moment (no reply) */
    ended?: { state: 'abandoned' | 'withdrawn'; at: string } | null;
  },
): Promise<{ id: number; trackingCode: string }> {
  const trackingCode = `Y${randomBytes(5).toString('hex').toUpperCase()}`;
  const due = new Date(at(`${input.dueDay}T00:00:00`).getTime() + 86_400_000);
  const replied = input.repliedAt ? at(input.repliedAt) : null;
  const state = input.ended ? input.ended.state : replied ? 'replied' : 'received';
  const [row] = await db<{ id: number }[]>`
    insert into requests (tracking_code, channel, state, applicant_type, applicant_name, phone, region_code, department_id,
      description, submitted_at, received_at, clock_started_at, warn_at, due_at, severe_at, replied_at, reply_type,
      reply_ground, reply_basis, reply_text, closed_at, created_by, updated_at)
    values (${trackingCode}, 'letter', ${state}, ${input.applicantType ?? 'person'}, '张三', '13800000000', ${input.regionCode},
      ${input.departmentId}, '申请公开本单位2026年度环评审批结果', ${at(input.receivedAt)}, ${at(input.receivedAt)},
      ${at(input.receivedAt)}, ${due}, ${due}, ${due}, ${replied}, ${replied ? (input.replyType ?? 'disclosed') : null},
      ${replied ? (input.replyGround ?? null) : null}, ${replied ? (input.replyBasis ?? null) : null},
      ${replied ? '答复内容' : null}, ${input.ended ? at(input.ended.at) : null}, 'test', ${at(input.receivedAt)})
    returning id`;
  return { id: row!.id, trackingCode };
}
