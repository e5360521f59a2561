// Scores computed from facts in Postgres: the department and its positions, the complaint figures, the
// facts behind each lost point, and a second run that changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintFigures, listComplaintCases } from '../../complaints/scoring-figures';
import { closeSql, sql } from '../../db/sql';
import { createIngestWorld, type IngestWorld } from '../../items/test-fixtures';
import type { ScoreResult } from '../compute-score';
import { periodRange } from '../period';
import { recomputeDepartmentMonths } from './locked-recompute';
import { recomputeScores } from './recompute-scores';
import { insertComplaint, insertObligation, insertPosition } from './test-fixtures';

const AS_OF = new Date('2026-12-20T12:00:00+08:00');
let world: IngestWorld;
let positionId: number;
const late: number[] = [];
let overdue: number;
let unsatisfied: { id: number; trackingCode: string };

async function stored(departmentId: number, position: number | null = null) {
  const [row] = await sql<{ total: string | null; breakdown: ScoreResult; weights_version: number }[]>`
    select total, breakdown, weights_version from scores
    where department_id = ${departmentId} and coalesce(position_id, 0) = ${position ?? 0} and period = '2026-11'`;
  return row;
}

beforeAll(async () => {
  world = await createIngestWorld(sql);
  const base = { entryId: world.entries.monthly.id, departmentId: world.department.id, regionCode: world.regions.county.code };
  positionId = await insertPosition(sql, world.department.id, '信息公开岗');
  // 10 November obligations: 7 on time (4 of them of the position), 2 late, 1 never published
  for (let i = 0; i < 7; i += 1) {
    await insertObligation(sql, { ...base, positionId: i < 4 ? positionId : null, dueDay: '2026-11-20', fulfilledAt: '2026-11-18T10:00:00' });
  }
  late.push(await insertObligation(sql, { ...base, positionId, dueDay: '2026-11-20', fulfilledAt: '2026-11-24T10:00:00' }));
  late.push(await insertObligation(sql, { ...base, dueDay: '2026-11-30', fulfilledAt: '2026-12-02T09:00:00' }));
  overdue = await insertObligation(sql, { ...base, dueDay: '2026-11-30' });
  // not November: due in December, and one due in November that is not yet a case nowhere else
  await insertObligation(sql, { ...base, dueDay: '2026-12-01' });
  // 5 complaints: all signed in time, 4 replied in time, 1 unsatisfied of 5 rated
  const complaint = { departmentId: world.department.id, regionCode: world.regions.county.code };
  for (let i = 0; i < 4; i += 1) {
    await insertComplaint(sql, {
      ...complaint,
      receivedAt: '2026-11-05T09:00:00',
      acceptDueAt: '2026-11-06T24:00:00',
      acceptedAt: '2026-11-05T15:00:00',
      replyDueAt: '2026-11-24T24:00:00',
      repliedAt: '2026-11-20T10:00:00',
      satisfaction: i === 0 ? 'basically_satisfied' : 'very_satisfied',
    });
  }
  unsatisfied = await insertComplaint(sql, {
    ...complaint,
    receivedAt: '2026-11-10T09:00:00',
    acceptDueAt: '2026-11-11T24:00:00',
    acceptedAt: '2026-11-11T09:00:00',
    replyDueAt: '2026-11-27T24:00:00',
    repliedAt: '2026-12-01T10:00:00',
    satisfaction: 'dissatisfied',
  });
});

afterAll(async () => {
  await closeSql();
});

describe('complaint figures', () => {
  it('gives the month’s 及时签收率, 按时办结率 and 回访满意率 of the department', async () => {
    const { start, end } = periodRange('2026-11');
    const figures = complaintFigures(await listComplaintCases(sql, { start, end, asOf: AS_OF, departmentIds: [world.department.id] }));
    expect(figures).toEqual([
      {
        departmentId: world.department.id,
        positionId: null,
        acceptInTime: { cases: 5, passed: 5, rate: 1 },
        replyInTime: { cases: 5, passed: 4, rate: 0.8 },
        satisfaction: { cases: 5, passed: 4, rate: 0.8 },
      },
    ]);
  });
});

