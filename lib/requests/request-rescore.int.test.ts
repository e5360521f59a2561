// A request's steps owe the rescore of the department-months whose 依申请公开按时答复率 they change: filing a
// letter owes its due month; an extension owes the month it was due in and the month it is due in now.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../auth/scope';
import { sql } from '../db/sql';
import { actOnRequest } from './act-on-request';
import { fileRequest } from './file-request';
import { intakeSchema } from './schemas';
import { createRequestWorld, requestBody, type RequestWorld } from './test-fixtures';

let world: RequestWorld;
let staff: Scope;
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  world = await createRequestWorld(sql);
  const { county } = world.regions;
  staff = { userId: 0, username: 'rescore-test', role: 'supervisor', regionCode: county.code, regionPath: county.path, departmentId: null };
});

const owedScoreKeys = async (departmentId: number) =>
  (await sql<{ key: string }[]>`select key from owed_jobs where key like ${`score-${departmentId}-%`} order by key`).map((r) => r.key);

describe('rescores owed by request steps', () => {
  it('owes the due month on filing, and both months when an extension moves the due day into the next', async () => {
    const input = intakeSchema.parse(requestBody(world, { channel: 'letter', receivedAt: '2026-11-02' }));
    const filed = await fileRequest(sql, staff, input, at('2026-11-03T10:00:00+08:00'));
    if (!filed.ok) throw new Error(filed.message);
    const [request] = await sql<{ department_id: number }[]>`select department_id from requests where id = ${filed.id}`;
    const departmentId = request!.department_id;
    // due 2026-11-30 24:00
    expect(await owedScoreKeys(departmentId)).toEqual([`score-${departmentId}-2026-11`]);

    await sql`delete from owed_jobs where key like ${`score-${departmentId}-%`}`;
    const extended = await actOnRequest(
      sql,
      staff,
      filed.id,
      { action: 'extend', workingDays: 20, approver: '王主任', reason: '需调取档案' },
      at('2026-11-25T10:00:00+08:00'),
    );
    if (!extended.ok) throw new Error(extended.message);
    expect(await owedScoreKeys(departmentId)).toEqual([`score-${departmentId}-2026-11`, `score-${departmentId}-2026-12`]);
  });
});
