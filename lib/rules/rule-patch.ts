// A change to a rule (PATCH /api/v1/rules/:id): new params, level or state. The params given are merged
// over the current ones and parsed with the kind's schema, so a typo (warnWorkingDay) is refused and a
// partial change keeps the rest.
import { z } from 'zod';
import { alertLevelSchema, parseRuleParams, type Rule } from './rule';

export const rulePatchSchema = z
  .strictObject(
    {
      params: z.record(z.string(), z.unknown(), { error: '规则参数必须是对象' }).optional(),
      level: alertLevelSchema.optional(),
      enabled: z.boolean({ error: '启用状态必须是 true 或 false' }).optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `不能修改：${issue.keys.join('、')}` : '请求体必须是对象') },
  )
  .refine((patch) => patch.params !== undefined || patch.level !== undefined || patch.enabled !== undefined, {
    message: '请至少修改一项：参数、级别或启用状态',
  });
export type RulePatch = z.infer<typeof rulePatchSchema>;

/** The rule as it would be after `patch`; throws a ZodError (zh-CN, paths under params.) on bad params. */
export function applyRulePatch(rule: Rule, patch: RulePatch): Rule {
  const params = patch.params === undefined ? rule.params : parseParams(rule, { ...rule.params, ...patch.params });
  return {
    ...rule,
    params,
    level: patch.level ?? rule.level,
    enabled: patch.enabled ?? rule.enabled,
  } as Rule;
}

function parseParams(rule: Rule, raw: Record<string, unknown>): Rule['params'] {
  try {
    return parseRuleParams(rule.kind, raw);
  } catch (error) {
    if (error instanceof z.ZodError) {
      throw new z.ZodError(error.issues.map((issue) => ({ ...issue, path: ['params', ...issue.path] })));
    }
    throw error;
  }
}

/** True when nothing would change (the save is then a no-op, not a new version). */
export function isSameRule(a: Rule, b: Rule): boolean {
  return a.level === b.level && a.enabled === b.enabled && JSON.stringify(a.params) === JSON.stringify(b.params);
}

/** `rules` with `changed` in place of the rule of the same id. */
export function replaceRule(rules: readonly Rule[], changed: Rule): Rule[] {
  return rules.map((rule) => (rule.id === changed.id ? changed : rule));
}
