// (f) check throughput of one worker process: N check jobs for existing items of the province data are
// enqueued into the paused queue, the queue is resumed, and the time until it is drained gives items/s.
// With --profile the worker runs under --cpu-prof and the profile's heaviest functions are listed.
import { rmSync } from 'node:fs';
import { checkItem, checkItems } from '../../lib/items/check-item';
import { CHECK_BATCH, CHECK_CONCURRENCY } from '../../workers/check';
import { CHECK_QUEUE } from '../../lib/jobs/queues';
import os from 'node:os';
import { countingSql } from '../lib/counting-sql';
import { perItemLine, startCpuMeter, type CpuGroups } from '../lib/cpu';
import { newestProfile, profileMarkdown, summarizeProfile, type ProfileSummary } from '../lib/profile';
import type { Harness } from '../lib/harness';
import type { LoadSnapshot } from '../lib/machine';
import { loadLine, type BenchResult } from '../lib/result';
import { median, ms, sleep } from '../lib/stats';

export interface CheckOptions {
  runs: number;
  jobs: number;
  profile: boolean;
}

interface Drain {
  jobs: number;
  ms: number;
  itemsPerS: number;
  failed: number;
  cpu?: Record<string, number>;
}

/** Items not used by an earlier run: ids spread over the whole table (published and not, complete and not). */
async function pickItems(h: Harness, n: number, run: number): Promise<{ id: number; version: number }[]> {
  return h.sql<{ id: number; version: number }[]>`
    select id, version from items where id % 8 = ${run % 8} order by id limit ${n}`;
}

async function drainRun(h: Harness, items: { id: number; version: number }[], label: string, cpu?: CpuGroups): Promise<Drain> {
  const queue = h.queue(CHECK_QUEUE);
  await queue.pause();
  const failedBefore = (await queue.getJobCounts('failed')).failed ?? 0;
  for (let i = 0; i < items.length; i += 1000) {
    await queue.addBulk(
      items.slice(i, i + 1000).map((item) => ({
        name: 'check-item',
        data: { itemId: item.id, version: item.version },
        // as enqueueItemCheck, under job ids of their own so they never collide with ingest's
        opts: { jobId: `bench-${label}-${item.id}`, removeOnComplete: true, removeOnFail: 1000, attempts: 5, backoff: { type: 'exponential', delay: 200 } },
      })),
    );
  }
  const meter = cpu ? await startCpuMeter(cpu) : null;
  const t0 = performance.now();
  await queue.resume();
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (Object.values(counts).every((n) => n === 0)) break;
    await sleep(20);
  }
  const elapsed = performance.now() - t0;
  const used = meter ? await meter.stop() : undefined;
  const failed = ((await queue.getJobCounts('failed')).failed ?? 0) - failedBefore;
  return { jobs: items.length, ms: elapsed, itemsPerS: (items.length / elapsed) * 1000, failed, ...(used ? { cpu: used } : {}) };
}

