// After a rule is saved: every subject it can govern is judged again under the saved rules, in batches of
// short transactions, and the alerts that change are returned for the worker to push (the wall updates
// live). Safe to run twice: each step brings a subject in line with the rules, and a second pass finds
// nothing left to change.
import type { AlertChange } from '../../alerts/apply-findings';
import { getCalendar } from '../../calendar/store/calendar-cache';
import { syncComplaintSla } from '../../complaints/sync-complaint-sla';
import type { Sql } from '../../db/sql';
import { checkItemIn } from '../../items/check-item';
import { invalidateRules, loadRules } from './queries';
import { resyncObligations } from './resync-obligations';
import { syncRequest } from '../../requests/sync-request';
import { isRequestRuleKind } from '../request-rule';
import { listComplaintSubjects, listDeadlineSubjects, listItemSubjects, listRequestSubjects } from './rule-subjects';

export async function reevaluateRule(sql: Sql, input: { ruleId: number; at: Date }): Promise<AlertChange[]> {
  // this process's cache may predate the save: read the rules themselves and drop the cache
  invalidateRules();
  const rules = await loadRules(sql);
  const rule = rules.find((candidate) => candidate.id === input.ruleId);
  if (!rule) return [];
  const changes: AlertChange[] = [];
  if (rule.kind === 'deadline') {
    const calendar = await getCalendar(sql);
    for (let afterId = 0; ; ) {
      const batch = await sql.begin(async (tx) => {
        const subjects = await listDeadlineSubjects(tx, rule, afterId);
        changes.push(...(await resyncObligations(tx, subjects, { rules, calendar, at: input.at })).changes);
        return subjects;
      });
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1]!.id;
    }
  } else if (rule.kind === 'completeness' || rule.kind === 'channel') {
    for (let afterId = 0; ; ) {
      const batch = await listItemSubjects(sql, rule, rule.kind, afterId);
      if (batch.length === 0) break;
      await sql.begin(async (tx) => {
        for (const item of batch) changes.push(...(await checkItemIn(tx, item.id, rules, input.at)));
      });
      afterId = batch[batch.length - 1]!.id;
    }
  } else if (rule.kind === 'complaint_sla') {
    // switching a check on or off acts on complaints now; running clocks keep the due times they started with
    const calendar = await getCalendar(sql);
    for (let afterId = 0; ; ) {
      const batch = await sql.begin(async (tx) => {
        const complaints = await listComplaintSubjects(tx, rule, { afterId, lock: true });
        for (const complaint of complaints) changes.push(...(await syncComplaintSla(tx, complaint, rules, calendar, input.at)));
        return complaints;
      });
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1]!.id;
    }
  } else if (isRequestRuleKind(rule.kind)) {
    // the reply's 20 working days are statutory; warn and severe thresholds and the confirm limit follow the rule
    const calendar = await getCalendar(sql);
    for (let afterId = 0; ; ) {
      const batch = await sql.begin(async (tx) => {
        const requests = await listRequestSubjects(tx, rule, { afterId, lock: true });
        for (const request of requests) changes.push(...(await syncRequest(tx, request, rules, calendar, input.at)));
        return requests;
      });
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1]!.id;
    }
  }
  return changes;
}
