// The soak: no faults, a long steady stream with the demo simulator's mix (lib/simulator/plan-publication.ts:
// on time, late, incomplete and fixed a minute later, formed and published later) over every pilot
// department and entry of the demo data (lib/simulator/publishers.ts), while the RSS of every
// process, the check queue's backlog and the ingest → socket latency are sampled.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { owedLag } from '../../jobs/owed-jobs';
import { planPublication } from '../../simulator/plan-publication';
import { pickPublication } from '../../simulator/publishers';
import { mulberry32 } from '../../../seeds/prng';
import type { ChaosStack } from './chaos-stack';
import { createIngestClient } from './ingest-client';
import { startPacedStream } from './paced-stream';
import { computeSoakVerdict, type LatencySample, type RssSample, type SoakVerdict } from './soak-figures';
import type { AnswerKind } from './answer-kind';
import type { SupervisorSocket } from './supervisor-socket';

export interface SoakOptions {
  minutes: number;
  rate: number;
  windowMinutes: number;
  log: (line: string) => void;
}

export interface SoakResult {
  startedAt: number;
  endedAt: number;
  options: Omit<SoakOptions, 'log'>;
  verdict: SoakVerdict;
  posts: number;
  answers: Partial<Record<AnswerKind, number>>;
  /** Alert changes pushed for our items that no post of the last 5 minutes explains (sweep crossings, …). */
  unmatchedDeliveries: number;
  /** How wide the stream was spread: departments published as, and their catalog entries. */
  spread: { departments: number; entries: number };
}

const SAMPLE_EVERY_MS = 10_000;
// a delivery this long after the post is not attributed to it
const MATCH_WITHIN_MS = 5 * 60_000;

export function readRssKiB(pid: number | null): number | undefined {
  if (!pid) return undefined;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((row) => row.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) : undefined;
  } catch {
    return undefined;
  }
}

