// Ingest (DESIGN §3 POST /api/v1/items): upsert one item of a department by its CMS's externalId, with its
// history, its obligation and its owed check (lib/jobs/owed-jobs.ts), in one transaction.
//
// - A resend of the same payload (same payload_hash) changes nothing and answers 200.
// - A new item gets version 1, a 'formed' event, a 'published' event when publishedAt is given, and its
//   obligation (event-triggered entries), fulfilled at once when it is already published.
// - A changed payload bumps the version and records an 'updated' event with the diff, plus 'published'
//   when publishedAt first appears, which fulfils the obligation (its own, or a period's).
// Two identical requests at once make one item: the insert is `on conflict do nothing`, and the loser
// finds the winner's row (locked `for update`) and answers as for a resend.
import { formatFullTime } from '../format/shanghai-time';
import { getCalendar } from '../calendar/store/calendar-cache';
import type { Calendar } from '../calendar/calendar';
import { timeLimitSchema } from '../catalog/time-limit';
import type { Db, Sql } from '../db/sql';
import { oweJobs } from '../jobs/owed-jobs';
import { refuse, type Refusal } from '../refusal';
import { fulfilItemObligation, fulfilPeriodObligation } from '../obligations/fulfil-obligation';
import { itemAnchorProblem } from '../obligations/obligation-plan';
import {
  openItemObligation,
  rescheduleItemObligation,
  type ObligationEntry,
} from '../obligations/open-item-obligation';
import { isPeriodLimit } from '../obligations/periods';
import { CHANNEL_LABELS, type Channel } from '../rules/evaluate-channels';
import { getRules } from '../rules/store/queries';
import type { Rule } from '../rules/rule';
import { ingestFieldErrors, ingestPayloadSchema, itemContentHash, type IngestPayload } from './ingest-schema';
import { owedItemCheck } from './check-job';
import { diffItems, diffLabel, type ItemSnapshot } from './item-diff';
import type { ItemContentColumns, ItemRow } from './item-row';
import { recordSteps, recordWithdrawal } from './record-process';

/** DESIGN §1: publishedAt may lie at most 5 minutes after the time the item was received. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** The department an item is ingested for (an API key's, or a signed-in department user's). */
export interface IngestDepartment {
  id: number;
  regionCode: string;
  regionPath: string;
  orgCode: string;
  name: string;
}

export interface IngestInput {
  department: IngestDepartment;
  /** The request body as parsed JSON; validated here. */
  payload: unknown;
  receivedAt: Date;
  /** Who reported it, as item histories show it: a username, or `apikey:<prefix>`. */
  actor: string;
}

export type IngestResult =
  /** `created`: a new item (the contract's 201), else a resend or an update of a stored one (200) */
  | { ok: true; created: boolean; id: number; version: number; changed: boolean }
  | Refusal<'invalid' | 'not_allowed' | 'conflict' | 'unknown_reference'>;

type IngestRefusal = Extract<IngestResult, { ok: false }>;

const INVALID_INPUT_MESSAGE = '输入有误，请检查标注的字段';

/** The stored item a resend or an update is compared with, and its catalog entry's code. */
type LockedItemRow = Pick<ItemRow, 'id' | 'version' | 'payload_hash' | 'title' | ItemContentColumns | 'published_at' | 'event_at'> & {
  entry_code: string;
};

interface Context {
  department: IngestDepartment;
  payload: IngestPayload;
  hash: string;
  at: Date;
  actor: string;
  calendar: Calendar;
  rules: readonly Rule[];
}

