// GET /api/v1/rules – the rules that apply in the user's region, with scope, params, level, state and version;
// POST /api/v1/rules[?dryRun=1] {kind, name, scopeRegionCode, scopeDomain?, params, level, enabled} – a rule for
// the user's region or below, or the preview of what it would open and resolve
import { z } from 'zod';
import { requireApiUser } from '../../../_server/current-user';
import { canManageRule } from '../../../../lib/auth/permissions/manage-region';
import { getCalendar } from '../../../../lib/calendar/store/calendar-cache';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { apiError, forbidden } from '../../../../lib/http/errors';
import { readJson } from '../../../../lib/http/read-json';
import { refusalResponse } from '../../../../lib/http/refusal-response';
import { isCrossSiteRequest } from '../../../../lib/http/same-origin';
import { orUnavailable } from '../../../../lib/http/unavailable';
import { createRule, draftRule, newRuleSchema } from '../../../../lib/rules/store/create-rule';
import { findRuleView, listRulesForScope } from '../../../../lib/rules/store/list-rules';
import { previewRuleChange } from '../../../../lib/rules/store/preview-rule-change';
import { invalidateRules, loadRules } from '../../../../lib/rules/store/queries';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = orUnavailable('rules list failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request, 'manageRules');
  if (auth instanceof Response) return auth;
  // a region's rules are a few dozen at most: one page
  return Response.json({ data: await listRulesForScope(sql, auth.scope), next: null });
});

export const POST = orUnavailable('rule create failed', async (request: Request): Promise<Response> => {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, 'manageRules');
  if (auth instanceof Response) return auth;
  const body = await readJson(request, newRuleSchema, 20_000);
  if (!body.ok) return body.response;
  const isDryRun = ['1', 'true'].includes(new URL(request.url).searchParams.get('dryRun') ?? '');
  if (isDryRun) {
    let draft;
    try {
      draft = draftRule(body.data);
    } catch (error) {
      if (!(error instanceof z.ZodError)) throw error;
      return apiError(400, 'invalid_input', '规则参数有误，请检查标注的字段', Object.fromEntries(error.issues.map((i) => [i.path.join('.'), i.message])));
    }
    const [region] = await sql<{ path: string }[]>`select path from regions where code = ${draft.scopeRegionCode}`;
    if (!region) return apiError(422, 'unknown_reference', `区域 ${draft.scopeRegionCode} 不存在`);
    if (!canManageRule(auth.scope, region.path)) return forbidden('只能为本区域及下级区域设定规则');
    const [rules, calendar] = await Promise.all([loadRules(sql), getCalendar(sql)]);
    return Response.json(await previewRuleChange(sql, { rules, after: draft, calendar, at: now() }));
  }
  const result = await createRule(sql, { rule: body.data, scope: auth.scope, at: now() });
  if (!result.ok) return refusalResponse(result);
  invalidateRules();
  return Response.json(await findRuleView(sql, auth.scope, result.rule.id), { status: 201 });
});
