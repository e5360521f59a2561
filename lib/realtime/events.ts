// The one typed event map shared by the web server, the workers' Redis emitter and the browser.
import type { Alert } from '../alerts/alert';
import type { Scope } from '../auth/scope';
import type { ComplaintEventKind } from '../complaints/complaint';
import type { ComplaintSummary } from '../complaints/queries';
import type { RequestEventKind, RequestState } from '../requests/request';
import type { Level } from '../rules/level';
import type { ScoreChange } from '../scoring/store/recompute-scores';

export type AlertPayload = Alert;

/** A complaint changed: its summary with personal data masked, and the events the change recorded. */
export interface ComplaintUpdatePayload {
  complaint: ComplaintSummary;
  events: ComplaintEventKind[];
}

/**
 * A request for information (依申请公开) changed: who, where and how far — never the applicant, the description or
 * the reply (socket rooms mix roles; the queue and the page fetch the request when they need it).
 */
export interface RequestUpdatePayload {
  id: number;
  trackingCode: string;
  state: RequestState;
  level: Level;
  departmentId: number;
  regionId: string;
  dueAt: string | null;
  event: RequestEventKind | null;
}

/** A department's or position's month score changed (only real changes are pushed). */
export type ScoreUpdatePayload = ScoreChange;

/** Why a socket's session ended; the browser says 登录已失效 for every one of them. */
export type SessionEndReason = 'signed_out' | 'expired' | 'deactivated' | 'password_reset' | 'scope_changed' | 'revoked';

/** Sent just before the server disconnects a socket whose session ended: the browser goes to /login. */
export interface SessionEndedPayload {
  reason: SessionEndReason;
}

export interface ServerToClientEvents {
  'alert:opened': (alert: AlertPayload) => void;
  'alert:updated': (alert: AlertPayload) => void;
  'complaint:updated': (update: ComplaintUpdatePayload) => void;
  'request:updated': (update: RequestUpdatePayload) => void;
  'score:updated': (score: ScoreUpdatePayload) => void;
  'session:ended': (payload: SessionEndedPayload) => void;
}

/**
 * A refused socket request: `unauthenticated` when the session ended (the socket is disconnected right
 * after), `unavailable` when the answer could not be read (the client must not take it for "nothing new").
 */
export interface SocketRequestError {
  code: 'unauthenticated' | 'unavailable';
  message: string;
}

/** DESIGN §3's `{alerts}`, extended: a refused sync carries no alerts and says why. */
export interface AlertsSyncResponse {
  alerts: AlertPayload[];
  error?: SocketRequestError;
}

export interface ClientToServerEvents {
  'alerts:sync': (request: { afterSeq: number }, ack: (response: AlertsSyncResponse) => void) => void;
}

export interface SocketData {
  scope: Scope;
  rooms: string[];
  /** The session the socket was admitted with (SHA-256 of its token) and when it ends. */
  session: { tokenHash: string; expiresAt: Date };
}