describe('recomputeScores', () => {
  it('scores the department from its month’s facts and names the fact behind every lost point', async () => {
    const changes = await recomputeScores(sql, { period: '2026-11', at: AS_OF, departmentIds: [world.department.id, world.otherDepartment.id] });
    expect(changes.map((c) => [c.subjectType, c.departmentId, c.positionId]).sort()).toEqual(
      [
        ['department', world.department.id, null],
        ['department', world.otherDepartment.id, null],
        ['position', world.department.id, positionId],
      ].sort(),
    );
    // default weights over the indicators with ≥ 5 cases: timeliness 30 (7/10), complaintAccept 10 (5/5),
    // complaintReply 10 (4/5), complaintSatisfaction 10 (4/5) → 100 × (21 + 10 + 8 + 8) / 60 = 78.33
    const department = await stored(world.department.id);
    expect(Number(department!.total)).toBe(78.33);
    expect(department!.weights_version).toBe(0);
    const losses = department!.breakdown.losses;
    expect(losses.filter((l) => l.indicator === 'timeliness').map((l) => l.ref.id).sort()).toEqual([...late, overdue].sort());
    expect(losses.find((l) => l.ref.id === overdue)!.ref.label).toMatch(/至今未公开/);
    expect(losses.find((l) => l.indicator === 'complaintSatisfaction')!.ref).toMatchObject({
      kind: 'complaint',
      complaintId: unsatisfied.id,
      label: `投诉 ${unsatisfied.trackingCode} 回访不满意`,
    });
    expect(department!.breakdown.indicators.find((i) => i.key === 'completeness')!.status).toBe('none');
  });

  it('gives a department with nothing due a null total', async () => {
    const other = await stored(world.otherDepartment.id);
    expect(other!.total).toBeNull();
    expect(other!.breakdown.status).toBe('nothing_due');
  });

  it('scores the position from the facts that name it', async () => {
    // 4 on time + 1 late of the position → 80; complaints do not name it
    const position = await stored(world.department.id, positionId);
    expect(Number(position!.total)).toBe(80);
  });

  it('changes nothing when run again on the same facts', async () => {
    expect(await recomputeScores(sql, { period: '2026-11', at: AS_OF, departmentIds: [world.department.id] })).toEqual([]);
  });

  it('reports a change once a late publication arrives', async () => {
    await sql`update obligations set state = 'fulfilled', fulfilled_at = ${new Date('2026-12-19T10:00:00+08:00')}, is_late = true where id = ${overdue}`;
    const changes = await recomputeScores(sql, { period: '2026-11', at: AS_OF, departmentIds: [world.department.id] });
    expect(changes).toEqual([
      expect.objectContaining({ subjectType: 'department', departmentId: world.department.id, total: 78.33, regionId: world.regions.county.code }),
    ]);
    const department = await stored(world.department.id);
    expect(department!.breakdown.losses.find((l) => l.ref.id === overdue)!.ref.label).toMatch(/才公开（逾期）/);
  });

  it('deducts a red deadline alert in the month its obligation became severely overdue, naming the item', async () => {
    const { insertRedDeadlineAlert } = await import('./test-fixtures');
    // severe on 2026-11-16, the alert raised only in December (e.g. by a seed): still a November deduction
    const alertId = await insertRedDeadlineAlert(sql, { obligationId: overdue, severeAt: '2026-11-16T00:00:00', openedAt: '2026-12-02T09:00:00' });
    await recomputeScores(sql, { period: '2026-11', at: AS_OF, departmentIds: [world.department.id] });
    await recomputeScores(sql, { period: '2026-12', at: AS_OF, departmentIds: [world.department.id] });
    const november = await stored(world.department.id);
    // 78.33 (above) less 2 for the red alert
    expect(Number(november!.total)).toBe(76.33);
    expect(november!.breakdown.deductions).toEqual({ redAlerts: 1, points: 2, substantiatedComplaints: 0, substantiatedPoints: 0 });
    expect(november!.breakdown.losses.find((l) => l.indicator === 'red')!.ref).toMatchObject({ kind: 'alert', id: alertId });
    const [december] = await sql<{ breakdown: ScoreResult }[]>`
      select breakdown from scores where subject_type = 'department' and department_id = ${world.department.id} and period = '2026-12'`;
    expect(december!.breakdown.deductions.redAlerts).toBe(0);
  });
});

