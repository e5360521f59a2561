// What the hand-publishing form (报送信息) needs to show: the department's current catalog entries with their
// required elements and channels, the completeness rule in force for each (the form checks a draft with the
// same pure functions the check job runs, lib/catalog/requirements-report.ts), and — when correcting — the
// stored item in the shape of the ingest payload. The form posts to POST /api/v1/items: this module only reads.
import type { Scope } from '../auth/scope';
import { listCatalogEntries, type CatalogEntrySummary } from '../catalog/queries';
import type { Db } from '../db/sql';
import { findIngestDepartment } from '../items/find-ingest-department';
import type { IngestDepartment } from '../items/ingest-item';
import type { Camelized, ItemRow } from '../items/item-row';
import type { CompletenessRuleParams } from '../rules/rule';
import { selectRule } from '../rules/select-rule';
import { getRules } from '../rules/store/queries';
import { WORKSPACE_MAX_ROWS } from './get-workspace';

export interface PublishableEntry extends CatalogEntrySummary {
  /** The completeness rule's params in force for the entry's items; null where the check is switched off. */
  completeness: CompletenessRuleParams | null;
  /** Whether the channel check is on for the entry's items. */
  isChannelChecked: boolean;
}

type DraftColumns = 'id' | 'external_id' | 'title' | 'index_no' | 'doc_no' | 'publisher' | 'summary' | 'body' | 'url' | 'channels' | 'fields' | 'attachments';
type DraftInstants = 'formed_at' | 'published_at' | 'event_at' | 'withdrawn_at';

/** A stored item as the form edits it: the ingest payload's fields (lib/items/ingest-schema.ts), instants as ISO text. */
export type ItemDraft = Camelized<Pick<ItemRow, DraftColumns>> & {
  entryId: number;
  formedAt: string;
  publishedAt: string | null;
  eventAt: string | null;
  withdrawnAt: string | null;
};

export interface PublishForm {
  department: IngestDepartment;
  entries: PublishableEntry[];
  /** The item to correct, when one was asked for and is the user's. */
  item: ItemDraft | null;
}

type DraftRow = Omit<ItemDraft, 'formedAt' | 'publishedAt' | 'eventAt' | 'withdrawnAt'> & Camelized<Pick<ItemRow, DraftInstants>>;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** One of the department's own items; 'missing' for any other (another department's is not the user's to correct). */
async function findItemDraft(db: Db, departmentId: number, itemId: number): Promise<ItemDraft | 'missing'> {
  const [row] = await db<DraftRow[]>`
    select id, catalog_entry_id as "entryId", external_id as "externalId", title, index_no as "indexNo", doc_no as "docNo",
      publisher, summary, body, url, channels, fields, attachments, formed_at as "formedAt", published_at as "publishedAt",
      event_at as "eventAt", withdrawn_at as "withdrawnAt"
    from items where id = ${itemId} and department_id = ${departmentId}`;
  if (!row) return 'missing';
  return {
    ...row,
    formedAt: row.formedAt.toISOString(),
    publishedAt: iso(row.publishedAt),
    eventAt: iso(row.eventAt),
    withdrawnAt: iso(row.withdrawnAt),
  };
}

/**
 * The form for a department user; 'no_department' for anyone else, 'missing' when `itemId` names no item of the
 * user's department.
 */
export async function getPublishForm(db: Db, scope: Scope, input: { itemId?: number }): Promise<PublishForm | 'no_department' | 'missing'> {
  if (scope.departmentId === null) return 'no_department';
  const [department, entries, rules, item] = await Promise.all([
    findIngestDepartment(db, scope.departmentId),
    listCatalogEntries(db, scope, { departmentId: scope.departmentId }, { limit: WORKSPACE_MAX_ROWS }),
    getRules(db),
    input.itemId === undefined ? null : findItemDraft(db, scope.departmentId, input.itemId),
  ]);
  if (!department) return 'no_department';
  if (item === 'missing') return 'missing';
  return {
    department,
    entries: entries.map((entry) => {
      const subject = { regionPath: department.regionPath, domain: entry.domain, entryId: entry.id };
      const completeness = selectRule(rules, 'completeness', subject);
      return {
        ...entry,
        completeness: completeness?.params ?? null,
        isChannelChecked: selectRule(rules, 'channel', subject) !== null,
      };
    }),
    item,
  };
}
