// Reads of 公开信息 for the item page (事项详情) and a department's recent items, always within a user's
// scope. The item page holds the item against the catalog requirements the check job applies: the same
// rules (selectRule) and the same completeness and channel functions.
import { alertFromRow, selectAlerts, type Alert, type AlertRow } from '../alerts/alert';
import { scopeFilter, type Scope } from '../auth/scope';
import { findCatalogEntry, type CatalogEntryDetail } from '../catalog/queries';
import { requirementsReport, type RequirementsReport } from '../catalog/requirements-report';
import type { Db } from '../db/sql';
import { listItemObligations, type ObligationView } from '../obligations/queries';
import { getRules } from '../rules/store/queries';
import { completenessParamsSchema, type AlertLevel } from '../rules/rule';
import { selectRule } from '../rules/select-rule';
import type { ItemRow } from './item-row';

export interface ItemDetail {
  id: number;
  externalId: string;
  version: number;
  title: string;
  indexNo: string | null;
  docNo: string | null;
  publisher: string | null;
  summary: string | null;
  url: string | null;
  channels: string[];
  fields: Record<string, string>;
  attachments: { name: string; url: string }[];
  formedAt: string;
  publishedAt: string | null;
  eventAt: string | null;
  receivedAt: string;
  updatedAt: string;
  withdrawnAt: string | null;
  department: { id: number; name: string; orgCode: string };
  region: { code: string; name: string };
  entry: CatalogEntryDetail;
  obligations: ObligationView[];
  /** Unresolved alerts on the item or on its obligations, highest level first. */
  alerts: Alert[];
  requirements: RequirementsReport;
  /** The rules in force for this item; null where the check is switched off. */
  rules: { completeness: { level: AlertLevel } | null; channel: { level: AlertLevel } | null };
}

type ItemDetailRow = Omit<ItemRow, 'position_id' | 'payload_hash'> & {
  department_name: string;
  org_code: string;
  region_name: string;
  region_path: string;
  in_scope: boolean;
};

const iso = (value: Date | null) => (value ? value.toISOString() : null);
const itemScope = (db: Db, scope: Scope) => scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'i.department_id' });

/** 'outside' lets a caller refuse an item beyond the scope (without its title) apart from a missing one. */
export async function findItemDetail(db: Db, scope: Scope, id: number, at: Date): Promise<ItemDetail | 'outside' | 'missing'> {
  const [row] = await db<ItemDetailRow[]>`
    select i.id, i.external_id, i.version, i.title, i.index_no, i.doc_no, i.publisher, i.summary, i.body, i.url,
      i.channels, i.fields, i.attachments, i.formed_at, i.published_at, i.event_at, i.received_at, i.updated_at,
      i.withdrawn_at, i.catalog_entry_id, i.department_id, d.name as department_name, d.org_code, i.region_code,
      r.name as region_name, r.path as region_path, ${itemScope(db, scope)} as in_scope
    from items i
    join departments d on d.id = i.department_id
    join regions r on r.code = i.region_code
    where i.id = ${id}`;
  if (!row) return 'missing';
  if (!row.in_scope) return 'outside';

  const [entry, obligations, rules] = await Promise.all([
    findCatalogEntry(db, scope, row.catalog_entry_id),
    listItemObligations(db, scope, id, at),
    getRules(db),
  ]);
  // only the responsible department publishes under an entry, so an item in scope has its entry in scope
  if (typeof entry === 'string') throw new Error(`item ${id}: catalog entry ${row.catalog_entry_id} is ${entry}`);
  const obligationIds = obligations.map((o) => o.id);
  const alertRows = await db<AlertRow[]>`
    ${selectAlerts(db)}
    where a.state <> 'resolved'
      and (a.item_id = ${id} ${obligationIds.length > 0 ? db`or a.obligation_id = any(${obligationIds})` : db``})
    order by case a.level when 'red' then 0 when 'orange' then 1 else 2 end, a.seq desc`;

  const subject = { regionPath: row.region_path, domain: entry.domain, entryId: entry.id };
  const completenessRule = selectRule(rules, 'completeness', subject);
  const channelRule = selectRule(rules, 'channel', subject);
  const requirements = requirementsReport({
    item: {
      indexNo: row.index_no,
      docNo: row.doc_no,
      publisher: row.publisher,
      summary: row.summary,
      body: row.body,
      url: row.url,
      attachments: row.attachments,
      fields: row.fields,
      formedAt: row.formed_at,
      channels: row.channels,
    },
    entry: { requiredElements: entry.requiredElements, channels: entry.channels },
    department: { orgCode: row.org_code, name: row.department_name },
    // with the check switched off the page still shows the catalog's requirements, by the default rules
    params: completenessRule?.params ?? completenessParamsSchema.parse({}),
  });

  return {
    id: row.id,
    externalId: row.external_id,
    version: row.version,
    title: row.title,
    indexNo: row.index_no,
    docNo: row.doc_no,
    publisher: row.publisher,
    summary: row.summary,
    url: row.url,
    channels: row.channels,
    fields: row.fields,
    attachments: row.attachments,
    formedAt: row.formed_at.toISOString(),
    publishedAt: iso(row.published_at),
    eventAt: iso(row.event_at),
    receivedAt: row.received_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    withdrawnAt: iso(row.withdrawn_at),
    department: { id: row.department_id, name: row.department_name, orgCode: row.org_code },
    region: { code: row.region_code, name: row.region_name },
    entry,
    obligations,
    alerts: alertRows.map((alertRow) => alertFromRow(alertRow).alert),
    requirements,
    rules: {
      completeness: completenessRule ? { level: completenessRule.level } : null,
      channel: channelRule ? { level: channelRule.level } : null,
    },
  };
}