describe('recomputeDepartmentMonths', () => {
  it('recomputes many department-months in one call, writing what each recompute alone wrote', async () => {
    const ids = [world.department.id, world.otherDepartment.id];
    const snapshot = () =>
      sql<{ key: string; total: string | null; breakdown: unknown }[]>`
        select department_id || ':' || coalesce(position_id, 0) || ':' || period as key, total, breakdown from scores
        where department_id = any(${ids}::bigint[]) and period in ('2026-11', '2026-12') order by 1`;
    for (const period of ['2026-11', '2026-12']) await recomputeScores(sql, { period, at: AS_OF, departmentIds: ids });
    const alone = await snapshot();
    expect(alone.map((row) => row.key)).toContain(`${world.department.id}:${positionId}:2026-11`);

    await sql`delete from scores where department_id = any(${ids}::bigint[])`;
    const touches = [
      { departmentId: world.department.id, period: '2026-11' },
      { departmentId: world.otherDepartment.id, period: '2026-12' },
      { departmentId: world.otherDepartment.id, period: '2026-11' },
      { departmentId: world.department.id, period: '2026-12' },
      { departmentId: world.department.id, period: '2026-11' },
    ];
    const changes = await recomputeDepartmentMonths(sql, touches, AS_OF);
    expect(await snapshot()).toEqual(alone);
    expect(changes).toHaveLength(alone.length);
  });
});

describe('the backlog', () => {
  it('keeps counting an obligation against the department in every month it stays open after its due month', async () => {
    const backlogWorld = await createIngestWorld(sql);
    const department = backlogWorld.department.id;
    const base = { entryId: backlogWorld.entries.monthly.id, departmentId: department, regionCode: backlogWorld.regions.county.code };
    // six December obligations on time: alone they would make 公开及时率 100%
    for (let i = 0; i < 6; i += 1) await insertObligation(sql, { ...base, dueDay: '2026-12-10', fulfilledAt: '2026-12-08T10:00:00' });
    for (let i = 0; i < 4; i += 1) await insertObligation(sql, { ...base, dueDay: '2026-11-10', fulfilledAt: '2026-11-09T10:00:00' });
    const neverPublished = await insertObligation(sql, { ...base, dueDay: '2026-10-20' });
    const publishedInNovember = await insertObligation(sql, { ...base, dueDay: '2026-10-20', fulfilledAt: '2026-11-10T10:00:00' });

    for (const period of ['2026-11', '2026-12']) await recomputeScores(sql, { period, at: AS_OF, departmentIds: [department] });
    const breakdownOf = async (period: string) => {
      const [row] = await sql<{ breakdown: ScoreResult }[]>`
        select breakdown from scores where subject_type = 'department' and department_id = ${department} and period = ${period}`;
      return row!.breakdown;
    };
    const timeliness = (b: ScoreResult) => b.indicators.find((i) => i.key === 'timeliness')!;
    const timelinessLosses = (b: ScoreResult) => b.losses.filter((l) => l.indicator === 'timeliness').map((l) => l.ref);

    const december = await breakdownOf('2026-12');
    expect(timeliness(december)).toMatchObject({ cases: 7, passed: 6 });
    expect(timelinessLosses(december)).toEqual([expect.objectContaining({ id: neverPublished, label: expect.stringMatching(/积压至本月仍未公开/) })]);

    // November: both were still open when it began; the one published on 11-10 stops counting after that
    const november = await breakdownOf('2026-11');
    expect(timeliness(november)).toMatchObject({ cases: 6, passed: 4 });
    expect(timelinessLosses(november).map((ref) => ref.id).sort()).toEqual([neverPublished, publishedInNovember].sort());
    expect(timelinessLosses(november).find((ref) => ref.id === publishedInNovember)!.label).toMatch(/积压至本月，2026-11-10 10:00 才公开/);
  });
});
