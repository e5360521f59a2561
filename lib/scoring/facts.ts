// What the model is computed from: per indicator, how many cases the month had and which of them failed,
// each failure pointing at the obligation, item, alert or complaint behind it.
import type { IndicatorKey } from './weights';

export interface FactRef {
  kind: 'obligation' | 'item' | 'alert' | 'complaint' | 'request';
  id: number;
  /** Where a reader can see the facts: the item replay (/items/:id) or the complaint (/complaints/:id). */
  itemId: number | null;
  complaintId: number | null;
  /** The request (/requests/:id); absent from breakdowns stored before requests were scored. */
  requestId?: number | null;
  /** zh-CN, one line: what happened. */
  label: string;
}

export interface IndicatorFacts {
  cases: number;
  failed: FactRef[];
}

export interface SubjectFacts {
  indicators: Record<IndicatorKey, IndicatorFacts>;
  /** Alerts that reached red (严重超期) in the month. */
  redAlerts: FactRef[];
  /** Complaints found substantiated (投诉属实) against the subject in the month, not withdrawn. */
  substantiatedComplaints: FactRef[];
}

export function emptyFacts(): SubjectFacts {
  const empty = (): IndicatorFacts => ({ cases: 0, failed: [] });
  return {
    indicators: {
      timeliness: empty(),
      completeness: empty(),
      complaintAccept: empty(),
      complaintReply: empty(),
      complaintSatisfaction: empty(),
      alertResponse: empty(),
      requestReply: empty(),
    },
    redAlerts: [],
    substantiatedComplaints: [],
  };
}

/** Adds one case; a failed one carries its reference. */
export function addCase(facts: SubjectFacts, key: IndicatorKey, failure: FactRef | null): void {
  const indicator = facts.indicators[key];
  indicator.cases += 1;
  if (failure) indicator.failed.push(failure);
}
