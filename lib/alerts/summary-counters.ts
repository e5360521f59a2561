// The wall's counters between two fetches of the summary: each live change moves an alert out of its old
// place (level, state, domain, department) and into its new one, so the big numbers change the moment the
// row appears. Exact only when the alert's state before the change is known (alert:opened means "none",
// otherwise the browser must have seen the alert); the caller refetches the summary whenever a change is
// not exact, and replays on the fetched counts the changes newer than their asOfSeq. Changes may arrive
// out of seq order (several processes emit); staleness is per alert, which the caller checks.
import type { Alert } from './alert';
import type { AlertSummary, DepartmentCount, LevelCounts } from './alert-summary';
import type { Domain } from './labels';

export const emptyLevelCounts = (): LevelCounts => ({ yellow: 0, orange: 0, red: 0 });

/** Most alerts first, then most red, then the older department: the order of the summary query's `top`. */
export function compareDepartments(a: DepartmentCount, b: DepartmentCount): number {
  return b.total - a.total || b.byLevel.red - a.byLevel.red || a.departmentId - b.departmentId;
}

/**
 * What the counters need of an alert. `isOutsideFilter`: the wall's filter does not match it (its counters
 * count the alerts the list's filter matches, summaryFilterOf), so it is not counted whatever its state.
 */
export type CountedAlert = Pick<Alert, 'id' | 'seq' | 'level' | 'state' | 'domain' | 'departmentId' | 'departmentName' | 'regionId'> & {
  isOutsideFilter?: boolean;
};

/** A live change as the browser saw it; `before` undefined: the alert was never seen, so unknown. */
export interface ObservedChange {
  seq: number;
  before: CountedAlert | null | undefined;
  after: CountedAlert;
}

const isCounted = (alert: CountedAlert | null | undefined): alert is CountedAlert =>
  alert !== null && alert !== undefined && alert.state !== 'resolved' && alert.isOutsideFilter !== true;

function move(summary: AlertSummary, alert: CountedAlert, delta: 1 | -1, topLimit: number): boolean {
  let isExact = true;
  summary.total += delta;
  summary.byLevel[alert.level] += delta;
  summary.byState[alert.state as 'open' | 'acknowledged'] += delta;

  const domain = (alert.domain ?? 'other') as Domain;
  let domainCount = summary.byDomain.find((entry) => entry.domain === domain);
  if (!domainCount) {
    domainCount = { domain, total: 0, byLevel: emptyLevelCounts() };
    summary.byDomain.push(domainCount);
  }
  domainCount.total += delta;
  domainCount.byLevel[alert.level] += delta;

  const isListFull = summary.topDepartments.length >= topLimit;
  const department = summary.topDepartments.find((entry) => entry.departmentId === alert.departmentId);
  if (department) {
    department.total += delta;
    department.byLevel[alert.level] += delta;
    // a department outside a full list may now have more than this one
    if (delta < 0 && isListFull) isExact = false;
  } else if (delta > 0 && !isListFull) {
    // a list with room holds every department that has alerts: this one had none
    const byLevel = emptyLevelCounts();
    byLevel[alert.level] = 1;
    const { departmentId, departmentName, regionId } = alert;
    summary.topDepartments.push({ departmentId, departmentName, regionId, total: 1, byLevel });
  } else {
    // its count outside the list is unknown: it may belong in the list now
    isExact = false;
  }
  return isExact;
}

function cloneSummary(summary: AlertSummary): AlertSummary {
  return {
    ...summary,
    byLevel: { ...summary.byLevel },
    byState: { ...summary.byState },
    byDomain: summary.byDomain.map((entry) => ({ ...entry, byLevel: { ...entry.byLevel } })),
    topDepartments: summary.topDepartments.map((entry) => ({ ...entry, byLevel: { ...entry.byLevel } })),
  };
}

/**
 * The counters after one change. `isExact` false: the result may be off (the previous state was unknown,
 * or the department ranking may have changed) and the summary should be fetched again.
 */
export function applyAlertChange(
  summary: AlertSummary,
  change: ObservedChange,
  topLimit: number,
): { summary: AlertSummary; isExact: boolean } {
  // the fetched counts include every change up to asOfSeq (one snapshot, seqs in commit order)
  if (change.seq <= summary.asOfSeq) return { summary, isExact: true };
  if (change.before === undefined) return { summary, isExact: false };
  const next = cloneSummary(summary);
  let isExact = true;
  if (isCounted(change.before)) isExact = move(next, change.before, -1, topLimit) && isExact;
  if (isCounted(change.after)) isExact = move(next, change.after, 1, topLimit) && isExact;
  next.topDepartments = next.topDepartments
    .filter((entry) => entry.total > 0)
    .sort(compareDepartments)
    .slice(0, topLimit);
  return { summary: next, isExact };
}

/**
 * Freshly fetched counters, with the changes seen meanwhile that they do not include (seq above asOfSeq)
 * replayed in seq order; `log` keeps only those. `isExact` false: one of them cannot be replayed exactly.
 */
export function reconcileSummary(
  fetched: AlertSummary,
  log: readonly ObservedChange[],
  topLimit: number,
): { summary: AlertSummary; log: ObservedChange[]; isExact: boolean } {
  const pending = log.filter((change) => change.seq > fetched.asOfSeq).sort((a, b) => a.seq - b.seq);
  let summary = fetched;
  let isExact = true;
  for (const change of pending) {
    const applied = applyAlertChange(summary, change, topLimit);
    summary = applied.summary;
    isExact &&= applied.isExact;
  }
  return { summary, log: pending, isExact };
}
