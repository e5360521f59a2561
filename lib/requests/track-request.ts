// GET /api/v1/requests/track/:code?phone4= (DESIGN §3): what an applicant may see of their request — its state,
// the reply deadline, the 补正 asked for, the reply with its attachments and the steps — with no personal data,
// no staff names and no third party consulted. A wrong phone4 and an unknown code are the same null, so the
// endpoint cannot be used to probe codes.
import { phoneLast4 } from '../complaints/mask';
import type { Db } from '../db/sql';
import { formatIsoShanghai } from '../format/shanghai-time';
import { DELIVERY_LABELS, REPLY_TYPE_LABELS, type DeliveryMethod, type RequestEventKind, type RequestState, type TrackedRequest } from './request';
import type { RequestRow } from './queries';

export async function trackRequest(db: Db, trackingCode: string, phone4: string): Promise<TrackedRequest | null> {
  const [row] = await db<RequestRow[]>`select * from requests where tracking_code = ${trackingCode}`;
  if (!row || phoneLast4(row.phone) !== phone4) return null;
  const events = await db<{ at: Date; kind: RequestEventKind; to_state: RequestState | null; data: Record<string, unknown> | null }[]>`
    select at, kind, to_state, data from request_events where request_id = ${row.id} order by at, id`;
  const iso = (value: Date | null) => (value ? formatIsoShanghai(value) : null);
  return {
    trackingCode: row.tracking_code,
    state: row.state,
    submittedAt: formatIsoShanghai(row.submitted_at),
    receivedAt: iso(row.received_at),
    dueAt: iso(row.due_at),
    correction:
      row.state === 'correction_requested' && row.correction_what && row.correction_due_at
        ? { what: row.correction_what, dueAt: formatIsoShanghai(row.correction_due_at) }
        : null,
    reply:
      row.reply_type && row.replied_at
        ? { type: row.reply_type, text: row.reply_text ?? '', basis: row.reply_basis, attachments: row.reply_attachments, repliedAt: formatIsoShanghai(row.replied_at) }
        : null,
    events: events.map((e) => ({ at: formatIsoShanghai(e.at), kind: e.kind, toState: e.to_state, note: publicNote(e) })),
  };
}

/** What a step says to the applicant: the 补正 asked for, the extension, the reply type, how it was delivered. */
function publicNote(e: { kind: RequestEventKind; data: Record<string, unknown> | null }): string | null {
  const data = e.data ?? {};
  switch (e.kind) {
    case 'correction_requested':
      return typeof data.what === 'string' && typeof data.dueDay === 'string' ? `请于 ${data.dueDay} 前补正：${data.what}` : null;
    case 'extended':
      return typeof data.workingDays === 'number' && typeof data.reason === 'string' ? `答复期限延长 ${data.workingDays} 个工作日：${data.reason}` : null;
    case 'consultation_started':
      return '征求第三方或其他机关意见，所需时间不计算在答复期限内';
    case 'replied':
      return typeof data.type === 'string' && data.type in REPLY_TYPE_LABELS ? REPLY_TYPE_LABELS[data.type as keyof typeof REPLY_TYPE_LABELS] : null;
    case 'delivered':
      return typeof data.method === 'string' && data.method in DELIVERY_LABELS ? `送达方式：${DELIVERY_LABELS[data.method as DeliveryMethod]}` : null;
    default:
      return null;
  }
}
