// 投诉属实 counts: a handler closing a complaint as substantiated, naming the catalog entry of another department
// (the one responsible for publishing it), opens a complaint_substantiated alert against that department and
// costs it points in the month's score, linked to the complaint; 不属实 records nothing; withdrawing the finding
// resolves the alert with the reason and gives the points back; publishing under the entry resolves the alert
// while the deduction stays.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql';
import { checkItems } from '../items/check-item';
import { ingestItem } from '../items/ingest-item';
import { invalidateRules } from '../rules/store/queries';
import type { ScoreResult } from '../scoring/compute-score';
import { recomputeDepartmentMonths } from '../scoring/store/locked-recompute';
import { insertObligation } from '../scoring/store/test-fixtures';
import { DEFAULT_WEIGHTS } from '../scoring/weights';
import { actOnComplaint } from './act-on-complaint';
import type { ActionInput } from './schemas';
import { createComplaintWorld, fileTestComplaint, type ComplaintWorld } from './test-fixtures';

const shanghai = (local: string) => new Date(`${local}+08:00`);
const FILED_AT = shanghai('2026-11-05T09:00:00');
const CLOSED_AT = shanghai('2026-11-09T10:00:00');
const SCORED_AT = shanghai('2026-11-25T12:00:00');
const PERIOD = '2026-11';

let world: ComplaintWorld;

beforeAll(async () => {
  world = await createComplaintWorld(sql);
  await sql`
    insert into rules (kind, name, scope_region_code, params, level, created_at, updated_at)
    values ('complaint_substantiated', '投诉属实违规（测试）', ${world.regions.province.code}, '{}', 'orange', ${FILED_AT}, ${FILED_AT})`;
  invalidateRules();
  // the responsible department publishes on time all month: its score is 100 before any finding
  for (let i = 0; i < 6; i += 1) {
    await insertObligation(sql, {
      entryId: world.otherEntry.id,
      departmentId: world.otherDepartment.id,
      regionCode: world.regions.county.code,
      dueDay: '2026-11-20',
      fulfilledAt: '2026-11-18T10:00:00',
    });
  }
});

async function act(id: number, input: ActionInput, as: 'handler' | 'dept', at: Date) {
  const result = await actOnComplaint(sql, as === 'handler' ? world.handler.scope : world.deptScope, id, input, at);
  if (!result.ok) throw new Error(`${input.action} refused: ${result.message}`);
  return result;
}

/** A complaint dispatched to the desk's department and answered, waiting for 办结. */
async function repliedComplaint(): Promise<{ id: number; trackingCode: string }> {
  const { trackingCode } = await fileTestComplaint(sql, world, FILED_AT);
  const [row] = await sql<{ id: number }[]>`select id from complaints where tracking_code = ${trackingCode}`;
  const id = row!.id;
  await act(id, { action: 'assign', departmentId: world.department.id }, 'handler', FILED_AT);
  await act(id, { action: 'accept' }, 'dept', FILED_AT);
  await act(id, { action: 'reply', reply: '经核实，相关信息由财政局负责公开，已转告。' }, 'dept', shanghai('2026-11-06T10:00:00'));
  return { id, trackingCode };
}

async function alertOf(complaintId: number) {
  const [row] = await sql<
    { id: number; state: string; level: string; department_id: number; complaint_id: number; resolution: string | null; resolve_reason: string | null; message: string }[]
  >`
    select id, state, level, department_id, complaint_id, resolution, resolve_reason, message from alerts
    where rule_kind = 'complaint_substantiated' and subject_type = 'complaint' and subject_id = ${complaintId}
    order by id desc limit 1`;
  return row;
}

async function score(): Promise<{ total: number | null; breakdown: ScoreResult }> {
  await recomputeDepartmentMonths(sql, [{ departmentId: world.otherDepartment.id, period: PERIOD }], SCORED_AT);
  const [row] = await sql<{ total: string | null; breakdown: ScoreResult }[]>`
    select total, breakdown from scores
    where department_id = ${world.otherDepartment.id} and position_id is null and period = ${PERIOD}`;
  return { total: row!.total === null ? null : Number(row!.total), breakdown: row!.breakdown };
}

const substantiated = (catalogEntryId = world.otherEntry.id): ActionInput => ({
  action: 'close',
  note: '经核实，财政局未按规定公开预算执行情况',
  finding: 'substantiated',
  catalogEntryId,
});