/**
 * Where an item stands against its own deadline: on_time / late (published), overdue (past due, not
 * published), pending (not yet due), untracked (an entry without a measurable limit), cancelled.
 */
export type ItemDeadlineState = 'on_time' | 'late' | 'overdue' | 'pending' | 'untracked' | 'cancelled';

export interface ItemListRow {
  id: number;
  title: string;
  indexNo: string | null;
  entry: { id: number; code: string; name: string };
  formedAt: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
  dueAt: string | null;
  deadlineState: ItemDeadlineState;
  openAlerts: number;
}

/** A department's items, the most recently formed first. */
export async function listDepartmentItems(
  db: Db,
  scope: Scope,
  departmentId: number,
  page: { offset: number; limit: number },
  at: Date,
): Promise<ItemListRow[]> {
  const rows = await db<
    {
      id: number;
      title: string;
      index_no: string | null;
      entry_id: number;
      entry_code: string;
      entry_name: string;
      formed_at: Date;
      published_at: Date | null;
      withdrawn_at: Date | null;
      due_at: Date | null;
      obligation_state: 'open' | 'fulfilled' | 'cancelled' | null;
      is_late: boolean | null;
      open_alerts: number;
    }[]
  >`
    select i.id, i.title, i.index_no, c.id as entry_id, c.code as entry_code, c.name as entry_name, i.formed_at,
      i.published_at, i.withdrawn_at, o.due_at, o.state as obligation_state, o.is_late,
      (select count(*)::int from alerts a where a.item_id = i.id and a.state <> 'resolved') as open_alerts
    from items i
    join catalog_entries c on c.id = i.catalog_entry_id
    join regions r on r.code = i.region_code
    left join obligations o on o.item_id = i.id
    where i.department_id = ${departmentId} and ${itemScope(db, scope)}
    order by i.formed_at desc, i.id desc
    limit ${page.limit} offset ${page.offset}`;
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    indexNo: row.index_no,
    entry: { id: row.entry_id, code: row.entry_code, name: row.entry_name },
    formedAt: row.formed_at.toISOString(),
    publishedAt: iso(row.published_at),
    withdrawnAt: iso(row.withdrawn_at),
    dueAt: iso(row.due_at),
    deadlineState: deadlineStateOf(row.obligation_state, row.is_late, row.due_at, at),
    openAlerts: row.open_alerts,
  }));
}

function deadlineStateOf(
  state: 'open' | 'fulfilled' | 'cancelled' | null,
  isLate: boolean | null,
  dueAt: Date | null,
  at: Date,
): ItemDeadlineState {
  if (state === null || dueAt === null) return 'untracked';
  if (state === 'cancelled') return 'cancelled';
  if (state === 'fulfilled') return isLate ? 'late' : 'on_time';
  return dueAt.getTime() <= at.getTime() ? 'overdue' : 'pending';
}

export async function countDepartmentItems(db: Db, scope: Scope, departmentId: number): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n
    from items i join regions r on r.code = i.region_code
    where i.department_id = ${departmentId} and ${itemScope(db, scope)}`;
  return row?.n ?? 0;
}
