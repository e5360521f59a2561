// `npm run chaos [-- full|short|soak]`: brings the stack up, runs the fault phases or the soak, prints the
// figures, writes RELIABILITY.md (full and soak only; the short form is CI's and leaves the file alone), and
// takes everything down again, also on failure and on Ctrl-C. Resolves with the exit code: 0 when every goal
// was met.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { startChaosStack, type ChaosStack } from './chaos-stack';
import { describeMachine } from './describe-machine';
import { FAULTS, type FaultKey, type FaultTimings } from './faults';
import { replaceSection, renderFaultSection, renderSoakSection } from './reliability-report';
import { runFaultPhase, type PhaseOptions, type PhaseResult } from './run-fault-phase';
import { runSoak } from './run-soak';
import { startSupervisorSocket, type SupervisorSocket } from './supervisor-socket';

export type ChaosCommand =
  | { kind: 'full' | 'short'; rate?: number; only?: FaultKey[]; write: boolean; jsonFile?: string }
  | { kind: 'soak'; minutes: number; rate: number; windowMinutes?: number; write: boolean };

const RELIABILITY_FILE = 'RELIABILITY.md';

const FULL: { phase: PhaseOptions; faults: FaultKey[] } = {
  phase: {
    rate: 50,
    beforeMs: 10_000,
    afterMs: 20_000,
    // a worker killed mid-batch leaves its jobs locked: BullMQ hands them to the other worker once the lock
    // (30 s) has expired and its stalled-job check (every 30 s) has run
    settleMs: 90_000,
    timings: { restartAfterMs: 5_000, redisDownMs: 10_000, postgresDownMs: 10_000, socketDropMs: 60_000 },
  },
  faults: ['worker-kill', 'web-kill', 'redis-restart', 'postgres-restart', 'socket-drop'],
};

// CI: the kill and restart faults, about 100 posts each, a few minutes in all
const SHORT: { phase: PhaseOptions; faults: FaultKey[] } = {
  phase: {
    rate: 10,
    beforeMs: 3_000,
    afterMs: 4_000,
    settleMs: 75_000,
    timings: { restartAfterMs: 2_000, redisDownMs: 3_000, postgresDownMs: 3_000, socketDropMs: 0 } satisfies FaultTimings,
  },
  faults: ['worker-kill', 'web-kill', 'redis-restart', 'postgres-restart'],
};

const log = (line: string) => console.log(`[chaos] ${line}`);

function printPhase(result: PhaseResult): void {
  const f = result.figures;
  const a = f.answers;
  log(
    `${result.fault.key}: ${f.sent} posts, ${f.accepted} accepted; lost ${f.lostUnchecked} unchecked + ${f.lostUndelivered} never delivered; ` +
      `duplicated ${f.duplicatedUnresolved} + ${f.duplicatedOpenedPushes} pushed twice; recovery ${f.recoveryMs === null ? 'never' : `${(f.recoveryMs / 1000).toFixed(1)} s`}; ` +
      `answers: ${a.clear_503} clear 503, ${a.hang} hang, ${a.status_500} × 500, ${a.other_status + a.unclear_503} other, ${a.no_connection} no connection; ` +
      `${f.failedOver} failed over; p95 ${f.latencyP95Ms ?? '—'} ms` +
      (result.healthBackMs === undefined ? '' : `; health 200 after ${result.healthBackMs === null ? 'never' : `${(result.healthBackMs / 1000).toFixed(1)} s`}`) +
      (f.badAnswersSentBetweenMs ? `; bad answers to posts sent ${f.badAnswersSentBetweenMs.map((ms) => (ms / 1000).toFixed(1)).join('…')} s after the fault began` : '') +
      `; load ${result.load1}` +
      ` → ${result.missed.length === 0 ? 'goals met' : `MISSED: ${result.missed.join('; ')}`}`,
  );
}

