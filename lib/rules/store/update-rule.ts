// Saving a rule change (PATCH /api/v1/rules/:id): the new version, its history row and its audit row in one
// transaction, with the re-evaluation it makes owed (reevaluate-job.ts), so alerts follow at once.
import { z } from 'zod';
import { canManageRule } from '../../auth/permissions/manage-region';
import type { Scope } from '../../auth/scope';
import { recordAudit } from '../../audit/record-audit';
import type { Sql } from '../../db/sql';
import { oweJobs } from '../../jobs/owed-jobs';
import { refuse, type Refusal } from '../../refusal';
import { ruleFromRow } from './queries';
import { owedRuleReevaluation } from './reevaluate-job';
import type { Rule } from '../rule';
import { applyRulePatch, isSameRule, type RulePatch } from '../rule-patch';

export type UpdateRuleResult =
  | { ok: true; rule: Rule; changed: boolean }
  | Refusal<'invalid' | 'out_of_scope' | 'not_found'>;

const snapshot = (rule: Rule) => ({ params: rule.params, level: rule.level, enabled: rule.enabled, version: rule.version });

export async function updateRule(
  sql: Sql,
  input: { ruleId: number; patch: RulePatch; scope: Scope; at: Date },
): Promise<UpdateRuleResult> {
  const { ruleId, patch, scope, at } = input;
  return sql.begin(async (tx): Promise<UpdateRuleResult> => {
    const [row] = await tx<(Parameters<typeof ruleFromRow>[0] & { region_path: string | null; updated_at: Date })[]>`
      select u.id, u.kind, u.name, u.scope_region_code, u.scope_domain, u.scope_entry_id, u.params, u.level,
        u.enabled, u.version, u.updated_at, r.path as region_path
      from rules u left join regions r on r.code = u.scope_region_code
      where u.id = ${ruleId}
      for update of u`;
    if (!row) return refuse('not_found', `规则 ${ruleId} 不存在`);
    if (!canManageRule(scope, row.region_path)) return refuse('out_of_scope', '该规则不在您的管理范围内');
    const before = ruleFromRow(row);
    let after: Rule;
    try {
      after = applyRulePatch(before, patch);
    } catch (error) {
      if (!(error instanceof z.ZodError)) throw error;
      const fields = Object.fromEntries(error.issues.map((issue) => [issue.path.join('.'), issue.message]));
      return refuse('invalid', '规则参数有误，请检查标注的字段', fields);
    }
    if (isSameRule(before, after)) return { ok: true, rule: before, changed: false };
    const saved = { ...after, version: before.version + 1 } as Rule;
    await tx`
      update rules set params = ${tx.json(saved.params as never)}, level = ${saved.level}, enabled = ${saved.enabled},
        version = ${saved.version}, updated_at = ${at}
      where id = ${ruleId}`;
    // the version being replaced is recorded too when it predates the history (seeded rules)
    await tx`
      insert into rule_versions (rule_id, version, params, level, enabled, changed_by, changed_at)
      values (${ruleId}, ${before.version}, ${tx.json(before.params as never)}, ${before.level}, ${before.enabled},
        'system', ${row.updated_at})
      on conflict do nothing`;
    await tx`
      insert into rule_versions (rule_id, version, params, level, enabled, changed_by, changed_at)
      values (${ruleId}, ${saved.version}, ${tx.json(saved.params as never)}, ${saved.level}, ${saved.enabled},
        ${scope.username}, ${at})`;
    await recordAudit(tx, {
      actor: scope.username,
      entity: 'rule',
      entityId: ruleId,
      action: patch.enabled !== undefined && patch.enabled !== before.enabled ? (patch.enabled ? 'enable' : 'disable') : 'update',
      before: snapshot(before),
      after: snapshot(saved),
    });
    await oweJobs(tx, [owedRuleReevaluation({ ruleId: saved.id, version: saved.version })]);
    return { ok: true, rule: saved, changed: true };
  });
}
