// 完整还原: the replay of an item's disclosure process (DESIGN §3 GET /api/v1/items/:id/timeline), oldest
// first — the item's own events (formed … published, updated with the diff), its obligation's life
// (opened, the warn/due/severe thresholds it crossed, fulfilled on time or late), every check with the rule
// versions that judged it, and every change of the alerts raised on the item or on that obligation.
//
// Obligation entries are derived from the obligation row, not stored: a threshold counts as crossed when
// it lies at or before the moment the obligation stopped running (fulfilled_at, the cancellation) or,
// while it runs, the current time — the same inclusive comparison as levelAt in lib/deadlines/levels.ts.
// An item of a periodic entry shows the period obligation it fulfilled (fulfilled_by_item_id).
import { z } from 'zod';
import { actorNames } from '../auth/actor-names';
import { scopeFilter, type Scope } from '../auth/scope';
import type { Db } from '../db/sql';
import { dueDayOf } from '../deadlines/due-day';
import { listDisputesOfItem, type Dispute } from '../disputes/queries';
import { describeCheck, type CheckVerdict } from './check-records';
import { LEVEL_TERMS } from '../rules/level';

/** An entry as the histories give it; the page's name for its actor is added last, for the page's entries only. */
interface StoredTimelineEntry {
  /** Stable and unique within the timeline: 'item_event:12', 'obligation:5:due', 'alert_event:7'. */
  id: string;
  at: string;
  kind: string;
  source: 'item' | 'obligation' | 'check' | 'alert' | 'dispute';
  /** As stored: a username, `apikey:<prefix>` or `system`. */
  actor: string;
  /** zh-CN description. */
  note: string | null;
  [detail: string]: unknown;
}

export interface TimelineEntry extends StoredTimelineEntry {
  /** What the page shows (lib/auth/actor-names.ts). */
  actorName: string;
}

/** Sort key and cursor: [at in ms, source rank, row id, step within the row]. */
export const timelineKeySchema = z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]);
export type TimelineKey = z.infer<typeof timelineKeySchema>;

export type TimelineLookup =
  | { kind: 'found'; data: TimelineEntry[]; next: TimelineKey | null }
  | { kind: 'outside' }
  | { kind: 'missing' };

// at equal times: what the department did, then what it meant for the obligation, the check, the alerts, then
// the disputes (申诉) of those alerts
const SOURCE_RANK = { item: 0, obligation: 1, check: 2, alert: 3, dispute: 4 } as const;

interface ObligationRow {
  id: number;
  item_id: number | null;
  period_key: string | null;
  anchor_at: Date;
  warn_at: Date;
  due_at: Date;
  severe_at: Date;
  is_provisional: boolean;
  state: 'open' | 'fulfilled' | 'cancelled';
  fulfilled_at: Date | null;
  is_late: boolean | null;
  created_at: Date;
  updated_at: Date;
}

interface Keyed {
  key: TimelineKey;
  entry: StoredTimelineEntry;
}

const compareKeys = (a: TimelineKey, b: TimelineKey) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3];

export async function getItemTimeline(
  db: Db,
  scope: Scope,
  itemId: number,
  page: { after?: TimelineKey; limit: number; at: Date },
): Promise<TimelineLookup> {
  const [item] = await db<{ id: number; inScope: boolean }[]>`
    select i.id, ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'i.department_id' })} as "inScope"
    from items i join regions r on r.code = i.region_code
    where i.id = ${itemId}`;
  if (!item) return { kind: 'missing' };
  if (!item.inScope) return { kind: 'outside' };

  const events = await db<
    { id: number; kind: string; at: Date; actor: string; diff: unknown; note: string | null }[]
  >`select id, kind, at, actor, diff, note from item_events where item_id = ${itemId}`;
  const obligations = await db<ObligationRow[]>`
    select id, item_id, period_key, anchor_at, warn_at, due_at, severe_at, is_provisional, state, fulfilled_at,
      is_late, created_at, updated_at
    from obligations
    where item_id = ${itemId} or fulfilled_by_item_id = ${itemId}`;
  const checks = await db<{ id: number; item_version: number; at: Date; judged: boolean; verdicts: CheckVerdict[] }[]>`
    select id, item_version, at, judged, verdicts from item_checks where item_id = ${itemId}`;
  const obligationIds = obligations.map((o) => o.id);
  const alertEvents = await db<
    {
      id: number;
      alert_id: number;
      seq: number;
      kind: string;
      at: Date;
      actor: string;
      from_level: string | null;
      to_level: string | null;
      note: string | null;
      rule_kind: string;
      subject_type: string;
      subject_id: number;
    }[]
  >`
    select e.id, e.alert_id, e.seq, e.kind, e.at, e.actor, e.from_level, e.to_level, e.note,
      a.rule_kind, a.subject_type, a.subject_id
    from alert_events e join alerts a on a.id = e.alert_id
    where a.item_id = ${itemId} ${obligationIds.length > 0 ? db`or a.obligation_id = any(${obligationIds})` : db``}`;

  const all: Keyed[] = [];
  for (const event of events) {
    all.push({
      key: [event.at.getTime(), SOURCE_RANK.item, event.id, 0],
      entry: {
        id: `item_event:${event.id}`,
        at: event.at.toISOString(),
        kind: event.kind,
        source: 'item',
        actor: event.actor,
        note: event.note,
        diff: event.diff ?? null,
      },
    });
  }
  for (const obligation of obligations) all.push(...obligationEntries(obligation, page.at));
  for (const check of checks) {
    all.push({
      key: [check.at.getTime(), SOURCE_RANK.check, check.id, 0],
      entry: {
        id: `check:${check.id}`,
        at: check.at.toISOString(),
        kind: 'checked',
        source: 'check',
        actor: 'system',
        note: describeCheck({ itemVersion: check.item_version, judged: check.judged, verdicts: check.verdicts }),
        itemVersion: check.item_version,
        verdicts: check.verdicts,
      },
    });
  }
  for (const event of alertEvents) {
    all.push({
      key: [event.at.getTime(), SOURCE_RANK.alert, event.id, 0],
      entry: {
        id: `alert_event:${event.id}`,
        at: event.at.toISOString(),
        kind: `alert_${event.kind}`,
        source: 'alert',
        actor: event.actor,
        note: event.note,
        alertId: event.alert_id,
        seq: event.seq,
        ruleKind: event.rule_kind,
        subject: { type: event.subject_type, id: event.subject_id },
        fromLevel: event.from_level,
        toLevel: event.to_level,
      },
    });
  }

  for (const dispute of await listDisputesOfItem(db, itemId, obligationIds)) all.push(...disputeEntries(dispute));

  all.sort((a, b) => compareKeys(a.key, b.key));
  const after = page.after;
  const rest = after ? all.filter((row) => compareKeys(row.key, after) > 0) : all;
  const slice = rest.slice(0, page.limit);
  const last = slice[slice.length - 1];
  const names = await actorNames(db, slice.map((row) => row.entry.actor));
  return {
    kind: 'found',
    data: slice.map((row) => ({ ...row.entry, actorName: names.get(row.entry.actor) ?? row.entry.actor })),
    next: rest.length > page.limit && last ? last.key : null,
  };
}

