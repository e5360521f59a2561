// 用户与接口密钥管理 through the admin routes (without HTTP): create, change a role and region, reset a
// password, deactivate (the last three end the user's sessions at once), issue and revoke a department key; each change leaves its audit row, and
// only the admin may make them.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createRegionTree, type TestRegionTree } from '../../../../lib/auth/test-fixtures';
import { findDepartmentByApiKey } from '../../../../lib/auth/api-keys';
import { createSession, getSessionUser } from '../../../../lib/auth/sessions';
import { login } from '../../../../lib/auth/login';
import { sql } from '../../../../lib/db/sql';
import { DELETE as revokeKey } from './api-keys/[id]/route';
import { POST as issueKey } from './api-keys/route';
import { POST as resetPassword } from './users/[id]/password/route';
import { PATCH as patchUser } from './users/[id]/route';
import { GET as listUsers, POST as createUser } from './users/route';

const ORIGIN = 'http://127.0.0.1:3000';
let regions: TestRegionTree;
let departmentId: number;
let adminCookie: string;
let supervisorCookie: string;
const unique = Date.now().toString(36);

async function sessionCookie(username: string, role: string, regionCode: string): Promise<string> {
  const [row] = await sql<{ id: number }[]>`
    insert into users (username, display_name, password_hash, role, region_code, created_at, updated_at)
    values (${username}, ${username}, 'not-a-login-account', ${role}, ${regionCode}, now(), now()) returning id`;
  return `dw_session=${(await createSession(sql, { id: row!.id })).token}`;
}

