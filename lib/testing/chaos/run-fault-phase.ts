// One fault phase: items stream in (mostly incomplete, so each accepted one owes exactly one alert), the fault
// is injected, the stream goes on a while, stops, and the suite waits (bounded) for the system to settle
// before it reads Postgres and compares with what the supervisor's socket saw.
import os from 'node:os';
import type { ChaosStack } from './chaos-stack';
import type { Fault, FaultRun, FaultTimings } from './faults';
import { createIngestClient } from './ingest-client';
import { completePayload, incompletePayload } from './item-payloads';
import { startPacedStream } from './paced-stream';
import { computePhaseFigures, missedGoals, type PhaseFigures, type SentItem, type StoredAlert } from './phase-figures';
import type { SupervisorSocket } from './supervisor-socket';

export interface PhaseOptions {
  rate: number;
  /** Streaming before the fault, and after it ended. */
  beforeMs: number;
  afterMs: number;
  /** Longest wait, once the stream stopped, for every owed alert to be stored and delivered. */
  settleMs: number;
  timings: FaultTimings;
}

export interface PhaseResult {
  fault: Fault;
  run: FaultRun;
  figures: PhaseFigures;
  missed: string[];
  /** How long the settle took, ms (settleMs when it did not settle). */
  settledInMs: number;
  /** Processes found dead after the phase and started again. */
  revived: string[];
  /** Fault end → /api/health 200 on every web process (faults of a dependency only; null: not within 60 s). */
  healthBackMs?: number | null;
  /** 1-minute load average at the phase's end: the machine is shared, and a busy one answers late. */
  load1: number;
}

const HEALTH_PROBE_LIMIT_MS = 60_000;

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Polls every web process's /api/health from the fault's end until all say 200. */
async function timeHealthBack(baseUrls: readonly string[], endedAt: number): Promise<number | null> {
  const pending = new Set(baseUrls);
  while (Date.now() - endedAt < HEALTH_PROBE_LIMIT_MS) {
    for (const url of [...pending]) if (await healthy(url)) pending.delete(url);
    if (pending.size === 0) return Date.now() - endedAt;
    await sleep(250);
  }
  return null;
}

// one in ten items is complete: it must stay without an alert
const COMPLETE_EVERY = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readStored(stack: ChaosStack, prefix: string): Promise<{ alerts: StoredAlert[]; externalIds: Set<string> } | null> {
  try {
    const pattern = `${prefix}%`;
    const alerts = await stack.adminSql<StoredAlert[]>`
      select a.id, a.rule_kind as "ruleKind", a.subject_type as "subjectType", a.subject_id as "subjectId",
        a.item_id as "itemId", a.state, i.external_id as "externalId"
      from alerts a join items i on i.id = a.item_id
      where i.external_id like ${pattern}`;
    const items = await stack.adminSql<{ externalId: string }[]>`
      select external_id as "externalId" from items where external_id like ${pattern}`;
    return { alerts: [...alerts], externalIds: new Set(items.map((row) => row.externalId)) };
  } catch {
    // Postgres away (its own fault phase): read again on the next round
    return null;
  }
}

const totalUnplannedExits = (stack: ChaosStack) =>
  [...stack.webs, ...stack.workers].reduce((sum, running) => sum + running.unplannedExits().length, 0);

export async function runFaultPhase(
  context: { stack: ChaosStack; supervisor: SupervisorSocket; runId: string; log: (line: string) => void },
  fault: Fault,
  options: PhaseOptions,
): Promise<PhaseResult> {
  const { stack, supervisor, runId, log } = context;
  const prefix = `chaos-${runId}-${fault.key}-`;
  const exitsBefore = totalUnplannedExits(stack);
  const client = createIngestClient(stack.baseUrls);
  const sent: SentItem[] = [];
  const departments = stack.world.departments;

  const stream = startPacedStream({
    rate: options.rate,
    call: async (n) => {
      const department = departments[n % departments.length]!;
      const externalId = `${prefix}${n}`;
      const expectsAlert = n % COMPLETE_EVERY !== COMPLETE_EVERY - 1;
      const payload = (expectsAlert ? incompletePayload : completePayload)(department, externalId, n + 1, new Date());
      const attempt = await client.post(department.apiKey, payload);
      sent.push({ externalId, expectsAlert, ...attempt });
    },
  });

  let run: FaultRun;
  let skipped: number;
  let healthBack: Promise<number | null> | undefined;
  try {
    await sleep(options.beforeMs);
    log(`  ${fault.title}…`);
    run = await fault.inject({ stack, supervisor, timings: options.timings, log });
    log(`  ${run.note}`);
    const ended = run.endedAt;
    healthBack = fault.probesHealth ? timeHealthBack(stack.baseUrls, ended) : undefined;
    await sleep(Math.max(0, ended + options.afterMs - Date.now()));
  } finally {
    ({ skipped } = await stream.stop());
    client.close();
  }

  // settle: every accepted incomplete item has its alert in Postgres and every alert has reached the socket
  const settleStarted = Date.now();
  let stored = await readStored(stack, prefix);
  for (;;) {
    if (stored) {
      const owed = new Set(sent.filter((item) => item.kind === 'accepted' && item.expectsAlert).map((item) => item.externalId));
      for (const alert of stored.alerts) owed.delete(alert.externalId);
      const undelivered = stored.alerts.filter((alert) => !supervisor.seen.has(alert.id)).length;
      if (owed.size === 0 && undelivered === 0) break;
    }
    if (Date.now() - settleStarted > options.settleMs) break;
    await sleep(1_000);
    stored = (await readStored(stack, prefix)) ?? stored;
  }
  const settledInMs = Date.now() - settleStarted;
  if (!stored) throw new Error(`${fault.key}: Postgres never answered the suite after the phase`);

  const figures = computePhaseFigures({
    sent,
    skipped,
    storedExternalIds: stored.externalIds,
    alerts: stored.alerts,
    seen: supervisor.seen,
    faultStartedAt: run.startedAt,
    faultEndedAt: run.endedAt,
    unplannedExits: totalUnplannedExits(stack) - exitsBefore,
  });
  const revived = await stack.reviveAll();
  const load1 = Math.round((os.loadavg()[0] ?? 0) * 10) / 10;
  return { fault, run, figures, missed: missedGoals(figures), settledInMs, revived, healthBackMs: await healthBack, load1 };
}
