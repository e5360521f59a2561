// The figures of one fault phase, from what the stream sent and heard back, what Postgres holds and what the
// supervisor's socket saw. Pure, so the definitions below are tested apart from any fault.
//
// - lost, unchecked: an accepted incomplete item with no completeness alert in Postgres after the settle time
// - lost, never delivered: an alert of the phase's items in Postgres the socket never saw, pushed or synced
// - duplicated: more than one unresolved alert per rule kind and subject in Postgres; and, apart, an alert id
//   pushed as alert:opened more than once
// - unexpected: an alert the fixture cannot explain (on a complete item, or of another rule kind)
// - recovery: fault end → the first alert delivered to the socket for an item sent after the fault ended
import { ANSWER_KINDS, BAD_ANSWER_KINDS, type AnswerKind } from './answer-kind';
import type { SeenAlert } from './supervisor-socket';

export interface SentItem {
  externalId: string;
  expectsAlert: boolean;
  kind: AnswerKind;
  itemId: number | null;
  failedOver: boolean;
  sentAt: number;
  answeredAt: number;
}

export interface StoredAlert {
  id: number;
  ruleKind: string;
  subjectType: string;
  subjectId: number;
  itemId: number | null;
  externalId: string;
  state: string;
}

export interface PhaseFigures {
  sent: number;
  /** Calls the stream skipped because too many were still unanswered. */
  skipped: number;
  accepted: number;
  answers: Record<AnswerKind, number>;
  failedOver: number;
  /** Items in Postgres whose post was not answered 201/200 (a 503 or a hang after the commit). */
  storedUnacknowledged: number;
  lostUnchecked: number;
  lostUndelivered: number;
  duplicatedUnresolved: number;
  duplicatedOpenedPushes: number;
  unexpectedAlerts: number;
  recoveryMs: number | null;
  /** Post sent → alert first seen on the socket, for accepted incomplete items, ms. */
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  /**
   * When the posts answered badly (hang, 500, …) were sent, relative to the fault's start, ms: the first and the
   * last. Tells an outage's answers from a machine too busy to answer in time.
   */
  badAnswersSentBetweenMs: [number, number] | null;
  /** Web or worker processes that exited by themselves during the phase. */
  unplannedExits: number;
  /** Examples of what was lost, for the report: external ids. */
  lostExamples: string[];
}

export const GOALS = { lost: 0, duplicated: 0, recoveryMs: 10_000 } as const;

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export function computePhaseFigures(input: {
  sent: readonly SentItem[];
  skipped: number;
  storedExternalIds: ReadonlySet<string>;
  alerts: readonly StoredAlert[];
  seen: ReadonlyMap<number, SeenAlert>;
  faultStartedAt: number;
  faultEndedAt: number;
  unplannedExits: number;
}): PhaseFigures {
  const { sent, alerts, seen, faultEndedAt } = input;
  const answers = Object.fromEntries(ANSWER_KINDS.map((kind) => [kind, 0])) as Record<AnswerKind, number>;
  for (const item of sent) answers[item.kind] += 1;
  const acceptedItems = sent.filter((item) => item.kind === 'accepted');
  const byExternalId = new Map(sent.map((item) => [item.externalId, item]));

  const completenessByExternalId = new Map<string, StoredAlert>();
  let unexpectedAlerts = 0;
  for (const alert of alerts) {
    const item = byExternalId.get(alert.externalId);
    if (alert.ruleKind === 'completeness' && item?.expectsAlert !== false) completenessByExternalId.set(alert.externalId, alert);
    else unexpectedAlerts += 1;
  }

  const lostExamples: string[] = [];
  let lostUnchecked = 0;
  for (const item of acceptedItems) {
    if (!item.expectsAlert || completenessByExternalId.has(item.externalId)) continue;
    lostUnchecked += 1;
    if (lostExamples.length < 5) lostExamples.push(item.externalId);
  }
  const lostUndelivered = alerts.filter((alert) => !seen.has(alert.id)).length;

  const unresolvedPerSubject = new Map<string, number>();
  for (const alert of alerts) {
    if (alert.state === 'resolved') continue;
    const key = `${alert.ruleKind}:${alert.subjectType}:${alert.subjectId}`;
    unresolvedPerSubject.set(key, (unresolvedPerSubject.get(key) ?? 0) + 1);
  }
  const duplicatedUnresolved = [...unresolvedPerSubject.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const phaseAlertIds = new Set(alerts.map((alert) => alert.id));
  let duplicatedOpenedPushes = 0;
  for (const entry of seen.values()) {
    if (phaseAlertIds.has(entry.id)) duplicatedOpenedPushes += Math.max(0, entry.openedPushes - 1);
  }

  let recoveryMs: number | null = null;
  const latencies: number[] = [];
  for (const alert of alerts) {
    const delivered = seen.get(alert.id);
    const item = byExternalId.get(alert.externalId);
    if (!delivered || !item) continue;
    if (item.kind === 'accepted' && alert.ruleKind === 'completeness') latencies.push(delivered.firstSeenAt - item.sentAt);
    if (item.sentAt >= faultEndedAt && delivered.firstSeenAt >= faultEndedAt) {
      const since = delivered.firstSeenAt - faultEndedAt;
      recoveryMs = recoveryMs === null ? since : Math.min(recoveryMs, since);
    }
  }

  const badSentAt = sent.filter((item) => BAD_ANSWER_KINDS.includes(item.kind)).map((item) => item.sentAt - input.faultStartedAt);
  return {
    sent: sent.length,
    skipped: input.skipped,
    accepted: acceptedItems.length,
    answers,
    failedOver: sent.filter((item) => item.failedOver).length,
    storedUnacknowledged: [...input.storedExternalIds].filter((id) => byExternalId.get(id)?.kind !== 'accepted').length,
    lostUnchecked,
    lostUndelivered,
    duplicatedUnresolved,
    duplicatedOpenedPushes,
    unexpectedAlerts,
    recoveryMs,
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: percentile(latencies, 95),
    badAnswersSentBetweenMs: badSentAt.length > 0 ? [Math.min(...badSentAt), Math.max(...badSentAt)] : null,
    unplannedExits: input.unplannedExits,
    lostExamples,
  };
}

/** The goals a phase missed, in words for the report; empty when it met them all. */
export function missedGoals(figures: PhaseFigures): string[] {
  const missed: string[] = [];
  const lost = figures.lostUnchecked + figures.lostUndelivered;
  if (lost > GOALS.lost) missed.push(`${lost} lost (${figures.lostUnchecked} unchecked, ${figures.lostUndelivered} never delivered)`);
  const duplicated = figures.duplicatedUnresolved + figures.duplicatedOpenedPushes;
  if (duplicated > GOALS.duplicated) {
    missed.push(`${duplicated} duplicated (${figures.duplicatedUnresolved} unresolved twice, ${figures.duplicatedOpenedPushes} pushed twice)`);
  }
  if (figures.recoveryMs === null) missed.push('never recovered');
  else if (figures.recoveryMs > GOALS.recoveryMs) missed.push(`recovery ${(figures.recoveryMs / 1000).toFixed(1)} s`);
  for (const kind of BAD_ANSWER_KINDS) {
    if (figures.answers[kind] > 0) missed.push(`${figures.answers[kind]} × ${kind}`);
  }
  if (figures.skipped > 0) missed.push(`${figures.skipped} posts skipped (too many unanswered)`);
  if (figures.unexpectedAlerts > 0) missed.push(`${figures.unexpectedAlerts} unexpected alerts`);
  if (figures.unplannedExits > 0) missed.push(`${figures.unplannedExits} processes exited by themselves`);
  return missed;
}
