// How many alerts a rule change would open and resolve, per department: the tally of the preview
// (store/preview-rule-change.ts), from outcomes judged by the rule-kind files (deadline-rule.ts,
// completeness-rule.ts, channel-rule.ts, complaint-sla-rule.ts) — the same judgements the workers then apply.

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
