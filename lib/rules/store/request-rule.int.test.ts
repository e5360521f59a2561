// The request rules managed like any other: the preview counts the request alerts a change would open or resolve,
// per department, and saving then re-evaluating brings the requests' alerts in line; a new warn period moves the
// running reply clock's thresholds.
import { beforeAll, describe, expect, it } from 'vitest';
import { PATCH } from '../../../app/api/v1/rules/[id]/route';
import type { Scope } from '../../auth/scope';
import { now } from '../../clock';
import { sql } from '../../db/sql';
import { fileRequest } from '../../requests/file-request';
import { intakeSchema } from '../../requests/schemas';
import { createRequestWorld, requestBody, type RequestWorld } from '../../requests/test-fixtures';
import { invalidateRules } from './queries';
import { reevaluateRule } from './reevaluate-rule';

let world: RequestWorld;
let lateId: number;

beforeAll(async () => {
  world = await createRequestWorld(sql);
  const { county } = world.regions;
  const staff: Scope = { userId: 0, username: 'rule-test', role: 'supervisor', regionCode: county.code, regionPath: county.path, departmentId: null };
  // received 2026-11-02 and unanswered: overdue whatever day the suite runs
  const filed = await fileRequest(sql, staff, intakeSchema.parse(requestBody(world, { channel: 'letter', receivedAt: '2026-11-02' })), now());
  if (!filed.ok) throw new Error(filed.message);
  lateId = filed.id;
});

function patch(body: unknown, dryRun: boolean): Promise<Response> {
  return PATCH(
    new Request(`http://127.0.0.1/api/v1/rules/${world.ruleIds.reply}${dryRun ? '?dryRun=1' : ''}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: world.cookies.provinceSupervisor },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: String(world.ruleIds.reply) }) },
  );
}

const alertStates = async () =>
  (await sql<{ state: string }[]>`
    select state from alerts where rule_kind = 'request_reply' and subject_type = 'request' and subject_id = ${lateId} order by id`).map((a) => a.state);

async function saveAndReevaluate(body: unknown) {
  expect((await patch(body, false)).status).toBe(200);
  invalidateRules();
  return reevaluateRule(sql, { ruleId: world.ruleIds.reply, at: now() });
}

describe('the request_reply rule', () => {
  it('previews switching off as the overdue request’s alert resolving, and saving resolves it', async () => {
    expect(await alertStates()).toEqual(['open']);
    const preview = await patch({ enabled: false }, true);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({
      wouldOpen: 0,
      wouldResolve: 1,
      departments: [{ departmentId: world.department.id, wouldOpen: 0, wouldResolve: 1 }],
    });
    expect(await alertStates()).toEqual(['open']);
    const changes = await saveAndReevaluate({ enabled: false });
    expect(changes).toHaveLength(1);
    expect(await alertStates()).toEqual(['resolved']);
  });

  it('previews switching back on as one alert opening; a new severe period moves the running clock', async () => {
    expect(await (await patch({ enabled: true }, true)).json()).toMatchObject({ wouldOpen: 1, wouldResolve: 0 });
    await saveAndReevaluate({ enabled: true, params: { warnWorkingDays: 3, severeWorkingDays: 60 } });
    expect(await alertStates()).toEqual(['resolved', 'open']);
    const [row] = await sql<{ severe_at: Date; due_at: Date }[]>`select severe_at, due_at from requests where id = ${lateId}`;
    // due 11-30 24:00 whatever the rule; red only after the 60th working day after it
    expect(row!.due_at).toEqual(new Date('2026-12-01T00:00:00+08:00'));
    expect(row!.severe_at.getTime()).toBeGreaterThan(new Date('2027-02-01T00:00:00+08:00').getTime());
    expect(await saveAndReevaluate({ enabled: true })).toEqual([]);
  });
});