async function waitConnected(supervisor: SupervisorSocket, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  while (!supervisor.connectedTo()) {
    if (Date.now() - started > timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

export async function runChaos(command: ChaosCommand): Promise<number> {
  const runId = randomBytes(3).toString('hex');
  const machine = describeMachine();
  let stack: ChaosStack | undefined;
  let supervisor: SupervisorSocket | undefined;
  let passed = false;
  let shuttingDown: Promise<void> | undefined;
  const shutdown = () =>
    (shuttingDown ??= (async () => {
      supervisor?.close();
      await stack?.close();
      if (stack && passed) rmSync(stack.logDir, { recursive: true, force: true });
      else if (stack) log(`process logs kept in ${stack.logDir}`);
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n[chaos] ${signal}: stopping everything…`);
    void shutdown().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const startedAt = Date.now();
    const restartAfterCrashMs = command.kind === 'short' ? SHORT.phase.timings.restartAfterMs : FULL.phase.timings.restartAfterMs;
    stack = await startChaosStack({ log, restartAfterCrashMs, world: command.kind === 'soak' ? 'demo' : 'faults' });
    supervisor = await startSupervisorSocket({ baseUrls: stack.baseUrls, credentials: stack.world.supervisor, log });
    log(`supervisor socket on ${supervisor.connectedTo()}`);

    if (command.kind === 'soak') {
      const windowMinutes = command.windowMinutes ?? (command.minutes >= 15 ? 5 : Math.max(1, Math.floor(command.minutes / 3)));
      log(`soak: ${command.minutes} min at ${command.rate} items/s, ${windowMinutes}-minute windows`);
      const result = await runSoak({ stack, supervisor, runId }, { minutes: command.minutes, rate: command.rate, windowMinutes, log });
      const { verdict } = result;
      for (const window of verdict.windows) {
        log(`  window ${window.index}: ${window.deliveries} deliveries, p50 ${window.p50Ms ?? '—'} ms, p95 ${window.p95Ms ?? '—'} ms, waiting ≤ ${window.maxWaiting ?? '—'}, owed unsent ≤ ${window.maxUnsentOwed ?? '—'}, oldest owed ≤ ${window.maxOldestOwedS?.toFixed(1) ?? '—'} s`);
      }
      log(`  RSS growth: ${Object.entries(verdict.rssGrowth).map(([name, growth]) => `${name} ${(growth * 100).toFixed(1)}%`).join(', ')}`);
      passed = verdict.memoryFlat && verdict.latencyFlat;
      log(`soak ${passed ? 'flat' : 'NOT flat'}: memory ${verdict.memoryFlat ? 'flat' : 'growing'}, latency ${verdict.latencyFlat ? 'flat' : 'climbing'}`);
      if (command.write) {
        const existing = existsSync(RELIABILITY_FILE) ? readFileSync(RELIABILITY_FILE, 'utf8') : null;
        writeFileSync(RELIABILITY_FILE, replaceSection(existing, 'soak', renderSoakSection({ result, machine })));
        log(`${RELIABILITY_FILE}: soak section written`);
      }
      return passed ? 0 : 1;
    }

    const plan = command.kind === 'full' ? FULL : SHORT;
    const phase: PhaseOptions = { ...plan.phase, rate: command.rate ?? plan.phase.rate };
    const keys = command.only ?? plan.faults;
    const phases: PhaseResult[] = [];
    for (const key of keys) {
      const fault = FAULTS.find((candidate) => candidate.key === key)!;
      if (!(await waitConnected(supervisor, 15_000))) log('  the supervisor socket is not connected at the start of this phase');
      log(`phase ${phases.length + 1}/${keys.length}: ${fault.title} (${phase.rate} items/s)`);
      const result = await runFaultPhase({ stack, supervisor, runId, log }, fault, phase);
      printPhase(result);
      phases.push(result);
    }
    passed = phases.every((result) => result.missed.length === 0);
    const endedAt = Date.now();
    const missedBy = phases.filter((result) => result.missed.length > 0).map((result) => result.fault.key);
    log(`${passed ? 'all goals met' : `GOALS MISSED (${missedBy.join(', ')})`} in ${((endedAt - startedAt) / 1000).toFixed(0)} s`);
    if (command.jsonFile) {
      // for scripts/test.mjs: one pass or fail per fault in the `N passed, N failed` line
      const summary = phases.map((result) => ({ key: result.fault.key, title: result.fault.title, missed: result.missed, figures: result.figures }));
      writeFileSync(command.jsonFile, JSON.stringify({ passed, seconds: Math.round((endedAt - startedAt) / 1000), phases: summary }, null, 2));
    }
    if (command.write && command.kind === 'full') {
      const existing = existsSync(RELIABILITY_FILE) ? readFileSync(RELIABILITY_FILE, 'utf8') : null;
      writeFileSync(RELIABILITY_FILE, replaceSection(existing, 'faults', renderFaultSection({ startedAt, endedAt, rate: phase.rate, machine, phases })));
      log(`${RELIABILITY_FILE}: fault section written`);
    }
    return passed ? 0 : 1;
  } finally {
    await shutdown();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
