// The two paths (a) and (b) compare, driven the same way: `count` events at a steady `rate`, each timed from
// its send to its receipt by every client of the pool.
//  - ingest: POST /api/v1/items → item, events, obligation → check job → check worker → alert → emitter →
//    socket.io (Redis adapter) → clients; timed from the POST's send.
//  - bare: Queue.add → no-op worker → emitter → socket.io → clients; timed from Queue.add.
import type { ClientPool } from './clients';
import { startCpuMeter, type CpuGroups } from './cpu';
import type { Harness, IngestTarget } from './harness';
import { postItem } from './ingest';
import { runPaced } from './pacer';
import { sleep, summarize, wallNow, type Summary } from './stats';

export const BARE_QUEUE = 'bench-bare';

export interface StreamResult {
  rate: number;
  count: number;
  clients: number;
  /** Requests sent (fewer than count when sending stopped: too many in flight). */
  sent: number;
  /** Requests accepted (201 for ingest, added for bare). */
  accepted: number;
  failed: number;
  statuses: Record<string, number>;
  /** Receipts expected (accepted × clients) and received. */
  expected: number;
  received: number;
  /** Events every client received. */
  complete: number;
  overloaded: boolean;
  achievedRate: number;
  maxSendLagMs: number;
  latency: Summary;
  /** From the last send to the last receipt. */
  tailMs: number;
  /** Ingest only, where the time goes (client 0): POST round trip; send → check job start (the alert's
   * openedAt, the worker's clock); check job start → receipt. */
  segments?: { postResponse: Summary; toCheckStart: Summary; checkToReceipt: Summary };
  /** CPU ms by process group over the stream (send and delivery). */
  cpu?: Record<string, number>;
}

interface Receipts {
  keys: number[];
  times: number[];
}

/** Waits until `expected` receipts arrived, or nothing new came for `idleMs`, or `maxMs` passed. */
async function awaitReceipts(receipts: Receipts, expected: () => number, idleMs: number, maxMs: number): Promise<void> {
  const started = Date.now();
  let seen = receipts.keys.length;
  let lastProgress = Date.now();
  while (receipts.keys.length < expected() && Date.now() - started < maxMs) {
    await sleep(50);
    if (receipts.keys.length !== seen) {
      seen = receipts.keys.length;
      lastProgress = Date.now();
    } else if (Date.now() - lastProgress > idleMs) {
      break;
    }
  }
}

function finish(
  receipts: Receipts,
  sentAtByKey: Map<number, number>,
  clients: number,
  base: Omit<StreamResult, 'expected' | 'received' | 'complete' | 'latency' | 'tailMs' | 'clients'>,
  lastSendAt: number,
): StreamResult {
  const latencies: number[] = [];
  const perKey = new Map<number, number>();
  let lastReceipt = lastSendAt;
  for (let i = 0; i < receipts.keys.length; i += 1) {
    const key = receipts.keys[i]!;
    const sentAt = sentAtByKey.get(key);
    if (sentAt === undefined) continue;
    const at = receipts.times[i]!;
    latencies.push(at - sentAt);
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
    if (at > lastReceipt) lastReceipt = at;
  }
  let complete = 0;
  for (const n of perKey.values()) if (n >= clients) complete += 1;
  return {
    ...base,
    clients,
    expected: base.accepted * clients,
    received: latencies.length,
    complete,
    latency: summarize(latencies),
    tailMs: lastReceipt - lastSendAt,
  };
}

