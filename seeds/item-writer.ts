// Writes an item plan (item-planner.ts): items, their history and obligations, in a few multi-row
// inserts. An item already there is left as it is, with the history it has.
import type { Db } from '../lib/db/sql';
import type { DepartmentPlan } from './item-planner';

export interface ItemIds {
  departments: ReadonlyMap<string, number>;
  positions: ReadonlyMap<string, number>;
  /** `${region code}/${entry code}` → id of the current version */
  entries: ReadonlyMap<string, number>;
}

export interface ItemsWriteResult {
  items: number;
  itemEvents: number;
  obligations: number;
}

// Rows travel as one JSON document per statement and are unpacked by jsonb_to_recordset: an
// order of magnitude faster than tens of thousands of bind parameters.
const ITEM_CHUNK = 2000;
const EVENT_CHUNK = 10_000;
const OBLIGATION_CHUNK = 5000;

export async function insertDepartmentPlans(sql: Db, plans: readonly DepartmentPlan[], ids: ItemIds): Promise<ItemsWriteResult> {
  const result: ItemsWriteResult = { items: 0, itemEvents: 0, obligations: 0 };
  const items = plans.flatMap((p) => p.items);
  const itemIds = new Map<string, number>();
  const positionId = (departmentCode: string, positionCode: string | null) =>
    positionCode === null ? null : (ids.positions.get(`${departmentCode}/${positionCode}`) ?? null);
  const entryId = (regionCode: string, code: string) => {
    const id = ids.entries.get(`${regionCode}/${code}`);
    if (id === undefined) throw new Error(`catalog entry ${regionCode}/${code} is missing`);
    return id;
  };
  const departmentId = (code: string) => {
    const id = ids.departments.get(code);
    if (id === undefined) throw new Error(`department ${code} is missing`);
    return id;
  };

  for (let i = 0; i < items.length; i += ITEM_CHUNK) {
    const rows = items.slice(i, i + ITEM_CHUNK).map((item) => ({
      department_id: departmentId(item.departmentCode),
      external_id: item.externalId,
      catalog_entry_id: entryId(item.regionCode, item.entryCode),
      region_code: item.regionCode,
      position_id: positionId(item.departmentCode, item.positionCode),
      title: item.title,
      index_no: item.indexNo,
      doc_no: item.docNo,
      publisher: item.publisher,
      summary: item.summary,
      body: item.body,
      url: item.url,
      channels: item.channels,
      fields: item.fields,
      attachments: item.attachments,
      formed_at: item.formedAt,
      published_at: item.publishedAt,
      event_at: item.eventAt,
      received_at: item.receivedAt,
      updated_at: item.updatedAt,
      payload_hash: item.payloadHash,
    }));
    const inserted = await sql<{ id: number; department_id: number; external_id: string }[]>`
      insert into items (department_id, external_id, catalog_entry_id, region_code, position_id, version, title,
        index_no, doc_no, publisher, summary, body, url, channels, fields, attachments, formed_at, published_at,
        event_at, received_at, updated_at, payload_hash)
      select department_id, external_id, catalog_entry_id, region_code, position_id, 1, title,
        index_no, doc_no, publisher, summary, body, url, channels, fields, attachments, formed_at, published_at,
        event_at, received_at, updated_at, payload_hash
      from jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb) as r(department_id bigint, external_id text,
        catalog_entry_id bigint, region_code text, position_id bigint, title text, index_no text, doc_no text,
        publisher text, summary text, body text, url text, channels text[], fields jsonb, attachments jsonb,
        formed_at timestamptz, published_at timestamptz, event_at timestamptz, received_at timestamptz,
        updated_at timestamptz, payload_hash text)
      on conflict (department_id, external_id) do nothing
      returning id, department_id, external_id`;
    for (const row of inserted) itemIds.set(`${row.department_id}/${row.external_id}`, row.id);
    result.items += inserted.length;
  }
  const itemId = (departmentCode: string, externalId: string) => itemIds.get(`${departmentId(departmentCode)}/${externalId}`);

  const events = items.flatMap((item) => {
    const id = itemId(item.departmentCode, item.externalId);
    // an item that was already there keeps the history it has
    if (id === undefined) return [];
    return item.events.map((e) => ({ item_id: id, kind: e.kind, at: e.at, actor: e.actor, diff: e.diff, note: e.note }));
  });
  for (let i = 0; i < events.length; i += EVENT_CHUNK) {
    const chunk = events.slice(i, i + EVENT_CHUNK);
    await sql`
      insert into item_events (item_id, kind, at, actor, diff, note)
      select item_id, kind, at, actor, diff, note
      from jsonb_to_recordset(${JSON.stringify(chunk)}::text::jsonb)
        as r(item_id bigint, kind text, at timestamptz, actor text, diff jsonb, note text)`;
    result.itemEvents += chunk.length;
  }

  const obligations = plans.flatMap((p) =>
    p.obligations.flatMap((o) => {
      const id = o.itemExternalId === null ? null : itemId(o.departmentCode, o.itemExternalId);
      if (o.itemExternalId !== null && id === undefined) return [];
      return [
        {
          catalog_entry_id: entryId(o.regionCode, o.entryCode),
          department_id: departmentId(o.departmentCode),
          region_code: o.regionCode,
          position_id: positionId(o.departmentCode, o.positionCode),
          item_id: id,
          period_key: o.periodKey,
          anchor_at: o.anchorAt,
          warn_at: o.warnAt,
          due_at: o.dueAt,
          severe_at: o.severeAt,
          is_provisional: o.isProvisional,
          state: o.state,
          level: o.level,
          fulfilled_at: o.fulfilledAt,
          is_late: o.isLate,
          next_check_at: o.nextCheckAt,
          created_at: o.createdAt,
          updated_at: o.updatedAt,
        },
      ];
    }),
  );
  for (let i = 0; i < obligations.length; i += OBLIGATION_CHUNK) {
    const chunk = obligations.slice(i, i + OBLIGATION_CHUNK);
    const inserted = await sql`
      insert into obligations (catalog_entry_id, department_id, region_code, position_id, item_id, period_key,
        anchor_at, warn_at, due_at, severe_at, is_provisional, state, level, fulfilled_at, is_late, next_check_at,
        created_at, updated_at)
      select catalog_entry_id, department_id, region_code, position_id, item_id, period_key,
        anchor_at, warn_at, due_at, severe_at, is_provisional, state, level, fulfilled_at, is_late, next_check_at,
        created_at, updated_at
      from jsonb_to_recordset(${JSON.stringify(chunk)}::text::jsonb) as r(catalog_entry_id bigint, department_id bigint,
        region_code text, position_id bigint, item_id bigint, period_key text, anchor_at timestamptz,
        warn_at timestamptz, due_at timestamptz, severe_at timestamptz, is_provisional boolean, state text,
        level text, fulfilled_at timestamptz, is_late boolean, next_check_at timestamptz, created_at timestamptz,
        updated_at timestamptz)
      on conflict do nothing
      returning id`;
    result.obligations += inserted.length;
  }
  return result;
}