/** CPU seconds a process has used (user + system), from /proc. */
function readCpuSeconds(pid: number | null | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    // the fields after the command name, which is in parentheses and may hold spaces
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

export async function runSoak(context: { stack: ChaosStack; supervisor: SupervisorSocket; runId: string }, options: SoakOptions): Promise<SoakResult> {
  const { stack, supervisor, runId } = context;
  const { log } = options;
  const client = createIngestClient(stack.baseUrls);
  const random = mulberry32(Date.now() % 2 ** 31);
  const samples: RssSample[] = [];
  const latencies: LatencySample[] = [];
  const answers: Partial<Record<AnswerKind, number>> = {};
  // item id → when its latest post was sent, until an alert change of that item is seen
  const pendingByItem = new Map<number, number>();
  const followUps = new Set<NodeJS.Timeout>();
  let unmatchedDeliveries = 0;
  let posts = 0;

  supervisor.onAlert((alert, via, receivedAt) => {
    if (via !== 'push' || alert.itemId === null) return;
    const sentAt = pendingByItem.get(alert.itemId);
    if (sentAt === undefined || receivedAt - sentAt > MATCH_WITHIN_MS) {
      unmatchedDeliveries += 1;
      return;
    }
    pendingByItem.delete(alert.itemId);
    latencies.push({ sentAt, ms: receivedAt - sentAt });
  });

  const post = async (apiKey: string, payload: Record<string, unknown>) => {
    posts += 1;
    const attempt = await client.post(apiKey, payload);
    answers[attempt.kind] = (answers[attempt.kind] ?? 0) + 1;
    if (attempt.itemId !== null) pendingByItem.set(attempt.itemId, attempt.sentAt);
  };

  const sample = async () => {
    const rssKiB: Record<string, number> = {};
    for (const running of [...stack.webs, ...stack.workers]) {
      const kib = readRssKiB(running.pid());
      if (kib !== undefined) rssKiB[running.name] = kib;
    }
    const redisKiB = readRssKiB(stack.redis.pid());
    if (redisKiB !== undefined) rssKiB['redis-server'] = redisKiB;
    const counts = await stack.checkQueueCounts();
    const lag = await owedLag(stack.adminSql).catch(() => null);
    samples.push({ at: Date.now(), rssKiB, waiting: counts?.waiting ?? null, unsentOwed: lag?.unsent ?? null, oldestOwedS: lag?.oldestSeconds ?? null });
  };

  const startedAt = Date.now();
  const endAt = startedAt + options.minutes * 60_000;
  let stopping = false;
  const { publishers } = stack.world;
  const stream = startPacedStream({
    rate: options.rate,
    call: async (n) => {
      const { publisher, entry } = pickPublication(random, publishers);
      const plan = planPublication(random, {
        entry,
        department: publisher.department,
        now: new Date(),
        externalId: `chaos-${runId}-soak-${n}`,
        serial: n + 1,
      });
      await post(publisher.key, plan.payload);
      const followUp = plan.followUp;
      if (!followUp || stopping) return;
      const timer = setTimeout(() => {
        followUps.delete(timer);
        if (stopping) return;
        const payload = followUp.publishOnSend ? { ...followUp.payload, publishedAt: new Date(Date.now() - 1_000).toISOString() } : followUp.payload;
        void post(publisher.key, payload);
      }, followUp.afterMs);
      followUps.add(timer);
    },
  });

  // the measuring process is on the same 2 cores: when its own event loop lags, latencies read late
  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();
  const processes = () => [...stack.webs, ...stack.workers].map((p) => ({ name: p.name, pid: p.pid() })).concat({ name: 'chaos runner', pid: process.pid });
  const cpuAtStart = new Map(processes().map((p) => [p.name, readCpuSeconds(p.pid)]));
  let nextReport = startedAt + 60_000;
  try {
    while (Date.now() < endAt) {
      await sample();
      if (Date.now() >= nextReport) {
        nextReport += 60_000;
        const last = samples.at(-1)!;
        const rss = Object.entries(last.rssKiB).map(([name, kib]) => `${name} ${Math.round(kib / 1024)} MB`).join(', ');
        log(
          `  soak ${Math.round((Date.now() - startedAt) / 60_000)}/${options.minutes} min: ${posts} posts, ${latencies.length} deliveries, ` +
            `waiting ${last.waiting ?? '?'}, owed unsent ${last.unsentOwed ?? '?'}, oldest owed ${last.oldestOwedS?.toFixed(1) ?? '?'} s; ${rss}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(SAMPLE_EVERY_MS, Math.max(0, endAt - Date.now()))));
    }
  } finally {
    stopping = true;
    for (const timer of followUps) clearTimeout(timer);
    await stream.stop();
    client.close();
  }
  loopDelay.disable();
  const cpu = processes()
    .map((p) => {
      const [before, after] = [cpuAtStart.get(p.name), readCpuSeconds(p.pid)];
      return before === undefined || after === undefined ? null : `${p.name} ${(((after - before) / options.minutes / 60) * 100).toFixed(0)}%`;
    })
    .filter(Boolean)
    .join(', ');
  log(`  CPU of one core over the soak: ${cpu}`);
  const reasons = [...new Set(supervisor.disconnects.map((d) => d.reason))].join(', ');
  log(
    `  supervisor socket: ${supervisor.connects.length} connects, ${supervisor.disconnects.length} disconnects${reasons ? ` (${reasons})` : ''}, ` +
      `${supervisor.syncs.filter((s) => s.ok).length} syncs (${supervisor.syncs.filter((s) => !s.ok).length} failed); ` +
      `this process's event-loop delay p50 ${(loopDelay.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms`,
  );
  const endedAt = Date.now();
  // windows over the planned stretch: the few seconds spent stopping make no window of their own
  const verdict = computeSoakVerdict({ startedAt, endedAt: endAt, windowMs: options.windowMinutes * 60_000, samples, latencies });
  return {
    startedAt,
    endedAt,
    options: { minutes: options.minutes, rate: options.rate, windowMinutes: options.windowMinutes },
    verdict,
    posts,
    answers,
    unmatchedDeliveries,
    spread: { departments: publishers.length, entries: publishers.reduce((sum, p) => sum + p.entries.length, 0) },
  };
}
