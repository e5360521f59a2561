// A midnight burst: many obligations cross a threshold at one instant and two sweepers run at once (as two
// worker processes would, each with its own pool). The set-based pass must move every obligation, open each
// alert exactly once, raise the level of the ones already alerted, and leave a manual resolve standing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseAlert } from '../alerts/apply-findings';
import { createSql, type Sql } from '../db/sql';
import { createIngestWorld, type IngestWorld } from '../items/test-fixtures';
import { invalidateRules } from '../rules/store/queries';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { sweepObligations } from './sweep-obligations';

const shanghai = (local: string) => new Date(`${local}+08:00`);
const AT = shanghai('2026-11-30T00:00:00');
const FRESH = 1_200;
const ALREADY_YELLOW = 40;
const MANUALLY_RESOLVED = 10;

let db: TestDatabase;
let sqlA: Sql;
let sqlB: Sql;
let world: IngestWorld;
let ruleId: number;

async function insertObligations(n: number, prefix: string, times: { warnAt: Date; dueAt: Date; severeAt: Date; level: string }) {
  const rows = await sqlA<{ id: number }[]>`
    insert into obligations (catalog_entry_id, department_id, region_code, period_key, anchor_at, warn_at, due_at,
      severe_at, state, level, next_check_at, created_at, updated_at)
    select ${world.entries.monthly.id}, ${world.department.id}, ${world.department.regionCode}, ${prefix} || g,
      ${times.warnAt}, ${times.warnAt}, ${times.dueAt}, ${times.severeAt}, 'open', ${times.level},
      ${times.level === 'none' ? times.warnAt : times.dueAt}, ${times.warnAt}, ${times.warnAt}
    from generate_series(1, ${n}) g
    returning id`;
  return rows.map((row) => row.id);
}

let fresh: number[];
let yellow: number[];
let manual: number[];

beforeAll(async () => {
  db = await createTestDatabase('sweepburst');
  sqlA = createSql(db.appUrl, { max: 3 });
  sqlB = createSql(db.appUrl, { max: 3 });
  world = await createIngestWorld(sqlA);
  const [rule] = await sqlA<{ id: number }[]>`
    insert into rules (kind, name, scope_region_code, params, level, created_at, updated_at)
    values ('deadline', '时限（测试）', ${world.regions.province.code}, '{}', 'yellow', ${AT}, ${AT})
    returning id`;
  ruleId = rule!.id;
  invalidateRules();

  // crossing warn at AT (due a few days later)
  fresh = await insertObligations(FRESH, 'F-', {
    warnAt: AT,
    dueAt: shanghai('2026-12-03T00:00:00'),
    severeAt: shanghai('2026-12-17T00:00:00'),
    level: 'none',
  });
  // yellow since last week, crossing due at AT: their alert goes orange
  const lastWeek = shanghai('2026-11-25T00:00:00');
  const overdue = { warnAt: lastWeek, dueAt: AT, severeAt: shanghai('2026-12-14T00:00:00'), level: 'yellow' };
  yellow = await insertObligations(ALREADY_YELLOW, 'Y-', overdue);
  manual = await insertObligations(MANUALLY_RESOLVED, 'M-', overdue);
  for (const [index, id] of [...yellow, ...manual].entries()) {
    const change = await sqlA.begin((tx) =>
      raiseAlert(
        tx,
        {
          ruleKind: 'deadline',
          subjectType: 'obligation',
          subjectId: id,
          obligationId: id,
          ruleId,
          level: 'yellow',
          subjectVersion: 1,
          departmentId: world.department.id,
          regionCode: world.department.regionCode,
          message: `临期 ${index}`,
        },
        lastWeek,
      ),
    );
    if (manual.includes(id)) {
      await sqlA`update alerts set state = 'resolved', resolution = 'manual', resolve_reason = '已线下处理',
                   resolved_at = ${lastWeek}, resolved_by = 'supervisor' where id = ${change!.alertId}`;
    }
  }
}, 120_000);

afterAll(async () => {
  await sqlA?.end();
  await sqlB?.end();
  await db?.drop();
});

async function drain(sql: Sql): Promise<{ examined: number; alertIds: number[] }> {
  let examined = 0;
  const alertIds: number[] = [];
  for (;;) {
    const result = await sweepObligations(sql, AT);
    examined += result.examined;
    alertIds.push(...result.changes.map((change) => change.alertId));
    if (!result.hasMore) return { examined, alertIds };
  }
}

describe('a sweep burst under two sweepers', () => {
  it('opens each crossing alert once, raises the alerted ones, and respects manual resolves', async () => {
    const [a, b] = await Promise.all([drain(sqlA), drain(sqlB)]);

    // every due obligation examined by exactly one of them
    expect(a.examined + b.examined).toBe(FRESH + ALREADY_YELLOW + MANUALLY_RESOLVED);
    const changed = [...a.alertIds, ...b.alertIds];
    expect(new Set(changed).size).toBe(changed.length);
    expect(changed).toHaveLength(FRESH + ALREADY_YELLOW);

    const alerts = await sqlA<{ subject_id: number; level: string; state: string; events: string[] }[]>`
      select a.subject_id, a.level, a.state, array_agg(e.kind order by e.seq) as events
      from alerts a join alert_events e on e.alert_id = a.id
      where a.rule_kind = 'deadline' and a.subject_type = 'obligation'
      group by a.id`;
    type Row = (typeof alerts)[number];
    const bySubject = new Map<number, Row[]>();
    for (const alert of alerts) bySubject.set(alert.subject_id, [...(bySubject.get(alert.subject_id) ?? []), alert]);

    for (const id of fresh) {
      expect(bySubject.get(id)).toEqual([{ subject_id: id, level: 'yellow', state: 'open', events: ['opened'] }]);
    }
    for (const id of yellow) {
      expect(bySubject.get(id)).toEqual([{ subject_id: id, level: 'orange', state: 'open', events: ['opened', 'level_changed'] }]);
    }
    // the office resolved these by hand for this version: no second alert
    for (const id of manual) {
      expect(bySubject.get(id)).toEqual([{ subject_id: id, level: 'yellow', state: 'resolved', events: ['opened'] }]);
    }

    const levels = await sqlA<{ level: string; next_check_at: Date; n: number }[]>`
      select level, next_check_at, count(*)::int as n from obligations group by level, next_check_at order by level`;
    expect(levels).toEqual([
      { level: 'orange', next_check_at: shanghai('2026-12-14T00:00:00'), n: ALREADY_YELLOW + MANUALLY_RESOLVED },
      { level: 'yellow', next_check_at: shanghai('2026-12-03T00:00:00'), n: FRESH },
    ]);

    // the seqs of the burst are distinct and every change has its event
    const [seqs] = await sqlA<{ alerts: number; events: number; distinct_seqs: number }[]>`
      select (select count(*)::int from alerts) as alerts, (select count(*)::int from alert_events) as events,
             (select count(distinct seq)::int from alert_events) as distinct_seqs`;
    expect(seqs).toEqual({ alerts: FRESH + ALREADY_YELLOW + MANUALLY_RESOLVED, events: seqs!.distinct_seqs, distinct_seqs: FRESH + 2 * ALREADY_YELLOW + MANUALLY_RESOLVED });

    // nothing is left to cross at AT: a second pass changes nothing
    const again = await drain(sqlB);
    expect(again).toEqual({ examined: 0, alertIds: [] });
  });
});
