// The one typed event map shared by the web server, the workers' Redis emitter and the browser.
import type { Alert } from '../alerts/alert';
import type { Scope } from '../auth/scope';

export type AlertPayload = Alert;

export interface ServerToClientEvents {
  'alert:opened': (alert: AlertPayload) => void;
  'alert:updated': (alert: AlertPayload) => void;
  'complaint:updated': (complaint: Record<string, unknown>) => void;
  'score:updated': (score: Record<string, unknown>) => void;
}

export interface ClientToServerEvents {
  'alerts:sync': (request: { afterSeq: number }, ack: (response: { alerts: AlertPayload[] }) => void) => void;
}

export interface SocketData {
  scope: Scope;
  rooms: string[];
}
