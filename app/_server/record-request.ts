// The prelude of a route handler acting on one record (/…/:id), in the contract's order: a cross-site
// write is refused (403) before anything else, then the session and role (401/403), then the id (404),
// and only then the JSON body is read (415/413/400). The cross-site check passes GET and HEAD by itself.
//
//   const accepted = await requireRecordRequest(request, context, { permission: 'administer', missing: '用户不存在' });
//   if (accepted instanceof Response) return accepted;
//   const { auth, id } = accepted;
import type { z } from 'zod';
import type { Permission } from '../../lib/auth/permissions/role-permissions';
import { forbidden, notFound } from '../../lib/http/errors';
import { readJson } from '../../lib/http/read-json';
import { recordIdSchema } from '../../lib/http/record-id';
import { isCrossSiteRequest } from '../../lib/http/same-origin';
import { requireApiUser, type CurrentUser } from './current-user';

export interface RecordContext {
  params: Promise<{ id: string }>;
}

interface RecordSpec {
  /** Who may act; any signed-in user when left out. */
  permission?: Permission;
  /** recordIdSchema when left out; alerts and complaints keep their own. */
  idSchema?: z.ZodType<number>;
  /** The zh-CN 404 message for an id that names no record, e.g. '预警不存在'. */
  missing: string;
}

interface BodySpec<Body extends z.ZodType> {
  body: Body;
  maxBodyBytes: number;
}

export interface AcceptedRecordRequest {
  auth: CurrentUser;
  id: number;
}

export function requireRecordRequest(
  request: Request,
  context: RecordContext,
  spec: RecordSpec & { body?: never },
): Promise<AcceptedRecordRequest | Response>;
export function requireRecordRequest<Body extends z.ZodType>(
  request: Request,
  context: RecordContext,
  spec: RecordSpec & BodySpec<Body>,
): Promise<(AcceptedRecordRequest & { body: z.output<Body> }) | Response>;
export async function requireRecordRequest(
  request: Request,
  context: RecordContext,
  spec: RecordSpec & Partial<BodySpec<z.ZodType>>,
): Promise<(AcceptedRecordRequest & { body?: unknown }) | Response> {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, spec.permission);
  if (auth instanceof Response) return auth;
  const id = (spec.idSchema ?? recordIdSchema).safeParse((await context.params).id);
  if (!id.success) return notFound(spec.missing);
  if (!spec.body) return { auth, id: id.data };
  const body = await readJson(request, spec.body, spec.maxBodyBytes);
  if (!body.ok) return body.response;
  return { auth, id: id.data, body: body.data };
}
