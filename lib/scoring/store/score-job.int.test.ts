// Which department-months an event touches, and the score jobs they become: one owed job per
// department-month, sent ten seconds after it was first owed so every event of those seconds lands on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../db/sql';
import { createIngestWorld, type IngestWorld } from '../../items/test-fixtures';
import { oweJobs } from '../../jobs/owed-jobs';
import { owedScoreTouches, touchesForAlerts, touchesForRequests } from './score-job';
import { insertObligation, insertRedDeadlineAlert, insertRequest } from './test-fixtures';

let world: IngestWorld;

beforeAll(async () => {
  world = await createIngestWorld(sql);
});

afterAll(async () => {
  await sql`delete from owed_jobs where key like ${`score-${world.department.id}-%`}`;
});

describe('score touches', () => {
  it('names the months an alert touches: opened, changed, its obligation’s due and severe months', async () => {
    const obligation = await insertObligation(sql, {
      entryId: world.entries.monthly.id,
      departmentId: world.department.id,
      regionCode: world.regions.county.code,
      dueDay: '2026-12-31',
    });
    // the fixture moves the deadline back to the severe instant: due 2026-10-30 24:00, severe 2026-10-31 00:00;
    // the alert was raised (and last changed) in January
    const alertId = await insertRedDeadlineAlert(sql, { obligationId: obligation, severeAt: '2026-10-31T00:00:00', openedAt: '2027-01-04T09:00:00' });
    const touches = await touchesForAlerts(sql, [alertId]);
    expect([...new Set(touches.map((t) => t.period))].sort()).toEqual(['2026-10', '2027-01']);
    expect(touches.every((t) => t.departmentId === world.department.id)).toBe(true);
  });

  it('names the month a request’s reply falls due, for its own steps and for its alerts', async () => {
    // due 2026-11-30 24:00 (November's), answered late in December, its overdue alert opened on 1 December
    const request = await insertRequest(sql, {
      departmentId: world.department.id,
      regionCode: world.regions.county.code,
      receivedAt: '2026-11-02T09:00:00',
      dueDay: '2026-11-30',
      repliedAt: '2026-12-03T10:00:00',
    });
    expect(await touchesForRequests(sql, [request.id])).toEqual([{ departmentId: world.department.id, period: '2026-11' }]);
    const opened = new Date('2026-12-01T00:00:00+08:00');
    const [rule] = await sql<{ id: number }[]>`
      insert into rules (kind, name, scope_region_code, params, level, created_at, updated_at)
      values ('request_reply', '答复期限（测试）', ${world.regions.county.code}, '{}', 'yellow', ${opened}, ${opened})
      returning id`;
    const [alert] = await sql<{ id: number }[]>`
      insert into alerts (rule_id, rule_kind, level, state, subject_type, subject_id, request_id, department_id, region_code,
        message, opened_at, updated_at)
      values (${rule!.id}, 'request_reply', 'orange', 'open', 'request', ${request.id}, ${request.id}, ${world.department.id},
        ${world.regions.county.code}, '答复超期', ${opened}, ${opened})
      returning id`;
    const touches = await touchesForAlerts(sql, [alert!.id]);
    expect([...new Set(touches.map((t) => t.period))].sort()).toEqual(['2026-11', '2026-12']);
  });

  it('turns a burst of touches into one owed job per department-month, sent ten seconds later', async () => {
    const touch = { departmentId: world.department.id, period: '2026-11' };
    await oweJobs(sql, owedScoreTouches([touch, touch, { ...touch, period: '2026-10' }, touch]));
    await oweJobs(sql, owedScoreTouches([touch]));
    const rows = await sql<{ key: string; payload: unknown; generation: number; delayMs: number }[]>`
      select key, payload, generation, extract(epoch from run_after - owed_since) * 1000 as "delayMs"
      from owed_jobs where key like ${`score-${world.department.id}-%`} order by key`;
    expect(rows.map((row) => row.key)).toEqual([`score-${world.department.id}-2026-10`, `score-${world.department.id}-2026-11`]);
    expect(rows[1]).toMatchObject({ payload: touch, generation: 1 });
    expect(rows.every((row) => row.delayMs >= 9_990)).toBe(true);
  });
});