export async function runCheck(h: Harness, options: CheckOptions): Promise<BenchResult> {
  const started = performance.now();
  // one worker process with the check queue only
  await h.ensureWorkers(['check']);
  const loads: LoadSnapshot[] = [];
  const runs: Drain[] = [];
  // warm-up
  await drainRun(h, await pickItems(h, 500, 7), `fwarm-${h.tag}`);
  for (let run = 1; run <= options.runs; run += 1) {
    const items = await pickItems(h, options.jobs, run);
    await sleep(1_500);
    loads.push(await h.beforeRun());
    // the web server idles here; the bench process only polls the queue
    const drained = await drainRun(h, items, `f${run}-${h.tag}`, h.cpuGroups({}, ['server', 'bench (HTTP + socket clients)']));
    runs.push(drained);
    h.log(`  (f) run ${run}: ${drained.jobs} jobs in ${ms(drained.ms, 0)} = ${drained.itemsPerS.toFixed(0)} items/s${drained.failed ? `, ${drained.failed} failed` : ''}`);
    if (drained.cpu) h.log(`      CPU: ${perItemLine(drained.cpu, drained.jobs, os.availableParallelism())}`);
  }

  // --profile: one more drain, with the worker under --cpu-prof (not timed: profiling slows it)
  let profile: ProfileSummary | null = null;
  let profiledJobs = 0;
  if (options.profile && h.profileDir) {
    const workers = await h.ensureWorkers(['check'], { profile: true });
    await drainRun(h, await pickItems(h, 300, 5), `fpwarm-${h.tag}`);
    const from = Date.now();
    const items = (await pickItems(h, options.jobs + 300, 5)).slice(300);
    profiledJobs = items.length;
    await drainRun(h, items, `fp-${h.tag}`);
    await h.stopWorkers();
    const file = newestProfile(h.profileDir, workers.pid);
    if (file) {
      profile = summarizeProfile(file, { skipMs: from - workers.startedAt });
      rmSync(file);
    }
  }

  // statements per check and the serial time of one check, in this process with a counting client
  const counting = countingSql(h.db.appUrl);
  let perCheck = Number.NaN;
  let serialMs = Number.NaN;
  let top: [string, number][] = [];
  let batchedMs = Number.NaN;
  let perBatchedCheck = Number.NaN;
  let batchedTop: [string, number][] = [];
  try {
    const items = await pickItems(h, 200, 6);
    for (const item of items.slice(0, 20)) await checkItem({ itemId: item.id }, { sql: counting.sql });
    counting.reset();
    const t0 = performance.now();
    for (const item of items.slice(20)) await checkItem({ itemId: item.id }, { sql: counting.sql });
    serialMs = (performance.now() - t0) / (items.length - 20);
    perCheck = counting.count() / (items.length - 20);
    top = counting.top(10);
    // the same items again in the worker's batches
    const rest = items.slice(20).map((item) => item.id);
    counting.reset();
    const b0 = performance.now();
    for (let i = 0; i < rest.length; i += CHECK_BATCH.maxSize) await checkItems(rest.slice(i, i + CHECK_BATCH.maxSize), { sql: counting.sql });
    batchedMs = (performance.now() - b0) / rest.length;
    perBatchedCheck = counting.count() / rest.length;
    batchedTop = counting.top(12);
  } finally {
    await counting.end();
  }

  h.log(`  (f) ${perCheck.toFixed(1)} statements per check; one check alone ${ms(serialMs, 2)}; in batches of ${CHECK_BATCH.maxSize}: ${perBatchedCheck.toFixed(2)} statements and ${ms(batchedMs, 3)} per item`);
  const rate = median(runs.map((r) => r.itemsPerS));
  const failed = runs.reduce((s, r) => s + r.failed, 0);
  return {
    id: 'f',
    title: 'check throughput, one worker process',
    status: 'done',
    rows: [
      {
        metric: '(f) check throughput, 1 worker process',
        measured: `${rate.toFixed(0)} items/s${failed ? ` (${failed} failed)` : ''}`,
        target: '≥ 2,000 items/s',
        met: rate >= 2000 && failed === 0,
      },
    ],
    details: [
      `Setup: ${options.jobs.toLocaleString('en')} check jobs per run for existing items spread over the whole items table (every 8th id: published or not, complete or not), added to the paused check queue with addBulk, then the queue resumed and timed until nothing waits or runs. One worker process, \`workers/index.ts check\` (concurrency ${CHECK_CONCURRENCY}, jobs checked in batches of up to ${CHECK_BATCH.maxSize} items, ${CHECK_BATCH.maxInFlight} batches in flight, pool of 10 connections). Re-checks of items opened their alerts here too.`,
      ...runs.map((r, i) => `- run ${i + 1}: ${r.jobs} jobs in ${ms(r.ms, 0)} → ${r.itemsPerS.toFixed(0)} items/s${r.failed ? `, ${r.failed} failed` : ''}`),
      ...runs.map((r, i) => (r.cpu ? `- CPU, run ${i + 1}: ${perItemLine(r.cpu, r.jobs, os.availableParallelism())}` : '')).filter(Boolean),
      `Statements per check (postgres.js debug hook, 180 items checked one after another in the bench process): ${perCheck.toFixed(1)}; one check alone takes ${ms(serialMs, 2)}. The same 180 items in the worker's batches of ${CHECK_BATCH.maxSize} (checkItems): ${perBatchedCheck.toFixed(2)} statements and ${ms(batchedMs, 3)} per item.`,
      '',
      '| times (180 checks one by one) | statement (start) |',
      '|---:|---|',
      ...top.map(([text, n]) => `| ${n} | \`${text.replaceAll('|', '\\|')}\` |`),
      '',
      `| times (180 checks in batches of ${CHECK_BATCH.maxSize}) | statement (start) |`,
      '|---:|---|',
      ...batchedTop.map(([text, n]) => `| ${n} | \`${text.replaceAll('|', '\\|')}\` |`),
      '',
      ...(profile ? profileMarkdown(`CPU profile of the check worker process (--cpu-prof, a separate drain of ${profiledJobs} jobs)`, profile, profiledJobs) : []),
      loadLine(loads),
    ],
    loads,
    raw: { options, runs, perCheck, serialMs, top, perBatchedCheck, batchedMs, batchedTop, profile },
    finishedAt: new Date().toISOString(),
    durationS: (performance.now() - started) / 1000,
    database: h.db.name,
  };
}
