// Default supervision rules (监督规则) for the whole province, plus one narrower deadline rule so that
// "the most specific scope wins" has something to choose between (DESIGN §1 Rule).
import type { Db } from '../lib/db/sql';
import { ruleFromRow } from '../lib/rules/store/queries';
import type { AlertLevel, Rule, RuleKind } from '../lib/rules/rule';
import { PROVINCE } from './geography';
import type { Domain } from './departments';

export interface RuleSeed {
  kind: RuleKind;
  name: string;
  scopeRegionCode: string | null;
  scopeDomain: Domain | null;
  params: Record<string, number>;
  level: AlertLevel;
}

export const DEFAULT_RULES: readonly RuleSeed[] = [
  {
    kind: 'deadline',
    name: '公开时限预警（全省默认）',
    scopeRegionCode: PROVINCE.code,
    scopeDomain: null,
    params: { warnWorkingDays: 3, severeWorkingDays: 10 },
    level: 'yellow',
  },
  {
    kind: 'completeness',
    name: '公开要素完整性检查（全省默认）',
    scopeRegionCode: PROVINCE.code,
    scopeDomain: null,
    params: {},
    level: 'orange',
  },
  {
    kind: 'channel',
    name: '公开渠道检查（全省默认）',
    scopeRegionCode: PROVINCE.code,
    scopeDomain: null,
    params: {},
    level: 'orange',
  },
  {
    kind: 'complaint_sla',
    name: '投诉办理时限（全省默认）',
    scopeRegionCode: PROVINCE.code,
    scopeDomain: null,
    // 12345 practice: assign within 1 working day, accept within 1, reply within 13
    params: { assignWorkingDays: 1, acceptWorkingDays: 1, replyWorkingDays: 13 },
    level: 'yellow',
  },
  {
    kind: 'deadline',
    name: '财政预决算公开时限预警',
    scopeRegionCode: PROVINCE.code,
    scopeDomain: 'budgets',
    // budgets run on 20 calendar days: warn earlier than the default
    params: { warnWorkingDays: 5, severeWorkingDays: 10 },
    level: 'yellow',
  },
  {
    kind: 'complaint_substantiated',
    name: '投诉属实违规（全省默认）',
    scopeRegionCode: PROVINCE.code,
    scopeDomain: null,
    params: {},
    level: 'orange',
  },
  // 依申请公开 (条例 Art. 30–33): the reply warns like a deadline; receipt is confirmed within 1 working day; the
  // applicant has 15 working days to correct
  {
    kind: 'request_reply',
    name: '依申请公开答复时限（全省默认）',
    scopeRegionCode: PROVINCE.code,
    scopeDomain: null,
    params: { warnWorkingDays: 3, severeWorkingDays: 10 },
    level: 'yellow',
  },
  {
    kind: 'request_confirm',
    name: '网上申请确认收到时限（全省默认）',
    scopeRegionCode: PROVINCE.code,
    scopeDomain: null,
    params: { confirmWorkingDays: 1, warnWorkingDays: 1, severeWorkingDays: 3 },
    level: 'yellow',
  },
  {
    kind: 'request_correction',
    name: '依申请公开补正期限（全省默认）',
    scopeRegionCode: PROVINCE.code,
    scopeDomain: null,
    params: { periodWorkingDays: 15, severeWorkingDays: 5 },
    level: 'orange',
  },
];

/** Inserts the rules whose scope has none yet; returns how many were added. */
export async function seedRules(sql: Db, at: Date): Promise<number> {
  const rows = DEFAULT_RULES.map((r) => ({
    kind: r.kind,
    name: r.name,
    scope_region_code: r.scopeRegionCode,
    scope_domain: r.scopeDomain,
    params: r.params,
    level: r.level,
    enabled: true,
    version: 1,
    created_at: at,
    updated_at: at,
  }));
  const inserted = await sql`
    insert into rules ${sql(rows, 'kind', 'name', 'scope_region_code', 'scope_domain', 'params', 'level', 'enabled', 'version', 'created_at', 'updated_at')}
    on conflict (kind, coalesce(scope_region_code, ''), coalesce(scope_domain, ''), coalesce(scope_entry_id, 0)) do nothing
    returning id`;
  return inserted.length;
}

/** The seeded defaults as rules, for planning without a database (tests). */
export function defaultRules(): Rule[] {
  return DEFAULT_RULES.map((r, i) =>
    ruleFromRow({
      id: i + 1,
      kind: r.kind,
      name: r.name,
      scope_region_code: r.scopeRegionCode,
      scope_domain: r.scopeDomain,
      scope_entry_id: null,
      params: r.params,
      level: r.level,
      enabled: true,
      version: 1,
    }),
  );
}
