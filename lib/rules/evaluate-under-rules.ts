// What a rule set finds on one subject, for previewing a rule change (dry run) and for the re-evaluation
// that applies it. Built only from the engine's own pieces — selectRule, deadlineParamsFor,
// recomputeObligationTimes, levelAt, evaluateCompleteness, missingChannels —
// so the preview counts what the workers will then do.
import type { Calendar } from '../calendar/calendar';
import { deadlineParamsFor } from '../obligations/obligation-plan';
import { levelAt } from '../deadlines/levels';
import { recomputeObligationTimes, type ObligationTimes, type StoredObligation } from '../deadlines/obligation-clock';
import { evaluateCompleteness, type CompletenessItem } from './evaluate-completeness';
import { missingChannels } from './evaluate-channels';
import type { Level } from './level';
import type { Rule } from './rule';
import { selectRule, type RuleSubject } from './select-rule';

export interface OpenObligationSubject extends StoredObligation, RuleSubject {}

export interface DeadlineFinding {
  /** Thresholds under the rules' params (null: an unmeasurable limit). */
  times: ObligationTimes | null;
  /** The alert level at `at`; 'none' also when no enabled deadline rule governs the obligation. */
  level: Level;
}

/** An open obligation under `rules` at `at`. */
export function deadlineFindingUnder(
  rules: readonly Rule[],
  calendar: Calendar,
  obligation: OpenObligationSubject,
  at: Date,
): DeadlineFinding {
  const times = recomputeObligationTimes(calendar, obligation, deadlineParamsFor(rules, obligation));
  const rule = selectRule(rules, 'deadline', obligation);
  const level = times && rule ? levelAt(times, at) : 'none';
  return { times, level };
}

export interface JudgedItem extends CompletenessItem, RuleSubject {
  orgCode: string;
  departmentName: string;
  requiredElements: readonly string[];
  requiredChannels: readonly string[];
  channels: readonly string[];
  publishedAt: Date | null;
  withdrawnAt: Date | null;
}

/** True when `rules` raise a completeness or channel finding on the item's current version. */
export function itemFindsUnder(rules: readonly Rule[], kind: 'completeness' | 'channel', item: JudgedItem): boolean {
  // judged on what was published, as check-item.ts does
  if (item.publishedAt === null || item.withdrawnAt !== null) return false;
  if (kind === 'channel') {
    return selectRule(rules, 'channel', item) !== null && missingChannels(item.channels, item.requiredChannels).length > 0;
  }
  const rule = selectRule(rules, 'completeness', item);
  if (!rule) return false;
  const findings = evaluateCompleteness({
    item,
    entry: { requiredElements: item.requiredElements },
    department: { orgCode: item.orgCode, name: item.departmentName },
    params: rule.params,
  });
  return findings.length > 0;
}

export interface SubjectOutcome {
  departmentId: number;
  /** An unresolved alert of this rule kind exists on the subject now. */
  hasAlert: boolean;
  /** The changed rules would have an alert on it. */
  findsAfter: boolean;
}

export interface DepartmentEffect {
  departmentId: number;
  wouldOpen: number;
  wouldResolve: number;
}

export interface RuleChangeEffect {
  wouldOpen: number;
  wouldResolve: number;
  /** Departments with something to open or resolve, the most affected first. */
  departments: DepartmentEffect[];
}

/** Counts alerts a change would open (none now, a finding after) and resolve (one now, none after). */
export function tallyRuleChange(outcomes: Iterable<SubjectOutcome>): RuleChangeEffect {
  const byDepartment = new Map<number, DepartmentEffect>();
  let wouldOpen = 0;
  let wouldResolve = 0;
  for (const outcome of outcomes) {
    const opens = !outcome.hasAlert && outcome.findsAfter;
    const resolves = outcome.hasAlert && !outcome.findsAfter;
    if (!opens && !resolves) continue;
    const entry = byDepartment.get(outcome.departmentId) ?? { departmentId: outcome.departmentId, wouldOpen: 0, wouldResolve: 0 };
    if (opens) {
      entry.wouldOpen += 1;
      wouldOpen += 1;
    } else {
      entry.wouldResolve += 1;
      wouldResolve += 1;
    }
    byDepartment.set(outcome.departmentId, entry);
  }
  const departments = [...byDepartment.values()].sort(
    (a, b) => b.wouldOpen + b.wouldResolve - (a.wouldOpen + a.wouldResolve) || a.departmentId - b.departmentId,
  );
  return { wouldOpen, wouldResolve, departments };
}
