// A PROTOTYPE, measured by benchmark (e) next to the real sweep: the same pass as
// lib/sweep/sweep-obligations.ts + lib/alerts/sync-deadline-alert.ts + lib/alerts/record-finding.ts, with the
// same rules, levels, messages, seq-in-commit-order lock and manual-resolve suppression, but set-based: a
// fixed number of statements per batch (at most 10) instead of about 7 per obligation. It is here to show
// what the proposed change to lib/sweep/sweep-obligations.ts would give; the application does not use it.
import type { AlertChange } from '../../lib/alerts/record-finding';
import { lockAlertSeq } from '../../lib/alerts/record-finding';
import type { ObligationForSweep } from '../../lib/alerts/sync-deadline-alert';
import { shanghaiDayOf } from '../../lib/calendar/ymd';
import type { Sql } from '../../lib/db/sql';
import { deadlineMessage, levelAt, nextThresholdAfter } from '../../lib/rules/deadline-level';
import type { Level } from '../../lib/rules/level';
import { getRules } from '../../lib/rules/queries';
import type { AlertLevel } from '../../lib/rules/rule';
import { selectRule } from '../../lib/rules/select-rule';
import { dueObligationsQuery, SWEEP_BATCH_SIZE, type SweepResult } from '../../lib/sweep/sweep-obligations';

interface Planned {
  o: ObligationForSweep;
  level: Level;
  next: Date | null;
  rule: { id: number } | null;
  message: string;
  details: string;
}

interface Unresolved {
  id: number;
  subject_id: number;
  level: AlertLevel;
  message: string;
  subject_version: number;
}

// Asia/Shanghai has been UTC+8 without daylight saving since 1991-09-15; shanghaiDayOf asks Intl for the
// offset (tzOffset), some 20–80 µs a call here, once per obligation. Proposed for lib/calendar/ymd.ts.
const FIXED_OFFSET_SINCE = Date.UTC(1991, 8, 15);
const EIGHT_HOURS = 8 * 3600_000;
function shanghaiDay(instant: Date): string {
  const t = instant.getTime();
  return t >= FIXED_OFFSET_SINCE ? new Date(t + EIGHT_HOURS).toISOString().slice(0, 10) : shanghaiDayOf(instant);
}
const dueDayOf = (dueAt: Date) => shanghaiDay(new Date(dueAt.getTime() - 1));

