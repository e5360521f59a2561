// One department's planned year (item-planner.ts) as rows of COPY text for items, item_events and obligations.
// Item ids are given by the caller (a block reserved from the items identity sequence, see
// seed-province.ts), so events and obligations can name their item in the same pass.
import {
  copyBoolean,
  copyJson,
  copyNullableText,
  copyText,
  copyTextArray,
  copyTimestamp,
  COPY_NULL,
} from './copy-text';
import type { DepartmentPlan } from './item-planner';
import type { ItemIds } from './item-writer';

export const ITEM_COLUMNS = [
  'id', 'department_id', 'external_id', 'catalog_entry_id', 'region_code', 'position_id', 'version', 'title', 'index_no',
  'doc_no', 'publisher', 'summary', 'body', 'url', 'channels', 'fields', 'attachments', 'formed_at', 'published_at',
  'event_at', 'received_at', 'updated_at', 'payload_hash',
] as const;

export const ITEM_EVENT_COLUMNS = ['item_id', 'kind', 'at', 'actor', 'diff', 'note'] as const;

export const OBLIGATION_COLUMNS = [
  'catalog_entry_id', 'department_id', 'region_code', 'position_id', 'item_id', 'period_key', 'anchor_at', 'warn_at',
  'due_at', 'severe_at', 'is_provisional', 'state', 'level', 'fulfilled_at', 'is_late', 'next_check_at', 'created_at',
  'updated_at', 'fulfilled_by_item_id',
] as const;

export interface DepartmentRows {
  items: string;
  events: string;
  obligations: string;
  counts: { items: number; events: number; obligations: number };
}

function lookup(map: ReadonlyMap<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`${what} ${key} is missing`);
  return id;
}

/** The plan's rows; its items get the ids firstItemId, firstItemId + 1, … in plan order. */
export function departmentRows(plan: DepartmentPlan, ids: ItemIds, firstItemId: number): DepartmentRows {
  const departmentId = lookup(ids.departments, plan.departmentCode, 'department');
  const positionCell = (positionCode: string | null) => {
    if (positionCode === null) return COPY_NULL;
    const id = ids.positions.get(`${plan.departmentCode}/${positionCode}`);
    return id === undefined ? COPY_NULL : String(id);
  };
  const entryId = (regionCode: string, code: string) => lookup(ids.entries, `${regionCode}/${code}`, 'catalog entry');

  const itemIds = new Map<string, number>();
  const items: string[] = [];
  const events: string[] = [];
  let id = firstItemId;
  for (const item of plan.items) {
    if (itemIds.has(item.externalId)) throw new Error(`duplicate external id ${item.externalId} in ${plan.departmentCode}`);
    itemIds.set(item.externalId, id);
    items.push(
      [
        String(id),
        String(departmentId),
        copyText(item.externalId),
        String(entryId(item.regionCode, item.entryCode)),
        copyText(item.regionCode),
        positionCell(item.positionCode),
        '1',
        copyText(item.title),
        copyNullableText(item.indexNo),
        copyNullableText(item.docNo),
        copyNullableText(item.publisher),
        copyNullableText(item.summary),
        copyNullableText(item.body),
        copyNullableText(item.url),
        copyTextArray(item.channels),
        copyJson(item.fields),
        copyJson(item.attachments),
        copyTimestamp(item.formedAt),
        copyTimestamp(item.publishedAt),
        copyTimestamp(item.eventAt),
        copyTimestamp(item.receivedAt),
        copyTimestamp(item.updatedAt),
        copyText(item.payloadHash),
      ].join('\t'),
    );
    for (const event of item.events) {
      events.push(
        [String(id), event.kind, copyTimestamp(event.at), copyText(event.actor), copyJson(event.diff), copyText(event.note)].join('\t'),
      );
    }
    id++;
  }

  const itemCell = (externalId: string | null) => {
    if (externalId === null) return COPY_NULL;
    return String(lookup(itemIds, externalId, `item of ${plan.departmentCode}:`));
  };
  const obligations = plan.obligations.map((o) =>
    [
      String(entryId(o.regionCode, o.entryCode)),
      String(departmentId),
      copyText(o.regionCode),
      positionCell(o.positionCode),
      itemCell(o.itemExternalId),
      copyNullableText(o.periodKey),
      copyTimestamp(o.anchorAt),
      copyTimestamp(o.warnAt),
      copyTimestamp(o.dueAt),
      copyTimestamp(o.severeAt),
      copyBoolean(o.isProvisional),
      o.state,
      o.level,
      copyTimestamp(o.fulfilledAt),
      copyBoolean(o.isLate),
      copyTimestamp(o.nextCheckAt),
      copyTimestamp(o.createdAt),
      copyTimestamp(o.updatedAt),
      itemCell(o.fulfilledByExternalId),
    ].join('\t'),
  );

  const text = (rows: string[]) => (rows.length === 0 ? '' : `${rows.join('\n')}\n`);
  return {
    items: text(items),
    events: text(events),
    obligations: text(obligations),
    counts: { items: items.length, events: events.length, obligations: obligations.length },
  };
}
