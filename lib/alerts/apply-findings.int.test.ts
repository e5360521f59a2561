// Findings applied one at a time (raiseAlert/clearAlert) and as one set (applyFindings) leave the same alerts
// and events and report the same changes. Written against the former per-row implementation
// (record-finding.ts) before raiseAlert/clearAlert became batches of one, and kept to hold them together.
// Each path plays one script on its own subjects (ids offset by SPLIT); the tables are then compared with
// the offset taken out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSql, type Db, type Sql } from '../db/sql';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import type { RuleKind } from '../rules/rule';
import type { SubjectType } from './alert';
import { applyFindings, clearAlert, raiseAlert, type AlertChange, type Clearing, type Finding } from './apply-findings';
import { createAlertWorld, type AlertWorld } from './test-fixtures';

const SPLIT = 1_000_000;
const shanghai = (local: string) => new Date(`${local}+08:00`);

let db: TestDatabase;
let sql: Sql;
let world: AlertWorld;

beforeAll(async () => {
  db = await createTestDatabase('recordagree');
  sql = createSql(db.appUrl, { max: 2 });
  world = await createAlertWorld(sql);
});

afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await db?.drop();
});

interface Subject {
  ruleKind: RuleKind;
  subjectType: SubjectType;
  subjectId: number;
}

const A: Subject = { ruleKind: 'completeness', subjectType: 'item', subjectId: 11 };
const B: Subject = { ruleKind: 'channel', subjectType: 'item', subjectId: 11 };
const C: Subject = { ruleKind: 'deadline', subjectType: 'obligation', subjectId: 12 };
const D: Subject = { ruleKind: 'complaint_sla', subjectType: 'complaint', subjectId: 13 };
const E: Subject = { ruleKind: 'completeness', subjectType: 'item', subjectId: 14 };

type Step =
  | { at: Date; raise: (Partial<Finding> & Subject)[]; clear: (Subject & { note: string })[] }
  | { at: Date; manualResolve: Subject };

const finding = (subject: Subject, over: Partial<Finding> = {}): Partial<Finding> & Subject => ({ ...subject, ...over });

const SCRIPT: Step[] = [
  {
    at: shanghai('2026-11-26T00:00:00'),
    raise: [finding(A, { level: 'orange' }), finding(B), finding(C, { level: 'yellow' }), finding(E)],
    clear: [{ ...D, note: '投诉已按时流转' }],
  },
  {
    at: shanghai('2026-12-01T00:00:00'),
    raise: [
      finding(A, { level: 'orange' }), // unchanged: nothing
      finding(C, { level: 'orange', message: '超期' }), // level_changed
      finding(E, { message: '要素不全：缺少文号' }), // updated
      finding(D, { level: 'yellow' }),
    ],
    clear: [{ ...B, note: '已补发' }],
  },
  { at: shanghai('2026-12-02T10:00:00'), manualResolve: A },
  {
    at: shanghai('2026-12-03T00:00:00'),
    raise: [
      finding(A, { level: 'orange' }), // the manual resolve of version 1 holds
      finding(B), // reopens after an automatic resolve
      finding(E, { message: '要素不全：缺少文号', subjectVersion: 2 }), // a new version: updated
    ],
    clear: [{ ...C, note: '已公开，义务已履行' }, { ...D, note: '投诉已办结' }],
  },
  {
    at: shanghai('2026-12-04T00:00:00'),
    raise: [finding(A, { level: 'red', subjectVersion: 2, details: { dueAt: '2026-11-30T16:00:00.000Z' } })], // the subject changed: opens again
    clear: [{ ...E, note: '已补全' }, { ...B, note: '已补发' }],
  },
];

function complete(offset: number, f: Partial<Finding> & Subject): Finding {
  return {
    ruleId: world.ruleId,
    level: 'orange',
    subjectVersion: 1,
    departmentId: world.department.id,
    positionId: world.positions.reviewer,
    regionCode: world.department.regionCode,
    domain: 'environment',
    message: `${f.ruleKind} 预警`,
    ...f,
    subjectId: f.subjectId + offset,
  };
}