export async function sweepObligationsSetBased(sql: Sql, at: Date, limit = SWEEP_BATCH_SIZE): Promise<SweepResult> {
  const rules = await getRules(sql);
  return sql.begin(async (tx) => {
    const due = await dueObligationsQuery(tx, at, limit);
    if (due.length === 0) return { examined: 0, changes: [], hasMore: false };
    const plans: Planned[] = due.map((o) => {
      const isOpen = o.state === 'open';
      const level: Level = isOpen ? levelAt(o, at) : 'none';
      const rule = selectRule(rules, 'deadline', { regionPath: o.regionPath, domain: o.domain, entryId: o.catalogEntryId });
      return {
        o,
        level,
        next: isOpen ? nextThresholdAfter(o, at) : null,
        rule,
        message: level === 'none' ? '' : deadlineMessage(level, { entryName: o.entryName, dueDay: dueDayOf(o.dueAt) }),
        details: JSON.stringify({ dueAt: o.dueAt.toISOString(), severeAt: o.severeAt.toISOString() }),
      };
    });

    // 1. the obligations' stored level and next threshold, one statement
    const moved = plans.filter((p) => p.level !== p.o.level || p.next?.getTime() !== p.o.nextCheckAt?.getTime());
    if (moved.length > 0) {
      await tx`
        update obligations o set level = v.level, next_check_at = v.next_check_at, updated_at = ${at}
        from unnest(${moved.map((p) => p.o.id)}::bigint[], ${moved.map((p) => p.level)}::text[],
                    ${moved.map((p) => p.next?.toISOString() ?? null)}::timestamptz[]) as v(id, level, next_check_at)
        where o.id = v.id`;
    }

    // 2. their unresolved deadline alerts, read without locks first (as raiseAlert does)
    const ids = plans.map((p) => p.o.id);
    const current = await tx<Unresolved[]>`
      select id, subject_id, level, message, subject_version from alerts
      where rule_kind = 'deadline' and subject_type = 'obligation' and subject_id = any(${ids}) and state <> 'resolved'`;
    const byId = new Map(current.map((a) => [a.subject_id, a]));
    const raise = plans.filter((p) => p.level !== 'none' && p.rule !== null);
    const clear = plans.filter((p) => (p.level === 'none' || p.rule === null) && byId.has(p.o.id));
    const needs = (a: Unresolved, p: Planned) => a.level !== p.level || a.message !== p.message || a.subject_version !== 1;
    const raiseChanging = raise.filter((p) => !byId.has(p.o.id) || needs(byId.get(p.o.id)!, p));
    if (raiseChanging.length === 0 && clear.length === 0) return { examined: due.length, changes: [], hasMore: due.length === limit };

    // 3. seqs in commit order: the one lock, then the rows again, locked
    await lockAlertSeq(tx);
    const locked = await tx<Unresolved[]>`
      select id, subject_id, level, message, subject_version from alerts
      where rule_kind = 'deadline' and subject_type = 'obligation' and subject_id = any(${ids}) and state <> 'resolved'
      for update`;
    const lockedBy = new Map(locked.map((a) => [a.subject_id, a]));
    const toUpdate = raiseChanging.filter((p) => lockedBy.has(p.o.id) && needs(lockedBy.get(p.o.id)!, p));
    let toInsert = raiseChanging.filter((p) => !lockedBy.has(p.o.id));

    // 4. a manual resolve of this subject version holds
    if (toInsert.length > 0) {
      const suppressed = await tx<{ subject_id: number }[]>`
        select distinct subject_id from alerts
        where rule_kind = 'deadline' and subject_type = 'obligation' and subject_id = any(${toInsert.map((p) => p.o.id)})
          and resolution = 'manual' and subject_version = 1`;
      const held = new Set(suppressed.map((s) => s.subject_id));
      toInsert = toInsert.filter((p) => !held.has(p.o.id));
    }

    const events: { alertId: number; seq: number; kind: string; from: string | null; to: string | null; note: string }[] = [];
    const changes: AlertChange[] = [];

    // 5. new alerts, one statement
    if (toInsert.length > 0) {
      const inserted = await tx<{ id: number; seq: number; subject_id: number }[]>`
        insert into alerts (rule_id, rule_kind, level, state, subject_type, subject_id, subject_version, item_id,
          obligation_id, department_id, position_id, region_code, domain, message, details, opened_at, updated_at)
        select v.rule_id, 'deadline', v.level, 'open', 'obligation', v.id, 1, v.item_id, v.id, v.department_id,
          v.position_id, v.region_code, v.domain, v.message, v.details::jsonb, ${at}, ${at}
        from unnest(${toInsert.map((p) => p.o.id)}::bigint[], ${toInsert.map((p) => p.rule!.id)}::bigint[],
                    ${toInsert.map((p) => p.level)}::text[], ${toInsert.map((p) => p.o.itemId)}::bigint[],
                    ${toInsert.map((p) => p.o.departmentId)}::bigint[], ${toInsert.map((p) => p.o.positionId)}::bigint[],
                    ${toInsert.map((p) => p.o.regionCode)}::text[], ${toInsert.map((p) => p.o.domain)}::text[],
                    ${toInsert.map((p) => p.message)}::text[], ${toInsert.map((p) => p.details)}::text[])
          as v(id, rule_id, level, item_id, department_id, position_id, region_code, domain, message, details)
        order by v.id
        returning id, seq, subject_id`;
      const plan = new Map(toInsert.map((p) => [p.o.id, p]));
      for (const row of inserted) {
        const p = plan.get(row.subject_id)!;
        events.push({ alertId: row.id, seq: row.seq, kind: 'opened', from: null, to: p.level, note: p.message });
        changes.push({ alertId: row.id, change: 'opened' });
      }
    }

    // 6. level and message changes, one statement
    if (toUpdate.length > 0) {
      const updated = await tx<{ id: number; seq: number }[]>`
        update alerts a set level = v.level, message = v.message, subject_version = 1, details = v.details::jsonb,
          rule_id = v.rule_id, seq = nextval('alert_seq'), updated_at = ${at}
        from unnest(${toUpdate.map((p) => lockedBy.get(p.o.id)!.id)}::bigint[], ${toUpdate.map((p) => p.level)}::text[],
                    ${toUpdate.map((p) => p.message)}::text[], ${toUpdate.map((p) => p.details)}::text[],
                    ${toUpdate.map((p) => p.rule!.id)}::bigint[]) as v(id, level, message, details, rule_id)
        where a.id = v.id
        returning a.id, a.seq`;
      const before = new Map(toUpdate.map((p) => [lockedBy.get(p.o.id)!.id, { from: lockedBy.get(p.o.id)!, p }]));
      for (const row of updated) {
        const { from, p } = before.get(row.id)!;
        events.push({ alertId: row.id, seq: row.seq, kind: from.level !== p.level ? 'level_changed' : 'updated', from: from.level, to: p.level, note: p.message });
        changes.push({ alertId: row.id, change: 'updated' });
      }
    }

    // 7. resolutions (the obligation was fulfilled or its rule switched off), one statement
    const clearLocked = clear.filter((p) => lockedBy.has(p.o.id));
    if (clearLocked.length > 0) {
      const resolved = await tx<{ id: number; seq: number; level: AlertLevel; subject_id: number }[]>`
        update alerts set state = 'resolved', resolution = 'auto', resolved_at = ${at}, resolved_by = 'system',
          seq = nextval('alert_seq'), updated_at = ${at}
        where id = any(${clearLocked.map((p) => lockedBy.get(p.o.id)!.id)})
        returning id, seq, level, subject_id`;
      const open = new Map(clearLocked.map((p) => [p.o.id, p.o.state === 'open']));
      for (const row of resolved) {
        events.push({ alertId: row.id, seq: row.seq, kind: 'resolved', from: row.level, to: null, note: open.get(row.subject_id) ? '预警规则已停用或尚未临期' : '已公开，义务已履行' });
        changes.push({ alertId: row.id, change: 'updated' });
      }
    }

    // 8. every alert event, one statement
    if (events.length > 0) {
      await tx`
        insert into alert_events (alert_id, seq, kind, at, actor, from_level, to_level, note)
        select v.alert_id, v.seq, v.kind, ${at}, 'system', v.from_level, v.to_level, v.note
        from unnest(${events.map((e) => e.alertId)}::bigint[], ${events.map((e) => e.seq)}::bigint[],
                    ${events.map((e) => e.kind)}::text[], ${events.map((e) => e.from)}::text[],
                    ${events.map((e) => e.to)}::text[], ${events.map((e) => e.note)}::text[])
          as v(alert_id, seq, kind, from_level, to_level, note)`;
    }
    return { examined: due.length, changes, hasMore: due.length === limit };
  });
}