export async function ingestItem(db: Sql, input: IngestInput): Promise<IngestResult> {
  const parsed = ingestPayloadSchema.safeParse(input.payload);
  if (!parsed.success) {
    const unknownKeys = parsed.error.issues.find((issue) => issue.code === 'unrecognized_keys' && issue.path.length === 0);
    return refuse('invalid', unknownKeys ? unknownKeys.message : INVALID_INPUT_MESSAGE, ingestFieldErrors(parsed.error));
  }
  const payload = parsed.data;
  const timeProblem = checkTimes(payload, input.receivedAt);
  if (timeProblem) return timeProblem;

  // read outside the transaction: both are cached per process and change rarely
  const [calendar, rules] = await Promise.all([getCalendar(db), getRules(db)]);
  const context: Context = {
    department: input.department,
    payload,
    hash: itemContentHash(payload),
    at: input.receivedAt,
    actor: input.actor,
    calendar,
    rules,
  };

  return db.begin(async (tx): Promise<IngestResult> => {
    const result = await writeProcess(tx, context, await writeItem(tx, context));
    // the check is owed by the same commit that accepts the item: whatever Redis does, it runs
    if (result.ok && result.changed) await oweJobs(tx, [owedItemCheck({ itemId: result.id, version: result.version })]);
    return result;
  });
}

async function writeItem(tx: Db, context: Context): Promise<IngestResult> {
  const { payload } = context;
  // both reads at once (postgres.js pipelines them on the transaction's connection): one round trip
  const [locked, entry] = await Promise.all([lockItem(tx, context), resolveEntry(tx, context)]);
  let existing = locked;
  if (!existing && payload.withdrawnAt) {
    const message = `本部门没有外部编号为 ${payload.externalId} 的已报送信息，不能撤回；请先报送该信息`;
    return refuse('invalid', message, { withdrawnAt: message });
  }
  if (existing && existing.payload_hash === context.hash) return unchanged(existing);
  if (!('id' in entry)) return entry;
  const anchorProblem = itemAnchorProblem(entry.timeLimit, payload);
  if (anchorProblem) return refuse('invalid', anchorProblem, { eventAt: anchorProblem });

  if (!existing) {
    const created = await insertItem(tx, context, entry);
    if (created) return created;
    // a concurrent request inserted it first: carry on as an update of its row
    existing = await lockItem(tx, context);
    if (!existing) throw new Error('item vanished after a conflicting insert');
    if (existing.payload_hash === context.hash) return unchanged(existing);
  }
  return updateItem(tx, context, entry, existing);
}

/** The steps and the withdrawal the CMS reported with the item, once each; a withdrawal owes a check. */
async function writeProcess(tx: Db, context: Context, result: IngestResult): Promise<IngestResult> {
  if (!result.ok) return result;
  const { payload, actor, at } = context;
  await recordSteps(tx, { itemId: result.id, steps: payload.steps, actor });
  // one new version per request: an update that also withdraws is one change
  const withdrawnVersion = await recordWithdrawal(tx, { itemId: result.id, payload, actor, at, bumpVersion: !result.changed });
  return withdrawnVersion === null ? result : { ...result, version: withdrawnVersion, changed: true };
}