type Recorder = (tx: Db, raise: Finding[], clear: Clearing[], at: Date) => Promise<AlertChange[]>;

const perRow: Recorder = async (tx, raise, clear, at) => {
  const changes: AlertChange[] = [];
  for (const f of raise) {
    const change = await raiseAlert(tx, f, at);
    if (change) changes.push(change);
  }
  for (const c of clear) {
    const change = await clearAlert(tx, c, at, c.note);
    if (change) changes.push(change);
  }
  return changes;
};

const setBased: Recorder = (tx, raise, clear, at) => applyFindings(tx, { raise, clear }, at);

/** Plays the script; returns each step's changes as (subject, change) pairs, sorted. */
async function play(recorder: Recorder, offset: number): Promise<string[][]> {
  const reported: string[][] = [];
  for (const step of SCRIPT) {
    if ('manualResolve' in step) {
      const s = step.manualResolve;
      await sql`
        update alerts set state = 'resolved', resolution = 'manual', resolve_reason = '已线下公开', resolved_at = ${step.at},
          resolved_by = 'office', seq = nextval('alert_seq'), updated_at = ${step.at}
        where rule_kind = ${s.ruleKind} and subject_type = ${s.subjectType} and subject_id = ${s.subjectId + offset}
          and state <> 'resolved'`;
      continue;
    }
    const raise = step.raise.map((f) => complete(offset, f));
    const clear = step.clear.map((c) => ({ ...c, subjectId: c.subjectId + offset }));
    const changes = await sql.begin((tx) => recorder(tx, raise, clear, step.at));
    const subjects = await sql<{ id: number; key: string }[]>`
      select id, rule_kind || '/' || subject_type || '/' || (subject_id - ${offset}) as key from alerts
      where id = any(${changes.map((c) => c.alertId)}::bigint[])`;
    const keyOf = new Map(subjects.map((row) => [Number(row.id), row.key]));
    reported.push(changes.map((c) => `${keyOf.get(c.alertId)} ${c.change}`).sort());
  }
  return reported;
}

/** The alerts and their events on one side's subjects, with ids, seqs and the offset taken out. */
async function tables(offset: number, range: [number, number]) {
  const alerts = await sql`
    select a.rule_id, a.rule_kind, a.level, a.state, a.subject_type, a.subject_id - ${offset} as subject_id,
      a.subject_version, a.item_id, a.obligation_id, a.complaint_id, a.department_id, a.position_id, a.region_code,
      a.domain, a.message, a.details, a.opened_at, a.updated_at, a.resolution, a.resolved_at, a.resolved_by,
      coalesce((select json_agg(json_build_object('kind', e.kind, 'at', e.at, 'actor', e.actor, 'from', e.from_level,
        'to', e.to_level, 'note', e.note) order by e.seq) from alert_events e where e.alert_id = a.id), '[]') as events
    from alerts a
    where a.subject_id between ${range[0]} and ${range[1]}
    order by a.rule_kind, a.subject_type, a.subject_id, a.opened_at, a.id`;
  return alerts;
}

describe('raiseAlert/clearAlert and applyFindings', () => {
  it('report the same changes and leave the same alerts and events for the same script', async () => {
    const rowChanges = await play(perRow, 0);
    const setChanges = await play(setBased, SPLIT);
    expect(setChanges).toEqual(rowChanges);
    expect(rowChanges.flat().length).toBeGreaterThan(8);

    const rowTables = await tables(0, [1, SPLIT - 1]);
    const setTables = await tables(SPLIT, [SPLIT, 2 * SPLIT - 1]);
    expect(rowTables.length).toBe(7);
    expect(setTables).toEqual(rowTables);
  });
});
