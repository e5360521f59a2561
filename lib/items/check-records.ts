// The record of each check (migration 0050): which rule, at which version, judged the item's version and
// what it found, for 完整还原. Written set-based in the check's transaction.
import { RULE_KIND_LABELS } from '../alerts/labels';
import type { Db } from '../db/sql';
import type { Rule } from '../rules/rule';

export interface CheckVerdict {
  kind: 'completeness' | 'channel';
  ruleId: number | null;
  ruleName: string | null;
  ruleVersion: number | null;
  /** The alert's message when the rule found something; null when the item passed or was not judged. */
  finding: string | null;
}

export interface CheckRecord {
  itemId: number;
  itemVersion: number;
  judged: boolean;
  verdicts: CheckVerdict[];
}

export function verdictOf(kind: CheckVerdict['kind'], rule: Rule | null, finding: string | null): CheckVerdict {
  return { kind, ruleId: rule?.id ?? null, ruleName: rule?.name ?? null, ruleVersion: rule?.version ?? null, finding };
}

export async function recordChecks(tx: Db, records: readonly CheckRecord[], at: Date): Promise<void> {
  if (records.length === 0) return;
  await tx`
    insert into item_checks (item_id, item_version, at, judged, verdicts)
    select v.item_id, v.item_version, ${at}, v.judged::boolean, v.verdicts::jsonb
    from unnest(${records.map((r) => r.itemId)}::bigint[], ${records.map((r) => r.itemVersion)}::int[],
                -- as text: postgres.js sends an array of booleans as one boolean
                ${records.map((r) => String(r.judged))}::text[], ${records.map((r) => JSON.stringify(r.verdicts))}::text[])
      as v(item_id, item_version, judged, verdicts)`;
}

/** One line for the replay: the item's version and, per rule kind, the rule and version and what it found. */
export function describeCheck(record: Pick<CheckRecord, 'itemVersion' | 'judged' | 'verdicts'>): string {
  if (!record.judged) return `检查第 ${record.itemVersion} 版：未发布或已撤回，不检查要素与渠道`;
  const parts = record.verdicts.map((v) => {
    const label = RULE_KIND_LABELS[v.kind];
    if (v.ruleId === null) return `${label}：无适用规则`;
    return `${label}（「${v.ruleName}」第 ${v.ruleVersion} 版）：${v.finding ?? '通过'}`;
  });
  return `检查第 ${record.itemVersion} 版：${parts.join('；')}`;
}