function checkTimes(payload: IngestPayload, receivedAt: Date): IngestRefusal | null {
  const latest = receivedAt.getTime() + MAX_CLOCK_SKEW_MS;
  const fields: Record<string, string> = {};
  if (payload.formedAt.getTime() > latest) fields.formedAt = '信息形成时间晚于接收时间，信息尚未形成不能报送';
  if (payload.publishedAt) {
    if (payload.publishedAt.getTime() < payload.formedAt.getTime()) {
      fields.publishedAt = '发布时间早于信息形成时间';
    } else if (payload.publishedAt.getTime() > latest) {
      fields.publishedAt = '发布时间晚于接收时间 5 分钟以上，请在实际发布后再报送';
    }
  }
  payload.steps.forEach((step, index) => {
    const previous = payload.steps[index - 1];
    const key = `steps.${index}.at`;
    if (step.at.getTime() < payload.formedAt.getTime()) fields[key] = '过程步骤早于信息形成时间';
    else if (step.at.getTime() > latest) fields[key] = '过程步骤时间晚于接收时间 5 分钟以上，尚未发生的步骤不能报送';
    else if (previous && step.at.getTime() < previous.at.getTime()) fields[key] = '过程步骤应按发生的先后排列，此步骤早于上一步';
  });
  if (payload.withdrawReason && !payload.withdrawnAt) {
    fields.withdrawnAt = '填写了撤回原因，但缺少撤回时间（withdrawnAt）';
  } else if (payload.withdrawnAt) {
    if (!payload.withdrawReason) fields.withdrawReason = '撤回时请填写撤回原因（withdrawReason）';
    if (!payload.publishedAt) fields.withdrawnAt = '尚未发布的信息不能撤回';
    else if (payload.withdrawnAt.getTime() < payload.publishedAt.getTime()) fields.withdrawnAt = '撤回时间早于发布时间';
    else if (payload.withdrawnAt.getTime() > latest) fields.withdrawnAt = '撤回时间晚于接收时间 5 分钟以上，请在实际撤回后再报送';
  }
  const messages = Object.values(fields);
  return messages.length > 0 ? refuse('invalid', messages.join('；'), fields) : null;
}

const unchanged = (row: LockedItemRow): IngestResult => ({ ok: true, created: false, id: row.id, version: row.version, changed: false });

async function lockItem(tx: Db, { department, payload }: Context): Promise<LockedItemRow | null> {
  const [row] = await tx<LockedItemRow[]>`
    select i.id, i.version, i.payload_hash, c.code as entry_code, i.title, i.index_no, i.doc_no, i.publisher,
      i.summary, i.body, i.url, i.channels, i.fields, i.attachments, i.formed_at, i.published_at, i.event_at
    from items i join catalog_entries c on c.id = i.catalog_entry_id
    where i.department_id = ${department.id} and i.external_id = ${payload.externalId}
    for update of i`;
  return row ?? null;
}

/** The current entry with this code in the department's region, owned by the department. */
async function resolveEntry(tx: Db, { department, payload }: Context): Promise<ObligationEntry | IngestRefusal> {
  const [row] = await tx<
    {
      id: number;
      code: string;
      name: string;
      region_code: string;
      domain: string;
      department_id: number;
      department_name: string;
      position_id: number | null;
      time_limit: unknown;
      mode: ObligationEntry['mode'];
      retired_at: Date | null;
    }[]
  >`
    select c.id, c.code, c.name, c.region_code, c.domain, c.department_id, d.name as department_name, c.position_id,
      c.time_limit, c.mode, c.retired_at
    from catalog_entries c join departments d on d.id = c.department_id
    where c.region_code = ${department.regionCode} and c.code = ${payload.catalogCode} and c.is_current`;
  if (!row || row.retired_at !== null) {
    const message = row
      ? `目录事项 ${payload.catalogCode}（${row.name}）已停用，不能再发布`
      : `本区域公开事项目录中没有编码为 ${payload.catalogCode} 的事项`;
    return refuse('unknown_reference', message, { catalogCode: message });
  }
  if (row.department_id !== department.id) {
    // 公开主体: only the entry's responsible department may publish under it (DESIGN §1 Item)
    return refuse(
      'not_allowed',
      `目录事项 ${row.code}（${row.name}）的公开主体是${row.department_name}，${department.name}不能在该事项下发布信息`,
    );
  }
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    regionCode: row.region_code,
    regionPath: department.regionPath,
    domain: row.domain,
    departmentId: row.department_id,
    positionId: row.position_id,
    timeLimit: timeLimitSchema.parse(row.time_limit),
    mode: row.mode,
  };
}

function publishedNote(channels: readonly string[]): string {
  const labels = channels.map((channel) => CHANNEL_LABELS[channel as Channel] ?? channel);
  return labels.length > 0 ? `已在${labels.join('、')}发布` : '已发布';
}