describe('a complaint closed as 属实', () => {
  let complaint: { id: number; trackingCode: string };

  it('opens an alert against the responsible department and lowers its score, linked to the complaint', async () => {
    expect((await score()).total).toBe(100);
    complaint = await repliedComplaint();
    const closed = await act(complaint.id, substantiated(), 'handler', CLOSED_AT);
    expect(closed.state).toBe('closed');

    const alert = await alertOf(complaint.id);
    expect(alert).toMatchObject({ state: 'open', level: 'orange', department_id: world.otherDepartment.id, complaint_id: complaint.id });
    expect(alert!.message).toContain(complaint.trackingCode);
    expect(alert!.message).toContain('财政预算执行情况');
    expect(closed.changes.map((c) => c.alertId)).toContain(alert!.id);
    // the rescore is owed in the same transaction, like every other score change
    const owed = await sql`select 1 from owed_jobs where key = ${`score-${world.otherDepartment.id}-${PERIOD}`}`;
    expect(owed.length).toBe(1);

    const after = await score();
    expect(after.total).toBe(100 - DEFAULT_WEIGHTS.substantiatedPenalty);
    expect(after.breakdown.deductions).toMatchObject({ substantiatedComplaints: 1, substantiatedPoints: DEFAULT_WEIGHTS.substantiatedPenalty });
    const loss = after.breakdown.losses.find((l) => l.indicator === 'substantiated');
    expect(loss).toMatchObject({ points: DEFAULT_WEIGHTS.substantiatedPenalty, ref: { kind: 'complaint', complaintId: complaint.id, itemId: null } });
    expect(loss!.ref.label).toContain(complaint.trackingCode);
  });

  it('is withdrawn by the handler with a reason: the alert resolves with it and the points come back', async () => {
    const withdrawn = await act(complaint.id, { action: 'withdraw_finding', note: '复核发现该信息已在公开平台发布' }, 'handler', shanghai('2026-11-12T10:00:00'));
    expect(withdrawn.events).toEqual(['finding_withdrawn']);
    const alert = await alertOf(complaint.id);
    expect(alert).toMatchObject({ state: 'resolved', resolution: 'manual' });
    expect(alert!.resolve_reason).toContain('复核发现该信息已在公开平台发布');
    const [event] = await sql<{ note: string; actor: string }[]>`
      select note, actor from alert_events where alert_id = ${alert!.id} and kind = 'resolved'`;
    expect(event).toMatchObject({ actor: world.handler.scope.username });
    expect((await score()).total).toBe(100);
    // a finding is withdrawn once
    const again = await actOnComplaint(sql, world.handler.scope, complaint.id, { action: 'withdraw_finding', note: '再次撤销' }, CLOSED_AT);
    expect(again).toMatchObject({ ok: false, refusal: 'conflict' });
  });

  it('is resolved when the department publishes under the entry; the deduction stays', async () => {
    const second = await repliedComplaint();
    await act(second.id, substantiated(), 'handler', CLOSED_AT);
    expect(await alertOf(second.id)).toMatchObject({ state: 'open' });

    const published = await ingestItem(sql, {
      department: world.otherDepartment,
      payload: {
        externalId: `budget-${randomBytes(3).toString('hex')}`,
        catalogCode: world.otherEntry.code,
        title: '2026年1-10月财政预算执行情况',
        formedAt: '2026-11-10T09:00:00+08:00',
        publishedAt: '2026-11-10T10:00:00+08:00',
        channels: ['website'],
      },
      receivedAt: shanghai('2026-11-10T10:01:00'),
      actor: 'apikey:dwk_test',
    });
    if (!published.ok) throw new Error(published.message);
    const changes = await checkItems([published.id], { sql, at: shanghai('2026-11-10T10:01:05') });
    const alert = await alertOf(second.id);
    expect(alert).toMatchObject({ state: 'resolved', resolution: 'auto' });
    expect(changes.map((c) => c.alertId)).toContain(alert!.id);
    const [event] = await sql<{ note: string }[]>`select note from alert_events where alert_id = ${alert!.id} and kind = 'resolved'`;
    expect(event!.note).toContain('2026年1-10月财政预算执行情况');
    // the violation happened: publishing afterwards fixes the alert, not the month's record
    expect((await score()).total).toBe(100 - DEFAULT_WEIGHTS.substantiatedPenalty);
  });
});

describe('a complaint closed as 不属实', () => {
  it('records nothing against anyone', async () => {
    const before = await score();
    const complaint = await repliedComplaint();
    const closed = await act(complaint.id, { action: 'close', note: '经核实，该信息已按时公开', finding: 'unsubstantiated' }, 'handler', CLOSED_AT);
    expect(closed.state).toBe('closed');
    expect(await alertOf(complaint.id)).toBeUndefined();
    const [violation] = await sql`select 1 from complaint_violations where complaint_id = ${complaint.id}`;
    expect(violation).toBeUndefined();
    const [row] = await sql<{ finding: string }[]>`select finding from complaints where id = ${complaint.id}`;
    expect(row!.finding).toBe('unsubstantiated');
    expect((await score()).total).toBe(before.total);
  });
});

describe('bad findings are refused and write nothing', () => {
  it('属实 without an entry, an entry with 不属实, an item of another entry', async () => {
    const complaint = await repliedComplaint();
    const refusals = [
      await actOnComplaint(sql, world.handler.scope, complaint.id, { action: 'close', note: '属实', finding: 'substantiated' }, CLOSED_AT),
      await actOnComplaint(
        sql,
        world.handler.scope,
        complaint.id,
        { action: 'close', note: '不属实', finding: 'unsubstantiated', catalogEntryId: world.otherEntry.id },
        CLOSED_AT,
      ),
      await actOnComplaint(sql, world.handler.scope, complaint.id, substantiated(999_999_999), CLOSED_AT),
    ];
    expect(refusals.map((r) => (r.ok ? 'ok' : r.refusal))).toEqual(['invalid', 'invalid', 'unknown_reference']);
    const [row] = await sql<{ state: string }[]>`select state from complaints where id = ${complaint.id}`;
    expect(row!.state).toBe('replied');
    const [violation] = await sql`select 1 from complaint_violations where complaint_id = ${complaint.id}`;
    expect(violation).toBeUndefined();
  });
});