export async function ingestStream(
  h: Harness,
  pool: ClientPool,
  targets: readonly IngestTarget[],
  options: { rate: number; count: number; tag: string; idleMs?: number; maxWaitMs?: number; maxInFlight?: number; cpu?: CpuGroups },
): Promise<StreamResult> {
  const receipts: Receipts = { keys: [], times: [] };
  const firstClient: { itemId: number; openedAt: number; at: number }[] = [];
  pool.listen((event, alert, at, client) => {
    if (event === 'alert:opened' && alert.itemId !== null) {
      receipts.keys.push(alert.itemId);
      receipts.times.push(at);
      if (client === 0) firstClient.push({ itemId: alert.itemId, openedAt: Date.parse(alert.openedAt), at });
    }
  });
  const sentAtByKey = new Map<number, number>();
  const postResponse: number[] = [];
  const statuses: Record<string, number> = {};
  let accepted = 0;
  let lastSendAt = 0;
  const meter = options.cpu ? await startCpuMeter(options.cpu) : null;
  try {
    const paced = await runPaced({
      rate: options.rate,
      count: options.count,
      ...(options.maxInFlight ? { maxInFlight: options.maxInFlight } : {}),
      send: async (i) => {
        const outcome = await postItem(h.url, targets[i % targets.length]!, `${options.tag}-${i}`);
        lastSendAt = Math.max(lastSendAt, outcome.sentAt);
        statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
        if (outcome.ok && outcome.itemId !== null) {
          accepted += 1;
          sentAtByKey.set(outcome.itemId, outcome.sentAt);
          postResponse.push(outcome.respondedAt - outcome.sentAt);
        }
        return outcome.ok;
      },
    });
    await awaitReceipts(receipts, () => accepted * pool.size, options.idleMs ?? 10_000, options.maxWaitMs ?? 60_000);
    const cpu = meter ? await meter.stop() : undefined;
    const toCheckStart: number[] = [];
    const checkToReceipt: number[] = [];
    for (const r of firstClient) {
      const sentAt = sentAtByKey.get(r.itemId);
      if (sentAt === undefined) continue;
      toCheckStart.push(r.openedAt - sentAt);
      checkToReceipt.push(r.at - r.openedAt);
    }
    const result = finish(
      receipts,
      sentAtByKey,
      pool.size,
      {
        rate: options.rate,
        count: options.count,
        sent: paced.sent,
        accepted,
        failed: paced.failed + (options.count - paced.sent),
        statuses,
        overloaded: paced.overloaded,
        achievedRate: paced.achievedRate,
        maxSendLagMs: paced.maxLagMs,
      },
      lastSendAt,
    );
    return {
      ...result,
      ...(cpu ? { cpu } : {}),
      segments: {
        postResponse: summarize(postResponse),
        toCheckStart: summarize(toCheckStart),
        checkToReceipt: summarize(checkToReceipt),
      },
    };
  } finally {
    pool.listen(null);
  }
}

/** Keys of bare events start here so they never collide with real item ids. */
const BARE_KEY_BASE = 1_000_000_000;

export async function bareStream(
  h: Harness,
  pool: ClientPool,
  options: { rate: number; count: number; run: number; idleMs?: number; maxWaitMs?: number; cpu?: CpuGroups },
): Promise<StreamResult> {
  const receipts: Receipts = { keys: [], times: [] };
  pool.listen((event, alert, at) => {
    if (event === 'alert:opened' && alert.itemId !== null && alert.itemId >= BARE_KEY_BASE) {
      receipts.keys.push(alert.itemId);
      receipts.times.push(at);
    }
  });
  const queue = h.queue(BARE_QUEUE);
  const base = BARE_KEY_BASE + options.run * 1_000_000;
  const sentAtByKey = new Map<number, number>();
  let accepted = 0;
  let lastSendAt = 0;
  const statuses: Record<string, number> = {};
  const meter = options.cpu ? await startCpuMeter(options.cpu) : null;
  try {
    const paced = await runPaced({
      rate: options.rate,
      count: options.count,
      send: async (i) => {
        const key = base + i;
        const sentAt = wallNow();
        lastSendAt = Math.max(lastSendAt, sentAt);
        sentAtByKey.set(key, sentAt);
        try {
          await queue.add('bare', { k: key }, { removeOnComplete: true, removeOnFail: true });
          accepted += 1;
          statuses.added = (statuses.added ?? 0) + 1;
          return true;
        } catch {
          statuses.error = (statuses.error ?? 0) + 1;
          return false;
        }
      },
    });
    await awaitReceipts(receipts, () => accepted * pool.size, options.idleMs ?? 10_000, options.maxWaitMs ?? 60_000);
    const cpu = meter ? await meter.stop() : undefined;
    const result = finish(
      receipts,
      sentAtByKey,
      pool.size,
      {
        rate: options.rate,
        count: options.count,
        sent: paced.sent,
        accepted,
        failed: paced.failed + (options.count - paced.sent),
        statuses,
        overloaded: paced.overloaded,
        achievedRate: paced.achievedRate,
        maxSendLagMs: paced.maxLagMs,
      },
      lastSendAt,
    );
    return cpu ? { ...result, cpu } : result;
  } finally {
    pool.listen(null);
  }
}
