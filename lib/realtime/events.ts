// The one typed event map shared by the web server, the workers' Redis emitter and the browser.
import type { z } from 'zod';

// Alerts, complaints and scores arrive with their issues; the payloads are plain JSON objects.
export type AlertPayload = Record<string, unknown> & { id: number; seq: number };

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
  userId: number;
  username: string;
  rooms: string[];
}

export type { z };
