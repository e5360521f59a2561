// 预览 (PATCH /api/v1/rules/:id?dryRun=1): how many alerts a change would open and resolve against live
// data, per department, without writing anything. The judgement is evaluate-under-rules.ts, which the
// re-evaluation job applies after a save.
import type { Calendar } from '../calendar/calendar';
import type { Db } from '../db/sql';
import {
  deadlineFindingUnder,
  itemFindsUnder,
  tallyRuleChange,
  type RuleChangeEffect,
  type SubjectOutcome,
} from './evaluate-under-rules';
import type { Rule } from './rule';
import { replaceRule } from './rule-patch';
import { listDeadlineSubjects, listItemSubjects } from './rule-subjects';

export interface DepartmentEffectView {
  departmentId: number;
  departmentName: string;
  regionName: string;
  wouldOpen: number;
  wouldResolve: number;
}

export interface RuleChangePreview {
  wouldOpen: number;
  wouldResolve: number;
  departments: DepartmentEffectView[];
  /** False for complaint SLA rules: complaints are judged by the complaint module, which this preview does not run. */
  isCovered: boolean;
}

/** The effect of `after` in place of the rule of its id in `rules` (or added to them, when new), judged at `at`. */
export async function previewRuleChange(
  db: Db,
  input: { rules: readonly Rule[]; after: Rule; calendar: Calendar; at: Date },
): Promise<RuleChangePreview> {
  const effect = tallyRuleChange(await outcomesOf(db, input));
  const names = await departmentNames(db, effect.departments.map((d) => d.departmentId));
  return {
    isCovered: input.after.kind !== 'complaint_sla',
    wouldOpen: effect.wouldOpen,
    wouldResolve: effect.wouldResolve,
    departments: effect.departments.map((d) => ({
      ...d,
      departmentName: names.get(d.departmentId)?.name ?? String(d.departmentId),
      regionName: names.get(d.departmentId)?.regionName ?? '',
    })),
  };
}

async function outcomesOf(
  db: Db,
  { rules, after, calendar, at }: { rules: readonly Rule[]; after: Rule; calendar: Calendar; at: Date },
): Promise<SubjectOutcome[]> {
  // a rule not saved yet joins the rules; a saved one replaces its current version
  const changed = rules.some((rule) => rule.id === after.id) ? replaceRule(rules, after) : [...rules, after];
  const outcomes: SubjectOutcome[] = [];
  if (after.kind === 'deadline') {
    for (let afterId = 0; ; ) {
      const batch = await listDeadlineSubjects(db, after, afterId);
      for (const subject of batch) {
        const finding = deadlineFindingUnder(changed, calendar, subject, at);
        outcomes.push({ departmentId: subject.departmentId, hasAlert: subject.hasAlert, findsAfter: finding.level !== 'none' });
      }
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1]!.id;
    }
  } else if (after.kind === 'completeness' || after.kind === 'channel') {
    for (let afterId = 0; ; ) {
      const batch = await listItemSubjects(db, after, after.kind, afterId);
      for (const item of batch) {
        outcomes.push({ departmentId: item.departmentId, hasAlert: item.hasAlert, findsAfter: itemFindsUnder(changed, after.kind, item) });
      }
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1]!.id;
    }
  }
  // complaint_sla: complaints are judged by the complaint module's SLA sweep; no preview yet
  return outcomes;
}

async function departmentNames(db: Db, ids: number[]): Promise<Map<number, { name: string; regionName: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db<{ id: number; name: string; region_name: string }[]>`
    select d.id, d.name, r.name as region_name from departments d join regions r on r.code = d.region_code
    where d.id in ${db(ids)}`;
  return new Map(rows.map((row) => [row.id, { name: row.name, regionName: row.region_name }]));
}

export type { RuleChangeEffect };
