// GET /api/v1/complaints/track/:code?phone4= (DESIGN §3): what a citizen may see of their complaint — its
// state, the reply, the public steps of its timeline — with no personal data and no internal notes. A wrong
// phone4 and an unknown code are the same 'missing', so the endpoint cannot be used to probe codes.
import type { Db } from '../db/sql';
import type { ComplaintEventKind, ComplaintState, Satisfaction } from './complaint';
import { phoneLast4 } from './mask';

export interface TrackedComplaint {
  trackingCode: string;
  state: ComplaintState;
  channel: string;
  createdAt: string;
  departmentName: string | null;
  replyDueAt: string;
  reply?: string;
  repliedAt: string | null;
  satisfaction: Satisfaction | null;
  /** The citizen may rate now (好差评). */
  canRate: boolean;
  events: { at: string; kind: ComplaintEventKind; note?: string }[];
}

// internal steps (催办, 备注, 回退 reasons) stay with the desk; the public sees where the complaint is
const PUBLIC_EVENTS: readonly ComplaintEventKind[] = ['received', 'assigned', 'accepted', 'started', 'replied', 'extended', 'rated', 'reopened', 'closed'];

export async function trackComplaint(db: Db, trackingCode: string, phone4: string): Promise<TrackedComplaint | null> {
  const [row] = await db<
    {
      id: number;
      tracking_code: string;
      state: ComplaintState;
      channel: string;
      phone: string;
      received_at: Date;
      department_name: string | null;
      reply_due_at: Date;
      reply: string | null;
      replied_at: Date | null;
      satisfaction: Satisfaction | null;
    }[]
  >`
    select c.id, c.tracking_code, c.state, c.channel, c.phone, c.received_at, d.name as department_name, c.reply_due_at,
      c.reply, c.replied_at, c.satisfaction
    from complaints c left join departments d on d.id = c.department_id
    where c.tracking_code = ${trackingCode}`;
  if (!row || phoneLast4(row.phone) !== phone4) return null;
  const events = await db<{ at: Date; kind: ComplaintEventKind; note: string | null; data: Record<string, unknown> | null }[]>`
    select at, kind, note, data from complaint_events
    where complaint_id = ${row.id} and kind = any(${PUBLIC_EVENTS as string[]})
    order by at, id`;
  return {
    trackingCode: row.tracking_code,
    state: row.state,
    channel: row.channel,
    createdAt: row.received_at.toISOString(),
    departmentName: row.department_name,
    replyDueAt: row.reply_due_at.toISOString(),
    ...(row.reply !== null ? { reply: row.reply } : {}),
    repliedAt: row.replied_at?.toISOString() ?? null,
    satisfaction: row.satisfaction,
    canRate: row.state === 'replied',
    events: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, ...publicNote(e) })),
  };
}

function publicNote(e: { kind: ComplaintEventKind; note: string | null; data: Record<string, unknown> | null }): { note?: string } {
  switch (e.kind) {
    case 'assigned':
      return typeof e.data?.departmentName === 'string' ? { note: `转交${e.data.departmentName}办理` } : {};
    case 'extended':
      return typeof e.data?.dueDate === 'string' ? { note: `答复期限延至 ${e.data.dueDate}` } : {};
    case 'rated':
      return typeof e.data?.label === 'string' ? { note: e.data.label } : {};
    case 'replied':
    case 'reopened':
    case 'closed':
      return e.note ? { note: e.note } : {};
    default:
      return {};
  }
}