const json = (method: string, path: string, cookie: string, body?: unknown) =>
  new Request(`${ORIGIN}${path}`, {
    method,
    headers: { cookie, origin: ORIGIN, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

async function auditOf(entity: string, entityId: number) {
  return sql<{ actor: string; action: string; before: unknown; after: unknown }[]>`
    select actor, action, before, after from audit_log where entity = ${entity} and entity_id = ${String(entityId)} order by id`;
}

beforeAll(async () => {
  regions = await createRegionTree(sql);
  departmentId = await createDepartment(sql, regions.county.code);
  adminCookie = await sessionCookie(`adm-${unique}`, 'admin', regions.province.code);
  supervisorCookie = await sessionCookie(`sup-${unique}`, 'supervisor', regions.province.code);
});

describe('user administration', () => {
  it('creates a department user, resets the password, deactivates and reactivates, each audited', async () => {
    const username = `dept-${unique}`;
    const body = { username, displayName: '部门联络员甲', password: 'first-password', role: 'dept', regionCode: regions.county.code, departmentId };
    expect((await createUser(json('POST', '/api/v1/admin/users', supervisorCookie, body))).status).toBe(403);
    const created = await createUser(json('POST', '/api/v1/admin/users', adminCookie, body));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const again = await createUser(json('POST', '/api/v1/admin/users', adminCookie, body));
    expect(again.status).toBe(409);
    expect((await again.json()).error.fields.username).toBe('用户名已被使用');
    const wrongDepartment = await createUser(
      json('POST', '/api/v1/admin/users', adminCookie, { ...body, username: `x-${unique}`, regionCode: regions.otherCounty.code }),
    );
    expect(wrongDepartment.status).toBe(422);

    const listed = await listUsers(json('GET', `/api/v1/admin/users?q=${username}`, adminCookie));
    expect((await listed.json()).data).toEqual([expect.objectContaining({ username, role: 'dept', departmentId, isActive: true })]);

    const signedIn = await login(sql, { username, password: 'first-password', ip: '127.0.0.1' });
    expect(signedIn.ok).toBe(true);
    const reset = await resetPassword(json('POST', `/api/v1/admin/users/${id}/password`, adminCookie, { password: 'second-password' }), params(id));
    expect(reset.status).toBe(200);
    expect((await login(sql, { username, password: 'first-password', ip: '127.0.0.1' })).ok).toBe(false);
    const second = await login(sql, { username, password: 'second-password', ip: '127.0.0.1' });
    expect(second.ok).toBe(true);

    const token = (second as { token: string }).token;
    expect(await getSessionUser(sql, token)).not.toBeNull();
    const off = await patchUser(json('PATCH', `/api/v1/admin/users/${id}`, adminCookie, { isActive: false }), params(id));
    expect(off.status).toBe(200);
    // the session it had is gone at once
    expect(await getSessionUser(sql, token)).toBeNull();
    expect((await patchUser(json('PATCH', `/api/v1/admin/users/${id}`, adminCookie, { isActive: true }), params(id))).status).toBe(200);

    const audit = await auditOf('user', id);
    expect(audit.map((row) => row.action)).toEqual(['create', 'reset_password', 'deactivate', 'activate']);
    expect(audit.every((row) => row.actor === `adm-${unique}`)).toBe(true);
    // no password or hash in the trail
    expect(JSON.stringify(audit)).not.toMatch(/"password(Hash)?"|first-password|second-password|argon2/);
  });

  it('changes a role and region: validated, audited, the user’s sessions end; the admin cannot change their own', async () => {
    const username = `move-${unique}`;
    const created = await createUser(
      json('POST', '/api/v1/admin/users', adminCookie, { username, displayName: '调岗人员', password: 'first-password', role: 'supervisor', regionCode: regions.county.code }),
    );
    const { id } = (await created.json()) as { id: number };
    const patch = (cookie: string, body: unknown) => patchUser(json('PATCH', `/api/v1/admin/users/${id}`, cookie, body), params(id));
    const signedIn = (await login(sql, { username, password: 'first-password', ip: '127.0.0.1' })) as { ok: true; token: string };
    expect(signedIn.ok).toBe(true);

    expect((await patch(supervisorCookie, { role: 'leader' })).status).toBe(403);
    // a department role needs a department, and one of the chosen region
    const noDepartment = await patch(adminCookie, { role: 'dept' });
    expect(noDepartment.status).toBe(400);
    expect((await noDepartment.json()).error).toMatchObject({ message: '部门联络员须指定所属部门', fields: { departmentId: '请选择所属部门' } });
    const otherRegion = await patch(adminCookie, { role: 'dept', regionCode: regions.otherCounty.code, departmentId });
    expect(otherRegion.status).toBe(422);
    expect((await otherRegion.json()).error.message).toBe('所属部门不在所选区域');
    expect((await patch(adminCookie, { role: 'leader', departmentId })).status).toBe(400);
    expect((await patch(adminCookie, { regionCode: '999999' })).status).toBe(422);
    expect((await patch(adminCookie, { role: 'chief' })).status).toBe(400);
    expect((await patch(adminCookie, { isActive: false, role: 'leader' })).status).toBe(400);
    expect((await patch(adminCookie, {})).status).toBe(400);
    // refused changes left the user and their session as they were
    expect((await getSessionUser(sql, signedIn.token))?.user).toMatchObject({ role: 'supervisor', regionCode: regions.county.code });

    const moved = await patch(adminCookie, { role: 'dept', departmentId });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ id, role: 'dept', regionCode: regions.county.code, departmentId, isActive: true });
    expect(await getSessionUser(sql, signedIn.token)).toBeNull();
    const again = (await login(sql, { username, password: 'first-password', ip: '127.0.0.1' })) as { ok: true; token: string };
    expect((await getSessionUser(sql, again.token))?.user).toMatchObject({ role: 'dept', departmentId });

    // leaving the department role drops the department; the same assignment again changes nothing
    const promoted = await patch(adminCookie, { role: 'leader', regionCode: regions.city.code });
    expect(await promoted.json()).toMatchObject({ role: 'leader', regionCode: regions.city.code, departmentId: null });
    const third = (await login(sql, { username, password: 'first-password', ip: '127.0.0.1' })) as { ok: true; token: string };
    expect((await patch(adminCookie, { role: 'leader' })).status).toBe(200);
    expect(await getSessionUser(sql, third.token)).not.toBeNull();

    const audit = await auditOf('user', id);
    expect(audit.map((row) => row.action)).toEqual(['create', 'change_assignment', 'change_assignment']);
    expect(audit[1]).toMatchObject({
      actor: `adm-${unique}`,
      before: expect.objectContaining({ role: 'supervisor', departmentId: null }),
      after: expect.objectContaining({ role: 'dept', departmentId }),
    });
    expect(audit[2]!.after).toMatchObject({ role: 'leader', regionCode: regions.city.code, departmentId: null });

    const [me] = await sql<{ id: number }[]>`select id from users where username = ${`adm-${unique}`}`;
    const own = await patchUser(json('PATCH', `/api/v1/admin/users/${me!.id}`, adminCookie, { role: 'leader' }), params(me!.id));
    expect(own.status).toBe(409);
    expect((await own.json()).error.message).toBe('不能修改自己的角色或区域');
  });

  it('does not let the admin deactivate themselves', async () => {
    const [me] = await sql<{ id: number }[]>`select id from users where username = ${`adm-${unique}`}`;
    const response = await patchUser(json('PATCH', `/api/v1/admin/users/${me!.id}`, adminCookie, { isActive: false }), params(me!.id));
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toBe('不能停用自己的账号');
  });
});

describe('API key administration', () => {
  it('issues a key shown once, which then works, and revokes it, both audited', async () => {
    expect((await issueKey(json('POST', '/api/v1/admin/api-keys', supervisorCookie, { departmentId }))).status).toBe(403);
    const issued = await issueKey(json('POST', '/api/v1/admin/api-keys', adminCookie, { departmentId, label: '门户网站 CMS' }));
    expect(issued.status).toBe(201);
    const { key, id } = (await issued.json()) as { key: string; id: number };
    expect((await findDepartmentByApiKey(sql, key))?.id).toBe(departmentId);

    expect((await revokeKey(json('DELETE', `/api/v1/admin/api-keys/${id}`, adminCookie), params(id))).status).toBe(200);
    expect(await findDepartmentByApiKey(sql, key)).toBeNull();
    expect((await revokeKey(json('DELETE', `/api/v1/admin/api-keys/${id}`, adminCookie), params(id))).status).toBe(409);
    expect((await auditOf('api_key', id)).map((row) => [row.actor, row.action])).toEqual([
      [`adm-${unique}`, 'create'],
      [`adm-${unique}`, 'revoke'],
    ]);
  });
});
