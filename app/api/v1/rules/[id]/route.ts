// PATCH /api/v1/rules/:id[?dryRun=1] {params?, level?, enabled?} – change a rule, or preview the change:
// {wouldOpen, wouldResolve, departments} against live data, nothing written
import { z } from 'zod';
import { requireRecordRequest, type RecordContext } from '../../../../_server/record-request';
import type { Scope } from '../../../../../lib/auth/scope';
import { getCalendar } from '../../../../../lib/calendar/store/calendar-cache';
import { now } from '../../../../../lib/clock';
import { sql } from '../../../../../lib/db/sql';
import { apiError, forbidden, notFound } from '../../../../../lib/http/errors';
import { refusalResponse } from '../../../../../lib/http/refusal-response';
import { orUnavailable } from '../../../../../lib/http/unavailable';
import { findRuleView } from '../../../../../lib/rules/store/list-rules';
import { previewRuleChange } from '../../../../../lib/rules/store/preview-rule-change';
import { invalidateRules, loadRules } from '../../../../../lib/rules/store/queries';
import { applyRulePatch, rulePatchSchema } from '../../../../../lib/rules/rule-patch';
import { updateRule } from '../../../../../lib/rules/store/update-rule';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const PATCH = orUnavailable('rule change failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { permission: 'manageRules', missing: '规则不存在', body: rulePatchSchema, maxBodyBytes: 20_000 });
  if (accepted instanceof Response) return accepted;
  const { auth, id, body } = accepted;
  const isDryRun = ['1', 'true'].includes(new URL(request.url).searchParams.get('dryRun') ?? '');
  if (isDryRun) return await preview(id, body, auth.scope);
  const result = await updateRule(sql, { ruleId: id, patch: body, scope: auth.scope, at: now() });
  if (!result.ok) return refusalResponse(result);
  invalidateRules();
  return Response.json(await findRuleView(sql, auth.scope, id));
});

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