function obligationEntries(o: ObligationRow, at: Date): Keyed[] {
  const dueDay = dueDayOf(o.due_at);
  const rank = SOURCE_RANK.obligation;
  const base = { source: 'obligation' as const, actor: 'system', obligationId: o.id, periodKey: o.period_key };
  const iso = (value: Date) => value.toISOString();
  const out: Keyed[] = [
    {
      key: [o.created_at.getTime(), rank, o.id, 0],
      entry: {
        ...base,
        id: `obligation:${o.id}:opened`,
        at: iso(o.created_at),
        kind: 'obligation_opened',
        note: `${o.period_key ? `${o.period_key} 期` : ''}公开义务生成：应于 ${dueDay} 前公开${o.is_provisional ? '（工作日历未发布，期限为暂定）' : ''}`,
        anchorAt: iso(o.anchor_at),
        warnAt: iso(o.warn_at),
        dueAt: iso(o.due_at),
        severeAt: iso(o.severe_at),
        isProvisional: o.is_provisional,
      },
    },
  ];
  // the obligation stopped running when it was fulfilled or cancelled; until then it runs to now
  const stoppedAt = o.fulfilled_at ?? (o.state === 'cancelled' ? o.updated_at : at);
  const thresholds = [
    { step: 1, name: 'warned', level: 'yellow', at: o.warn_at, note: `${LEVEL_TERMS.yellow}：应于 ${dueDay} 前公开` },
    { step: 2, name: 'overdue', level: 'orange', at: o.due_at, note: `${LEVEL_TERMS.orange}：已超过公开时限（应于 ${dueDay} 前公开）` },
    { step: 3, name: 'severe', level: 'red', at: o.severe_at, note: `${LEVEL_TERMS.red}：应于 ${dueDay} 前公开` },
  ] as const;
  for (const threshold of thresholds) {
    if (threshold.at.getTime() > stoppedAt.getTime()) continue;
    out.push({
      key: [threshold.at.getTime(), rank, o.id, threshold.step],
      entry: {
        ...base,
        id: `obligation:${o.id}:${threshold.name}`,
        at: iso(threshold.at),
        kind: `obligation_${threshold.name}`,
        note: threshold.note,
        level: threshold.level,
      },
    });
  }
  if (o.fulfilled_at) {
    out.push({
      key: [o.fulfilled_at.getTime(), rank, o.id, 4],
      entry: {
        ...base,
        id: `obligation:${o.id}:fulfilled`,
        at: iso(o.fulfilled_at),
        kind: 'obligation_fulfilled',
        note: o.is_late ? `逾期公开，义务已履行（应于 ${dueDay} 前公开）` : '按时公开，义务已履行',
        isLate: o.is_late ?? false,
      },
    });
  } else if (o.state === 'cancelled') {
    out.push({
      key: [o.updated_at.getTime(), rank, o.id, 5],
      entry: { ...base, id: `obligation:${o.id}:cancelled`, at: iso(o.updated_at), kind: 'obligation_cancelled', note: '公开义务已撤销' },
    });
  }
  return out;
}

/** 申诉 of an alert of the item: its filing and, once decided, the decision with its reason. */
function disputeEntries(d: Dispute): Keyed[] {
  const base = { source: 'dispute' as const, disputeId: d.id, alertId: d.alertId };
  const out: Keyed[] = [
    {
      key: [Date.parse(d.filedAt), SOURCE_RANK.dispute, d.id, 0],
      entry: { ...base, id: `dispute:${d.id}:filed`, at: d.filedAt, kind: 'dispute_filed', actor: d.filedBy, note: `提出申诉：${d.reason}`, attachments: d.attachments },
    },
  ];
  if (d.decidedAt && d.state !== 'pending') {
    out.push({
      key: [Date.parse(d.decidedAt), SOURCE_RANK.dispute, d.id, 1],
      entry: {
        ...base,
        id: `dispute:${d.id}:${d.state}`,
        at: d.decidedAt,
        kind: `dispute_${d.state}`,
        actor: d.decidedBy ?? 'system',
        note: `${d.state === 'accepted' ? '申诉成立' : '申诉驳回'}：${d.decisionReason ?? ''}`,
      },
    });
  }
  return out;
}
