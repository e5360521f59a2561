// 预览 (PATCH /api/v1/rules/:id?dryRun=1): how many alerts a change would open and resolve against live
// data, per department, without writing anything. The judgements are the rule-kind files (deadline-rule.ts,
// completeness-rule.ts, channel-rule.ts, complaint-sla-rule.ts), which the workers apply after a save.
import { isDeepStrictEqual } from 'node:util';
import type { Calendar } from '../../calendar/calendar';
import { slaStatus } from '../../complaints/sla';
import type { Db } from '../../db/sql';
import { channelFinding } from '../channel-rule';
import { slaFinding } from '../complaint-sla-rule';
import { completenessFinding } from '../completeness-rule';
import { deadlineFinding } from '../deadline-rule';
import { tallyRuleChange, type RuleChangeEffect, type SubjectOutcome } from '../rule-change-effect';
import type { Rule } from '../rule';
import { replaceRule } from '../rule-patch';
import { statusOf } from '../../requests/sync-request';
import { isRequestRuleKind, PHASE_RULE_KINDS, requestFinding } from '../request-rule';
import { listComplaintSubjects, listDeadlineSubjects, listItemSubjects, listRequestSubjects } from './rule-subjects';

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
  /**
   * A complaint_sla change of time limits: a due time is set when its clock starts (受理, 派单, 重办 — 12345
   * practice), so new limits count from steps taken after the save; running clocks keep their due times.
   * The counts are what the change does to alerts now (switching a check on or off, its scope).
   */
  limitsApplyToNewComplaints: boolean;
}

/** The effect of `after` in place of the rule of its id in `rules` (or added to them, when new), judged at `at`. */
export async function previewRuleChange(
  db: Db,
  input: { rules: readonly Rule[]; after: Rule; calendar: Calendar; at: Date },
): Promise<RuleChangePreview> {
  const effect = tallyRuleChange(await outcomesOf(db, input));
  const names = await departmentNames(db, effect.departments.map((d) => d.departmentId));
  const before = input.rules.find((rule) => rule.id === input.after.id);
  return {
    limitsApplyToNewComplaints: input.after.kind === 'complaint_sla' && !isDeepStrictEqual(before?.params, input.after.params),
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
        const finding = deadlineFinding(changed, calendar, subject, at);
        outcomes.push({ departmentId: subject.departmentId, hasAlert: subject.hasAlert, findsAfter: finding.level !== 'none' });
      }
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1]!.id;
    }
  } else if (after.kind === 'completeness' || after.kind === 'channel') {
    const judge = after.kind === 'completeness' ? completenessFinding : channelFinding;
    for (let afterId = 0; ; ) {
      const batch = await listItemSubjects(db, after, after.kind, afterId);
      for (const item of batch) {
        outcomes.push({ departmentId: item.departmentId, hasAlert: item.hasAlert, findsAfter: judge(changed, item) !== null });
      }
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1]!.id;
    }
  } else if (after.kind === 'complaint_sla') {
    for (let afterId = 0; ; ) {
      const batch = await listComplaintSubjects(db, after, { afterId });
      for (const complaint of batch) {
        if (complaint.departmentId === null) continue; // never holds an alert
        const findsAfter = slaFinding(changed, complaint, slaStatus(calendar, complaint, at)) !== null;
        outcomes.push({ departmentId: complaint.departmentId, hasAlert: complaint.hasAlert, findsAfter });
      }
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1]!.id;
    }
  } else if (isRequestRuleKind(after.kind)) {
    for (let afterId = 0; ; ) {
      const batch = await listRequestSubjects(db, after, { afterId });
      for (const request of batch) {
        // the request's clock under the changed rules; only the phase this rule's kind watches counts
        const status = statusOf(request, changed, calendar, at);
        const finding = status.phase && PHASE_RULE_KINDS[status.phase] === after.kind ? requestFinding(changed, request.region_path, status) : null;
        outcomes.push({ departmentId: request.department_id, hasAlert: request.hasAlert, findsAfter: finding !== null });
      }
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1]!.id;
    }
  }
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
