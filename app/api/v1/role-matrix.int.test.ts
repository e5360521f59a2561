// Every role against every role-restricted route handler (DESIGN §3's "who" column and the management
// routes beside it), through the real handlers: a role outside the row gets the role refusal (403 当前角色无权执行此操作)
// before anything is looked up; a role inside it gets past that gate (to a 400, 404 or an answer). The rows
// are written out here rather than read from lib/auth/permissions, so a route that asks the wrong question fails.
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createRegionTree, uniqueUsername } from '../../../lib/auth/test-fixtures';
import { ROLES, type Role } from '../../../lib/auth/roles';
import { createSession } from '../../../lib/auth/sessions';
import { sql } from '../../../lib/db/sql';
import * as apiKeyRoute from './admin/api-keys/[id]/route';
import * as apiKeysRoute from './admin/api-keys/route';
import * as passwordRoute from './admin/users/[id]/password/route';
import * as userRoute from './admin/users/[id]/route';
import * as usersRoute from './admin/users/route';
import * as ackRoute from './alerts/[id]/ack/route';
import * as assignRoute from './alerts/[id]/assign/route';
import * as assigneesRoute from './alerts/[id]/assignees/route';
import * as resolveRoute from './alerts/[id]/resolve/route';
import * as auditRoute from './audit/route';
import * as calendarRoute from './calendar/[year]/route';
import * as approvalRoute from './catalog/[id]/approval/route';
import * as retireRoute from './catalog/[id]/retire/route';
import * as versionsRoute from './catalog/[id]/versions/route';
import * as entriesRoute from './catalog/entries/route';
import * as exportRoute from './catalog/export/route';
import * as importRoute from './catalog/import/route';
import * as templateRoute from './catalog/template/route';
import * as complaintActionsRoute from './complaints/[id]/actions/route';
import * as complaintRoute from './complaints/[id]/route';
import * as targetsRoute from './complaints/[id]/targets/route';
import * as complaintsRoute from './complaints/route';
import * as disputeDecisionRoute from './disputes/[id]/decision/route';
import * as disputesRoute from './disputes/route';
import * as itemsRoute from './items/route';
import * as reportFileRoute from './reports/[id]/[file]/route';
import * as reportsRoute from './reports/route';
import * as requestActionsRoute from './requests/[id]/actions/route';
import * as requestRoute from './requests/[id]/route';
import * as requestsRoute from './requests/route';
import * as ruleRoute from './rules/[id]/route';
import * as ruleVersionsRoute from './rules/[id]/versions/route';
import * as rulesRoute from './rules/route';
import * as weightsRoute from './score-weights/route';
import * as scoresRoute from './scores/route';
import * as whatIfRoute from './scores/what-if/route';

const ORIGIN = 'http://127.0.0.1:3000';
const ROLE_REFUSAL = '当前角色无权执行此操作';
// an id no record has: a role that passes the gate meets a 404 or a 400, never a change
const NO_SUCH_ID = '999999999';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const A: Role = 'admin';
const S: Role = 'supervisor';
const L: Role = 'leader';
const H: Role = 'handler';
const D: Role = 'dept';

// [method, path, the handler, the roles DESIGN §3 (or the management pages) allow]
const ROUTES: [Method, string, unknown, Role[]][] = [
  ['POST', '/api/v1/items', itemsRoute.POST, [D]],
  ['POST', '/api/v1/alerts/:id/ack', ackRoute.POST, [S, A]],
  ['POST', '/api/v1/alerts/:id/resolve', resolveRoute.POST, [S, A]],
  ['POST', '/api/v1/alerts/:id/assign', assignRoute.POST, [S, A]],
  ['GET', '/api/v1/alerts/:id/assignees', assigneesRoute.GET, [S, A]],
  ['GET', '/api/v1/complaints', complaintsRoute.GET, [H, S, A, D]],
  ['GET', '/api/v1/complaints/:id', complaintRoute.GET, [H, S, A, D]],
  // supervisors and the admin: 催办 only (lib/auth/permissions/complaint-access.ts)
  ['POST', '/api/v1/complaints/:id/actions', complaintActionsRoute.POST, [H, D, S, A]],
  ['GET', '/api/v1/complaints/:id/targets', targetsRoute.GET, [H]],
  // 依申请公开: the disclosure office and the agency applied to; not the complaint desk nor leaders
  ['GET', '/api/v1/requests', requestsRoute.GET, [S, A, D]],
  ['GET', '/api/v1/requests/:id', requestRoute.GET, [S, A, D]],
  ['POST', '/api/v1/requests/:id/actions', requestActionsRoute.POST, [S, A, D]],
  ['POST', '/api/v1/disputes', disputesRoute.POST, [D]],
  ['GET', '/api/v1/disputes', disputesRoute.GET, [D, S, A]],
  ['POST', '/api/v1/disputes/:id/decision', disputeDecisionRoute.POST, [S, A]],
  ['GET', '/api/v1/scores', scoresRoute.GET, [L, S, A]],
  ['POST', '/api/v1/scores/what-if', whatIfRoute.POST, [A]],
  ['GET', '/api/v1/score-weights', weightsRoute.GET, [L, S, A]],
  ['PUT', '/api/v1/score-weights', weightsRoute.PUT, [A]],
  ['GET', '/api/v1/reports', reportsRoute.GET, [L, S, A]],
  ['POST', '/api/v1/reports', reportsRoute.POST, [L, S, A]],
  ['GET', '/api/v1/reports/:id/:file', reportFileRoute.GET, [L, S, A]],
  ['PUT', '/api/v1/calendar/:year', calendarRoute.PUT, [A]],
  ['GET', '/api/v1/rules', rulesRoute.GET, [S, A]],
  ['POST', '/api/v1/rules', rulesRoute.POST, [S, A]],
  ['PATCH', '/api/v1/rules/:id', ruleRoute.PATCH, [S, A]],
  ['GET', '/api/v1/rules/:id/versions', ruleVersionsRoute.GET, [S, A]],
  ['POST', '/api/v1/catalog/entries', entriesRoute.POST, [S, A]],
  ['GET', '/api/v1/catalog/export', exportRoute.GET, [S, A]],
  ['POST', '/api/v1/catalog/import', importRoute.POST, [S, A]],
  ['GET', '/api/v1/catalog/template', templateRoute.GET, [S, A]],
  ['POST', '/api/v1/catalog/:id/versions', versionsRoute.POST, [S, A]],
  ['POST', '/api/v1/catalog/:id/retire', retireRoute.POST, [S, A]],
  ['POST', '/api/v1/catalog/:id/approval', approvalRoute.POST, [S, A]],
  ['GET', '/api/v1/audit', auditRoute.GET, [A]],
  ['GET', '/api/v1/admin/users', usersRoute.GET, [A]],
  ['POST', '/api/v1/admin/users', usersRoute.POST, [A]],
  ['PATCH', '/api/v1/admin/users/:id', userRoute.PATCH, [A]],
  ['POST', '/api/v1/admin/users/:id/password', passwordRoute.POST, [A]],
  ['GET', '/api/v1/admin/api-keys', apiKeysRoute.GET, [A]],
  ['POST', '/api/v1/admin/api-keys', apiKeysRoute.POST, [A]],
  ['DELETE', '/api/v1/admin/api-keys/:id', apiKeyRoute.DELETE, [A]],
];

