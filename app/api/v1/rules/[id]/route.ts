// PATCH /api/v1/rules/:id[?dryRun=1] {params?, level?, enabled?} – change a rule, or preview the change:
// {wouldOpen, wouldResolve, departments} against live data, nothing written
import { z } from 'zod';
import { requireRecordRequest, type RecordContext } from '../../../../_server/record-request';
import { rolesThatCan } from '../../../../../lib/auth/permissions/role-permissions';
import type { Scope } from '../../../../../lib/auth/scope';
import { getCalendar } from '../../../../../lib/calendar/calendar-cache';
import { now } from '../../../../../lib/clock';
import { sql } from '../../../../../lib/db/sql';
import { apiError, forbidden, notFound } from '../../../../../lib/http/errors';
import { log } from '../../../../../lib/log';
import { findRuleView } from '../../../../../lib/rules/list-rules';
import { previewRuleChange } from '../../../../../lib/rules/preview-rule-change';
import { invalidateRules, loadRules } from '../../../../../lib/rules/queries';
import { applyRulePatch, rulePatchSchema } from '../../../../../lib/rules/rule-patch';
import { updateRule } from '../../../../../lib/rules/update-rule';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ERROR_CODES = { 400: 'invalid_input', 403: 'forbidden', 404: 'not_found' } as const;

export async function PATCH(request: Request, context: RecordContext): Promise<Response> {
  const accepted = await requireRecordRequest(request, context, { roles: rolesThatCan('manageRules'), missing: '规则不存在', body: rulePatchSchema, maxBodyBytes: 20_000 });
  if (accepted instanceof Response) return accepted;
  const { auth, id, body } = accepted;
  const isDryRun = ['1', 'true'].includes(new URL(request.url).searchParams.get('dryRun') ?? '');
  try {
    if (isDryRun) return await preview(id, body, auth.scope);
    const result = await updateRule(sql, { ruleId: id, patch: body, scope: auth.scope, at: now() });
    if (!result.ok) {
      return apiError(result.status, ERROR_CODES[result.status], result.message, result.fields);
    }
    invalidateRules();
    return Response.json(await findRuleView(sql, auth.scope, id));
  } catch (error) {
    log.error({ err: (error as Error).message }, 'rule change failed');
    return apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');
  }
}

async function preview(ruleId: number, patch: z.infer<typeof rulePatchSchema>, scope: Scope): Promise<Response> {
  const [rules, view, calendar] = await Promise.all([loadRules(sql), findRuleView(sql, scope, ruleId), getCalendar(sql)]);
  const before = rules.find((rule) => rule.id === ruleId);
  if (!before || !view) return notFound(`规则 ${ruleId} 不存在`);
  if (!view.canEdit) return forbidden('该规则不在您的管理范围内');
  let after;
  try {
    after = applyRulePatch(before, patch);
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    const fields = Object.fromEntries(error.issues.map((issue) => [issue.path.join('.'), issue.message]));
    return apiError(400, 'invalid_input', '规则参数有误，请检查标注的字段', fields);
  }
  return Response.json(await previewRuleChange(sql, { rules, after, calendar, at: now() }));
}
