// The hand-publishing form's draft as the body of POST /api/v1/items (the one ingest path, lib/items/ingest-item.ts,
// validates it), and the way back: an error field of the ingest answer to the form field that holds it. Pure.

export interface PublishDraft {
  externalId: string;
  catalogCode: string;
  title: string;
  /** An ISO instant, or a bare YYYY-MM-DD (00:00 Asia/Shanghai). */
  formedAt: string;
  eventAt?: string | null;
  publishedAt?: string | null;
  channels: readonly string[];
  url?: string | null;
  indexNo?: string | null;
  docNo?: string | null;
  publisher?: string | null;
  summary?: string | null;
  body?: string | null;
  attachments?: readonly { name?: string | null; url?: string | null; note?: string | null }[] | null;
  fields?: Readonly<Record<string, string | null | undefined>> | null;
}

const blank = (value: string | null | undefined): boolean => value == null || value.trim() === '';

/**
 * Blank optional elements are left out rather than sent empty, so a required element not filled in is 缺少 (the
 * completeness rule's "missing"), and a blank attachment row is no attachment; everything else goes as typed,
 * for ingest to judge.
 */
export function publishPayload(draft: PublishDraft): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    externalId: draft.externalId,
    catalogCode: draft.catalogCode,
    title: draft.title,
    formedAt: draft.formedAt,
    channels: [...draft.channels],
  };
  for (const key of ['eventAt', 'publishedAt', 'url', 'indexNo', 'docNo', 'publisher', 'summary', 'body'] as const) {
    const value = draft[key];
    if (!blank(value)) payload[key] = value;
  }
  const attachments = (draft.attachments ?? [])
    .filter((a) => !blank(a.name) || !blank(a.url))
    .map((a) => ({ name: a.name ?? '', url: a.url ?? '', ...(blank(a.note) ? {} : { note: a.note }) }));
  if (attachments.length > 0) payload.attachments = attachments;
  const fields = Object.fromEntries(Object.entries(draft.fields ?? {}).filter((entry): entry is [string, string] => !blank(entry[1])));
  if (Object.keys(fields).length > 0) payload.fields = fields;
  return payload;
}

/** Form fields named otherwise than the payload keys they fill. */
const FORM_NAMES: Record<string, string> = { catalogCode: 'entryId', formedAt: 'formedDay', eventAt: 'eventDay' };

/**
 * The form field for an error key of the ingest answer (`attachments.0.url` → ['attachments', 0, 'url'],
 * `fields.三公经费表` → ['fields', '三公经费表']); null for keys the form has no field for (the message is shown
 * above the form instead).
 */
export function formFieldOf(key: string): (string | number)[] | null {
  const [head, ...rest] = key.split('.');
  if (head === undefined || head === '' || head === '_') return null;
  if (head === 'fields') return rest.length > 0 ? ['fields', rest.join('.')] : null;
  if (head === 'attachments') {
    const [index, name] = rest;
    if (index !== undefined && /^\d+$/.test(index)) return name ? ['attachments', Number(index), name] : ['attachments', Number(index), 'name'];
    return null;
  }
  if (head === 'externalId' || head === 'steps' || head === 'withdrawnAt' || head === 'withdrawReason') return null;
  return [FORM_NAMES[head] ?? head];
}