const cookies = {} as Record<Role, string>;

beforeAll(async () => {
  const regions = await createRegionTree(sql);
  const departmentId = await createDepartment(sql, regions.county.code);
  for (const role of ROLES) {
    const isDept = role === 'dept';
    const [row] = await sql<{ id: number }[]>`
      insert into users (username, display_name, password_hash, role, region_code, department_id, created_at, updated_at)
      values (${uniqueUsername(`rm-${role}`)}, '角色矩阵', 'not-a-login-account', ${role},
        ${isDept ? regions.county.code : regions.province.code}, ${isDept ? departmentId : null}, now(), now())
      returning id`;
    cookies[role] = `dw_session=${(await createSession(sql, { id: row!.id })).token}`;
  }
});

function requestFor(method: Method, path: string, role: Role): Request {
  const url = `${ORIGIN}${path.replace(':id', NO_SUCH_ID).replace(':year', '2099').replace(':file', 'report.pdf')}`;
  const headers: Record<string, string> = { cookie: cookies[role], host: '127.0.0.1:3000', 'x-dw-client-address': `10.9.${randomInt(0, 255)}.${randomInt(1, 255)}` };
  if (method === 'GET') return new Request(url, { headers });
  return new Request(url, { method, headers: { ...headers, origin: ORIGIN, 'content-type': 'application/json' }, body: '{}' });
}

const context = { params: Promise.resolve({ id: NO_SUCH_ID, year: '2099', file: 'report.pdf' }) };

async function isRefusedForRole(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  const body = (await response.json()) as { error?: { message?: string } };
  return body.error?.message === ROLE_REFUSAL;
}

describe('every role against every role-restricted route', () => {
  it.each(ROUTES)('%s %s', async (method, path, handler, allowed) => {
    const answers: Record<string, string> = {};
    for (const role of ROLES) {
      const response = await (handler as Handler)(requestFor(method, path, role), context);
      expect(response.status, `${role} is signed in`).not.toBe(401);
      answers[role] = (await isRefusedForRole(response)) ? 'refused' : 'passed';
    }
    expect(answers).toEqual(Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role) ? 'passed' : 'refused'])));
  });
});

describe('registering a complaint of any channel', () => {
  it('is the handler’s alone; anyone else signed in is treated as the public', async () => {
    const body = { channel: 'phone', content: '电话反映：环评批复一直没有公开，请尽快公开。', phone: '13812345678', regionId: '320105' };
    const answers: Record<string, number> = {};
    for (const role of ROLES) {
      const request = new Request(`${ORIGIN}/api/v1/complaints`, {
        method: 'POST',
        headers: { cookie: cookies[role], origin: ORIGIN, 'content-type': 'application/json', host: '127.0.0.1:3000', 'x-dw-client-address': `10.8.${randomInt(0, 255)}.${randomInt(1, 255)}` },
        body: JSON.stringify({ ...body, channel: 'phone', content: `${body.content}（${role}）` }),
      });
      answers[role] = (await complaintsRoute.POST(request)).status;
    }
    // the public may only file online (403); the handler's phone complaint is registered or refused on its merits
    expect(Object.fromEntries(ROLES.map((role) => [role, answers[role] === 403]))).toEqual({ admin: true, supervisor: true, leader: true, handler: false, dept: true });
  });
});