interface ItemEvent {
  itemId: number;
  kind: 'formed' | 'published' | 'updated';
  at: Date;
  actor: string;
  diff?: object | null;
  note: string;
}

async function insertEvent(tx: Db, event: ItemEvent): Promise<void> {
  await insertEvents(tx, [event]);
}

/** One statement for the events of a change, in order (ids follow it). */
async function insertEvents(tx: Db, events: readonly ItemEvent[]): Promise<void> {
  await tx`
    insert into item_events (item_id, kind, at, actor, diff, note)
    select v.item_id, v.kind, v.at, v.actor, v.diff::jsonb, v.note
    from unnest(${events.map((e) => e.itemId)}::bigint[], ${events.map((e) => e.kind)}::text[],
                ${events.map((e) => e.at.toISOString())}::timestamptz[], ${events.map((e) => e.actor)}::text[],
                ${events.map((e) => (e.diff ? JSON.stringify(e.diff) : null))}::text[], ${events.map((e) => e.note)}::text[])
      with ordinality as v(item_id, kind, at, actor, diff, note, n)
    order by v.n`;
}

/**
 * Publication settles the obligation it answers: the item's own (a no-op once it is settled, so it is safe
 * on every version), or — on the item's first publication only — the oldest open one of its period entry.
 */
async function fulfilOnPublication(
  tx: Db,
  context: Context,
  entry: ObligationEntry,
  item: { id: number; publishedAt: Date; isFirstPublication: boolean },
) {
  const { id: itemId, publishedAt } = item;
  if (isPeriodLimit(entry.timeLimit)) {
    if (entry.mode === 'withheld' || !item.isFirstPublication) return;
    await fulfilPeriodObligation(tx, {
      entry: { regionCode: entry.regionCode, code: entry.code },
      departmentId: entry.departmentId,
      itemId,
      publishedAt,
      at: context.at,
    });
    return;
  }
  await fulfilItemObligation(tx, { itemId, publishedAt, at: context.at });
}

async function insertItem(tx: Db, context: Context, entry: ObligationEntry): Promise<IngestResult | null> {
  const { department, payload, at, actor } = context;
  const [inserted] = await tx<{ id: number }[]>`
    insert into items (department_id, external_id, catalog_entry_id, region_code, position_id, version, title,
      index_no, doc_no, publisher, summary, body, url, channels, fields, attachments, formed_at, published_at,
      event_at, received_at, updated_at, payload_hash)
    values (${department.id}, ${payload.externalId}, ${entry.id}, ${entry.regionCode}, ${entry.positionId}, 1,
      ${payload.title}, ${payload.indexNo ?? null}, ${payload.docNo ?? null}, ${payload.publisher ?? null},
      ${payload.summary ?? null}, ${payload.body ?? null}, ${payload.url ?? null}, ${payload.channels},
      ${tx.json(payload.fields)}, ${tx.json(payload.attachments as never)}, ${payload.formedAt},
      ${payload.publishedAt ?? null}, ${payload.eventAt ?? null}, ${at}, ${at}, ${context.hash})
    on conflict (department_id, external_id) do nothing
    returning id`;
  if (!inserted) return null;
  const itemId = inserted.id;

  const formed: ItemEvent = { itemId, kind: 'formed', at: payload.formedAt, actor, note: `信息形成：${entry.name}` };
  await insertEvents(tx, [
    formed,
    ...(payload.publishedAt
      ? [
          {
            itemId,
            kind: 'published' as const,
            at: payload.publishedAt,
            actor,
            diff: { channels: payload.channels, url: payload.url ?? null },
            note: publishedNote(payload.channels),
          },
        ]
      : []),
  ]);
  const opened = await openItemObligation(tx, {
    item: { id: itemId, ...payload },
    entry,
    calendar: context.calendar,
    rules: context.rules,
    at,
    publishedAt: payload.publishedAt ?? null,
  });
  // an item's own obligation was opened settled; a period entry's item settles the period's
  if (payload.publishedAt && !opened?.fulfilled) {
    await fulfilOnPublication(tx, context, entry, { id: itemId, publishedAt: payload.publishedAt, isFirstPublication: true });
  }
  return { ok: true, created: true, id: itemId, version: 1, changed: true };
}

