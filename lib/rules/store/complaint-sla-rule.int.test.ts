// A complaint SLA rule managed like any other: the preview counts the complaint alerts a change would open
// or resolve, per department, and saving then re-evaluating brings the complaints' alerts in line.
import { beforeAll, describe, expect, it } from 'vitest';
import { PATCH } from '../../../app/api/v1/rules/[id]/route';
import { getCalendar } from '../../calendar/store/calendar-cache';
import { now } from '../../clock';
import { findComplaintForSla, syncComplaintSla } from '../../complaints/sync-complaint-sla';
import { createComplaintWorld, fileTestComplaint, type ComplaintWorld } from '../../complaints/test-fixtures';
import { sql } from '../../db/sql';
import { invalidateRules, loadRules } from './queries';
import { reevaluateRule } from './reevaluate-rule';

const at = (local: string) => new Date(`${local}+08:00`);
let world: ComplaintWorld;
let lateId: number;
let onTimeId: number;

beforeAll(async () => {
  world = await createComplaintWorld(sql);
  // received 2026-10-12 and never dispatched: late today; one received today is not late yet
  const late = await fileTestComplaint(sql, world, at('2026-10-12T09:00:00'));
  const onTime = await fileTestComplaint(sql, world, now(), { departmentId: world.otherDepartment.id });
  lateId = late.id;
  onTimeId = onTime.id;
  const [rules, calendar] = await Promise.all([loadRules(sql), getCalendar(sql)]);
  for (const id of [lateId, onTimeId]) await syncComplaintSla(sql, (await findComplaintForSla(sql, id))!, rules, calendar, now());
});

function patch(body: unknown, dryRun: boolean): Promise<Response> {
  return PATCH(
    new Request(`http://127.0.0.1/api/v1/rules/${world.ruleId}${dryRun ? '?dryRun=1' : ''}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: world.cookies.provinceSupervisor },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: String(world.ruleId) }) },
  );
}

const alertsOf = (complaintId: number) =>
  sql<{ id: number; state: string }[]>`
    select id, state from alerts where rule_kind = 'complaint_sla' and subject_type = 'complaint' and subject_id = ${complaintId}
    order by id`;

async function saveAndReevaluate(body: unknown) {
  expect((await patch(body, false)).status).toBe(200);
  invalidateRules();
  const [rule] = await sql<{ version: number }[]>`select version from rules where id = ${world.ruleId}`;
  expect(rule!.version).toBeGreaterThan(1);
  return { changes: await reevaluateRule(sql, { ruleId: world.ruleId, at: now() }) };
}

describe('a complaint SLA rule', () => {
  it('previews switching off as the late complaint’s alert resolving, and saving resolves it', async () => {
    expect((await alertsOf(lateId)).map((a) => a.state)).toEqual(['open']);
    expect(await alertsOf(onTimeId)).toEqual([]);

    const preview = await patch({ enabled: false }, true);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toEqual({
      wouldOpen: 0,
      wouldResolve: 1,
      departments: [{ departmentId: world.department.id, departmentName: world.department.name, regionName: expect.any(String), wouldOpen: 0, wouldResolve: 1 }],
      limitsApplyToNewComplaints: false,
    });
    // a preview writes nothing
    expect((await alertsOf(lateId)).map((a) => a.state)).toEqual(['open']);

    const [open] = await alertsOf(lateId);
    const { changes } = await saveAndReevaluate({ enabled: false });
    expect(changes).toEqual([{ alertId: open!.id, change: 'updated' }]);
    expect((await alertsOf(lateId)).map((a) => a.state)).toEqual(['resolved']);
    const [event] = await sql<{ note: string }[]>`
      select e.note from alert_events e join alerts a on a.id = e.alert_id
      where a.subject_type = 'complaint' and a.subject_id = ${lateId} and e.kind = 'resolved'`;
    expect(event?.note).toBe('投诉办理时限规则已停用');
  });

  it('previews switching back on as one alert opening, and a second re-evaluation changes nothing', async () => {
    const preview = await patch({ enabled: true }, true);
    expect(await preview.json()).toMatchObject({ wouldOpen: 1, wouldResolve: 0, limitsApplyToNewComplaints: false });

    const { changes } = await saveAndReevaluate({ enabled: true });
    const alerts = await alertsOf(lateId);
    expect(alerts.map((a) => a.state)).toEqual(['resolved', 'open']);
    expect(changes).toEqual([{ alertId: alerts[1]!.id, change: 'opened' }]);
    expect(await reevaluateRule(sql, { ruleId: world.ruleId, at: now() })).toEqual([]);
  });

  it('says new time limits count from steps taken after the save, and leaves running clocks alone', async () => {
    const preview = await patch({ params: { assignWorkingDays: 3 } }, true);
    expect(await preview.json()).toMatchObject({ wouldOpen: 0, wouldResolve: 0, departments: [], limitsApplyToNewComplaints: true });
    const [before] = await sql<{ assign_due_at: Date }[]>`select assign_due_at from complaints where id = ${onTimeId}`;
    const { changes } = await saveAndReevaluate({ params: { assignWorkingDays: 3 } });
    expect(changes).toEqual([]);
    const [after] = await sql<{ assign_due_at: Date }[]>`select assign_due_at from complaints where id = ${onTimeId}`;
    expect(after!.assign_due_at).toEqual(before!.assign_due_at);
  });
});
