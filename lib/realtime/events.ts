// The one typed event map shared by the web server, the workers' Redis emitter and the browser.
import type { Alert } from '../alerts/alert';
import type { Scope } from '../auth/scope';
import type { ComplaintEventKind } from '../complaints/complaint';
import type { ComplaintSummary } from '../complaints/queries';
import type { ScoreChange } from '../scoring/recompute-scores';

export type AlertPayload = Alert;

/** A complaint changed: its summary with personal data masked, and the events the change recorded. */
export interface ComplaintUpdatePayload {
  complaint: ComplaintSummary;
  events: ComplaintEventKind[];
}

/** A department's or position's month score changed (only real changes are pushed). */
export type ScoreUpdatePayload = ScoreChange;

export interface ServerToClientEvents {
  'alert:opened': (alert: AlertPayload) => void;
  'alert:updated': (alert: AlertPayload) => void;
  'complaint:updated': (update: ComplaintUpdatePayload) => void;
  'score:updated': (score: ScoreUpdatePayload) => void;
}

export interface ClientToServerEvents {
  'alerts:sync': (request: { afterSeq: number }, ack: (response: { alerts: AlertPayload[] }) => void) => void;
}

export interface SocketData {
  scope: Scope;
  rooms: string[];
}