function snapshotOfRow(row: LockedItemRow): ItemSnapshot {
  return {
    title: row.title,
    indexNo: row.index_no,
    docNo: row.doc_no,
    publisher: row.publisher,
    summary: row.summary,
    body: row.body,
    url: row.url,
    channels: row.channels,
    fields: row.fields,
    attachments: row.attachments,
    formedAt: row.formed_at,
    publishedAt: row.published_at,
    eventAt: row.event_at,
  };
}

async function updateItem(tx: Db, context: Context, entry: ObligationEntry, row: LockedItemRow): Promise<IngestResult> {
  const { payload, at, actor } = context;
  // an item's catalog entry is what its obligation and checks hang on: moving it is a new item
  if (row.entry_code !== entry.code) {
    const message = `该信息已归入目录事项 ${row.entry_code}，不能改为 ${entry.code}；如确属另一事项，请使用新的 externalId 报送`;
    return refuse('conflict', message, { catalogCode: message });
  }
  if (row.published_at && !payload.publishedAt) {
    const message = `该信息已于 ${formatFullTime(row.published_at)} 发布，更新时不能去掉发布时间（撤回不通过此接口）`;
    return refuse('conflict', message, { publishedAt: message });
  }

  const diff = diffItems(snapshotOfRow(row), payload);
  const version = row.version + 1;
  const isFirstPublication = row.published_at === null && payload.publishedAt !== undefined;
  const publicationChanged = row.published_at?.getTime() !== payload.publishedAt?.getTime();
  await tx`
    update items set version = ${version}, catalog_entry_id = ${entry.id}, position_id = ${entry.positionId},
      title = ${payload.title}, index_no = ${payload.indexNo ?? null}, doc_no = ${payload.docNo ?? null},
      publisher = ${payload.publisher ?? null}, summary = ${payload.summary ?? null}, body = ${payload.body ?? null},
      url = ${payload.url ?? null}, channels = ${payload.channels}, fields = ${tx.json(payload.fields)},
      attachments = ${tx.json(payload.attachments as never)}, formed_at = ${payload.formedAt},
      published_at = ${payload.publishedAt ?? null}, event_at = ${payload.eventAt ?? null},
      -- received_at: when the current publication was reported, so a late report stays visible
      received_at = ${publicationChanged ? at : tx`received_at`}, updated_at = ${at}, payload_hash = ${context.hash}
    where id = ${row.id}`;

  const changedKeys = Object.keys(diff);
  await insertEvent(tx, {
    itemId: row.id,
    kind: 'updated',
    at,
    actor,
    diff,
    note: changedKeys.length > 0 ? `更新：${changedKeys.map(diffLabel).join('、')}` : '更新',
  });
  if (isFirstPublication && payload.publishedAt) {
    await insertEvent(tx, {
      itemId: row.id,
      kind: 'published',
      at: payload.publishedAt,
      actor,
      diff: { channels: payload.channels, url: payload.url ?? null },
      note: publishedNote(payload.channels),
    });
  }

  const obligationContext = { item: { id: row.id, ...payload }, entry, calendar: context.calendar, rules: context.rules, at };
  // opens it if it is missing (the entry's limit became measurable since), moves it with a moved event
  await openItemObligation(tx, obligationContext);
  if (diff.eventAt) await rescheduleItemObligation(tx, obligationContext);
  if (payload.publishedAt) {
    await fulfilOnPublication(tx, context, entry, { id: row.id, publishedAt: payload.publishedAt, isFirstPublication });
  }
  return { ok: true, created: false, id: row.id, version, changed: true };
}
