// A new rule for a narrower scope (a county's own deadline windows, a domain's completeness check switched
// off): the office does it itself. Version 1, its history row, its audit row and its owed re-evaluation in
// one transaction, as for a change.
import { z } from 'zod';
import { canManageRule } from '../../auth/permissions/manage-region';
import type { Scope } from '../../auth/scope';
import { recordAudit } from '../../audit/record-audit';
import { domainSchema } from '../../catalog/domains';
import type { Sql } from '../../db/sql';
import { oweJobs } from '../../jobs/owed-jobs';
import { refuse, type Refusal } from '../../refusal';
import { owedRuleReevaluation } from './reevaluate-job';
import { alertLevelSchema, parseRuleParams, ruleKindSchema, type Rule } from '../rule';

export const newRuleSchema = z.strictObject({
  kind: ruleKindSchema,
  name: z.string({ error: '请填写规则名称' }).trim().min(1, '请填写规则名称').max(200, '规则名称不超过 200 字'),
  scopeRegionCode: z.string({ error: '请选择适用区域' }).regex(/^[0-9]{6}$/, '区域代码应为 6 位数字'),
  scopeDomain: domainSchema.nullable().default(null),
  params: z.record(z.string(), z.unknown()).default({}),
  level: alertLevelSchema.default('orange'),
  enabled: z.boolean().default(true),
});
export type NewRule = z.infer<typeof newRuleSchema>;

/** A placeholder id for previewing a rule that does not exist yet (selectRule ranks equal scopes by id). */
export const UNSAVED_RULE_ID = 2 ** 31 - 1;

/** The rule as it would be; throws a ZodError (paths under params.) on bad params. */
export function draftRule(input: NewRule): Rule {
  let params: Rule['params'];
  try {
    params = parseRuleParams(input.kind, input.params);
  } catch (error) {
    if (error instanceof z.ZodError) throw new z.ZodError(error.issues.map((issue) => ({ ...issue, path: ['params', ...issue.path] })));
    throw error;
  }
  return {
    id: UNSAVED_RULE_ID,
    kind: input.kind,
    name: input.name,
    scopeRegionCode: input.scopeRegionCode,
    scopeDomain: input.scopeDomain,
    scopeEntryId: null,
    params,
    level: input.level,
    enabled: input.enabled,
    version: 1,
  } as Rule;
}

export type CreateRuleResult =
  | { ok: true; rule: Rule }
  | Refusal<'invalid' | 'out_of_scope' | 'conflict' | 'unknown_reference'>;

export async function createRule(sql: Sql, input: { rule: NewRule; scope: Scope; at: Date }): Promise<CreateRuleResult> {
  const { scope, at } = input;
  let draft: Rule;
  try {
    draft = draftRule(input.rule);
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    return refuse('invalid', '规则参数有误，请检查标注的字段', Object.fromEntries(error.issues.map((i) => [i.path.join('.'), i.message])));
  }
  return sql.begin(async (tx): Promise<CreateRuleResult> => {
    const [region] = await tx<{ path: string }[]>`select path from regions where code = ${draft.scopeRegionCode}`;
    if (!region) return refuse('unknown_reference', `区域 ${draft.scopeRegionCode} 不存在`, { scopeRegionCode: '区域不存在' });
    if (!canManageRule(scope, region.path)) return refuse('out_of_scope', '只能为本区域及下级区域设定规则');
    const [taken] = await tx`
      select 1 from rules where kind = ${draft.kind} and scope_region_code = ${draft.scopeRegionCode}
        and coalesce(scope_domain, '') = ${draft.scopeDomain ?? ''} and scope_entry_id is null`;
    if (taken) return refuse('conflict', '该区域和领域已有同类规则，请直接修改它');
    const [row] = await tx<{ id: number }[]>`
      insert into rules (kind, name, scope_region_code, scope_domain, params, level, enabled, version, created_at, updated_at)
      values (${draft.kind}, ${draft.name}, ${draft.scopeRegionCode}, ${draft.scopeDomain}, ${tx.json(draft.params as never)},
        ${draft.level}, ${draft.enabled}, 1, ${at}, ${at})
      returning id`;
    const rule = { ...draft, id: row!.id } as Rule;
    await tx`
      insert into rule_versions (rule_id, version, params, level, enabled, changed_by, changed_at)
      values (${rule.id}, 1, ${tx.json(rule.params as never)}, ${rule.level}, ${rule.enabled}, ${scope.username}, ${at})`;
    await recordAudit(tx, {
      actor: scope.username,
      entity: 'rule',
      entityId: rule.id,
      action: 'create',
      after: { kind: rule.kind, name: rule.name, scopeRegionCode: rule.scopeRegionCode, scopeDomain: rule.scopeDomain, params: rule.params, level: rule.level, enabled: rule.enabled },
    });
    await oweJobs(tx, [owedRuleReevaluation({ ruleId: rule.id, version: 1 })]);
    return { ok: true, rule };
  });
}
