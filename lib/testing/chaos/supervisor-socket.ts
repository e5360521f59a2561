// The supervisor's browser, reduced to what the suite measures: signed in through POST /api/v1/session, one
// socket.io connection (websocket, forceNew) to one web process, every alert:opened / alert:updated recorded
// by id, and on every (re)connect and every 30 s while connected `alerts:sync {afterSeq}` merged by id, as the
// wall does (app/(dashboard)/_wall/use-alert-wall.ts: from a little below the highest seq seen). When its web process
// goes away it reconnects to the other one, as a browser behind a load balancer would.
import { io as connect, type Socket } from 'socket.io-client';
import type { Alert } from '../../alerts/alert';
import { MAX_SYNC_ALERTS } from '../../alerts/queries';
import { SESSION_COOKIE_NAME } from '../../auth/session-cookie';
import type { ClientToServerEvents, ServerToClientEvents } from '../../realtime/events';

export type Delivery = 'push' | 'sync';

export interface SeenAlert {
  id: number;
  itemId: number | null;
  ruleKind: string;
  firstSeenAt: number;
  firstVia: Delivery;
  /** alert:opened pushes received for this id: more than one is a duplicate push. */
  openedPushes: number;
}

export interface SupervisorSocket {
  seen: Map<number, SeenAlert>;
  connects: { at: number; url: string }[];
  disconnects: { at: number; reason: string }[];
  syncs: { at: number; ok: boolean; count: number; truncated: boolean }[];
  /** Called for every alert received, pushed or synced. */
  onAlert: (listener: (alert: Alert, via: Delivery, receivedAt: number) => void) => void;
  /** The base URL connected to now, or null. */
  connectedTo: () => string | null;
  /** Drops the connection for `ms`, then reconnects (and syncs); resolves with the time it is connected again. */
  drop: (ms: number) => Promise<number>;
  close: () => void;
}

// as the wall: changes may arrive out of seq order, merging by id makes the overlap harmless
const SYNC_OVERLAP = 100;
const SYNC_TIMEOUT_MS = 15_000;
const RETRY_MS = 500;
// as the wall's periodic catch-up (CATCH_UP_INTERVAL_MS)
const CATCH_UP_INTERVAL_MS = 30_000;

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export async function signIn(baseUrl: string, credentials: { username: string; password: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${text.slice(0, 200)}`);
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE_NAME}=`));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startSupervisorSocket(options: {
  baseUrls: readonly string[];
  credentials: { username: string; password: string };
  log: (line: string) => void;
}): Promise<SupervisorSocket> {
  const { baseUrls, credentials, log } = options;
  const seen = new Map<number, SeenAlert>();
  const connects: SupervisorSocket['connects'] = [];
  const disconnects: SupervisorSocket['disconnects'] = [];
  const syncs: SupervisorSocket['syncs'] = [];
  const listeners: ((alert: Alert, via: Delivery, receivedAt: number) => void)[] = [];
  let cookie = await signIn(baseUrls[0]!, credentials);
  let socket: ClientSocket | null = null;
  let current = 0;
  let watermark = 0;
  let paused = false;
  let closed = false;
  let connecting: Promise<number> | null = null;

  const record = (alert: Alert, via: Delivery, event?: 'alert:opened' | 'alert:updated') => {
    const at = Date.now();
    watermark = Math.max(watermark, alert.seq);
    let entry = seen.get(alert.id);
    if (!entry) {
      entry = { id: alert.id, itemId: alert.itemId, ruleKind: alert.rule.kind, firstSeenAt: at, firstVia: via, openedPushes: 0 };
      seen.set(alert.id, entry);
    }
    if (event === 'alert:opened') entry.openedPushes += 1;
    for (const listener of listeners) listener(alert, via, at);
  };

  const sync = async (target: ClientSocket) => {
    for (let attempt = 1; attempt <= 5 && target.connected && !closed; attempt += 1) {
      try {
        const { alerts } = await target.timeout(SYNC_TIMEOUT_MS).emitWithAck('alerts:sync', { afterSeq: Math.max(0, watermark - SYNC_OVERLAP) });
        syncs.push({ at: Date.now(), ok: true, count: alerts.length, truncated: alerts.length >= MAX_SYNC_ALERTS });
        for (const alert of alerts) record(alert, 'sync');
        return;
      } catch {
        syncs.push({ at: Date.now(), ok: false, count: 0, truncated: false });
        await sleep(RETRY_MS);
      }
    }
  };

  const attempt = (url: string): Promise<ClientSocket | 'unauthenticated' | null> =>
    new Promise((resolve) => {
      const candidate: ClientSocket = connect(url, {
        forceNew: true,
        transports: ['websocket'],
        reconnection: false,
        timeout: 5_000,
        extraHeaders: { cookie },
      });
      candidate.once('connect', () => resolve(candidate));
      candidate.once('connect_error', (error) => {
        candidate.close();
        resolve(error.message === 'unauthenticated' ? 'unauthenticated' : null);
      });
    });

  // tries the web processes in turn, starting with `first`, until one takes the socket (or close())
  const connectLoop = (first: number): Promise<number> =>
    (connecting ??= (async () => {
      try {
        for (let tries = 0; !closed; tries += 1) {
          const index = (first + tries) % baseUrls.length;
          const url = baseUrls[index]!;
          const result = await attempt(url);
          if (result === 'unauthenticated') {
            // the session is in Postgres and should have survived; sign in again rather than give up
            log(`supervisor socket refused as unauthenticated by ${url}; signing in again`);
            cookie = await signIn(url, credentials).catch(() => cookie);
          } else if (result) {
            if (closed) {
              result.close();
              return Date.now();
            }
            socket = result;
            current = index;
            const at = Date.now();
            connects.push({ at, url });
            attach(result);
            void sync(result);
            return at;
          }
          await sleep(RETRY_MS);
        }
        return Date.now();
      } finally {
        connecting = null;
      }
    })());

  const attach = (target: ClientSocket) => {
    target.on('alert:opened', (alert) => record(alert, 'push', 'alert:opened'));
    target.on('alert:updated', (alert) => record(alert, 'push', 'alert:updated'));
    target.on('disconnect', (reason) => {
      disconnects.push({ at: Date.now(), reason });
      if (socket === target) socket = null;
      if (paused || closed) return;
      // the server went away or dropped us: the other web process first
      void connectLoop((current + 1) % baseUrls.length);
    });
  };

  await connectLoop(0);
  const catchUp = setInterval(() => {
    if (socket?.connected && !paused && !closed) void sync(socket);
  }, CATCH_UP_INTERVAL_MS);

  return {
    seen,
    connects,
    disconnects,
    syncs,
    onAlert: (listener) => listeners.push(listener),
    connectedTo: () => (socket?.connected ? baseUrls[current]! : null),
    drop: async (ms) => {
      paused = true;
      socket?.disconnect();
      socket = null;
      await sleep(ms);
      paused = false;
      return connectLoop(current);
    },
    close: () => {
      closed = true;
      clearInterval(catchUp);
      socket?.disconnect();
      socket = null;
    },
  };
}
