// npm run bench [-- <benchmark>...] [--runs N] [--quick] [--no-profile] [--no-wait] [--quiet-wait S] [--report]
//
// Benchmarks of issue 3 (a–f) and issue 4 (g), written to BENCHMARKS.md and bench/results.json:
//   a, b  ingest → browser latency, and the bare real-time path in the same run (100 clients, 100/s, 30 s)
//   c     capacity: highest steady ingest rate with every alert delivered and p99 < 1 s (1 client)
//   d     deadline crossing → browser
//   e     one sweep pass over the province data with 1,000 obligations crossing
//   f     check throughput of one worker process
//   g     the alert wall's first load and the alert list API (once the wall exists)
//   h     scoring the province data in full (issue 6; bench/score.ts)
// After the measured runs of (a) and (f), server.ts and the workers run once more under --cpu-prof and their
// profiles go into BENCHMARKS.md (--no-profile skips that).
// Talks only to 127.0.0.1. Works on a throwaway copy of dw_province (waits for the province seed to finish
// if it is still loading), and removes every process, database and Redis key it made, also on Ctrl-C.
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanupAll, installSignalHandlers, onCleanup } from './lib/cleanup';
import {
  copyProvince,
  deleteRedisPrefix,
  newSuffix,
  PROVINCE_DB,
  REDIS_URL,
  seededDatabase,
  serverVersions,
  waitForProvince,
  type BenchDatabase,
} from './lib/databases';
import { closeIngestAgent } from './lib/ingest';
import { machineInfo, waitForQuiet } from './lib/machine';
import { buildId } from './lib/processes';
import { loadResults, mergeResults, ORDER, printTable, saveResults, writeBenchmarksMd, type RunInfo } from './lib/report';
import type { BenchResult } from './lib/result';

const USAGE = `usage: npm run bench [-- <a|b|c|d|e|f|g|h>...] [--runs N] [--quick] [--no-profile] [--no-wait] [--start-wait S] [--quiet-wait S] [--port N] [--from <database>] [--report]
  a, b   ingest → browser latency and the bare path (run together)
  c      capacity      d  deadline crossing      e  sweep pass      f  check throughput      g  alert wall      h  scoring`;

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    runs: { type: 'string', default: '3' },
    // CPU profiles of server.ts and the workers, in separate stretches after the measured runs
    'no-profile': { type: 'boolean', default: false },
    // a smoke run: 1 run, short streams (figures not for BENCHMARKS.md's targets)
    quick: { type: 'boolean', default: false },
    'no-wait': { type: 'boolean', default: false },
    port: { type: 'string', default: '3401' },
    // before each measured run, wait up to this many seconds for other work on the machine to calm down
    'quiet-wait': { type: 'string', default: '60' },
    // and before the first benchmark, up to this many seconds
    'start-wait': { type: 'string', default: '300' },
    // development: copy this database instead of dw_province
    from: { type: 'string' },
    // rewrite BENCHMARKS.md from bench/results.json (and bench/analysis.md) without measuring
    report: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowPositionals: true,
  strict: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.report) {
  const saved = loadResults();
  writeBenchmarksMd(saved);
  console.log(`${printTable(ORDER.map((id) => saved.results[id]).filter((r): r is NonNullable<typeof r> => !!r))}\n\nBENCHMARKS.md rewritten from bench/results.json.`);
  process.exit(0);
}
const aliases: Record<string, string> = { latency: 'a', bare: 'b', capacity: 'c', deadline: 'd', sweep: 'e', check: 'f', wall: 'g', score: 'h' };
const wanted = new Set((positionals.length > 0 ? positionals : ORDER).map((name) => aliases[name] ?? name));
const unknown = [...wanted].filter((name) => !ORDER.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}\n${USAGE}`);
  process.exit(2);
}
if (wanted.has('b')) wanted.add('a');
if (wanted.has('a')) wanted.add('b');
const runs = values.quick ? 1 : Math.max(1, Math.min(10, Number(values.runs) || 3));
const quick = values.quick;
const port = Number(values.port);

const log = (line: string) => console.log(line);
installSignalHandlers();

const suffix = newSuffix();
const redisPrefix = `dwbench:${suffix}:`;
// before any lib module reads the environment: everything on 127.0.0.1, under this run's prefix
Object.assign(process.env, { REDIS_URL, REDIS_PREFIX: redisPrefix, LOG_LEVEL: 'warn', NODE_ENV: 'production', ALLOW_CLOCK_CONTROL: 'false' });
onCleanup(`redis keys ${redisPrefix}*`, async () => {
  const n = await deleteRedisPrefix(redisPrefix);
  log(`  · removed ${n} Redis keys under ${redisPrefix}`);
});

const startedAt = new Date().toISOString();
const results: BenchResult[] = [];
let exitCode = 0;
try {
  const versions = await serverVersions();
  const machine = machineInfo(versions);
  log(`Disclosure Watch benchmarks — ${machine.nproc} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.postgres}, ${machine.redis}`);

  // the province data: wait for the seed when it is loading, copy it, or seed a small one of our own
  const status = values.from
    ? { exists: false, items: 0, loading: false, sessions: 0 }
    : await waitForProvince(values['no-wait'] ? 0 : 45 * 60_000, log);
  let db: BenchDatabase | null = null;
  if (values.from) {
    log(`Copying ${values.from}…`);
    db = await copyProvince(suffix, 60_000, log, values.from);
  } else if (status.exists && status.items >= 900_000 && !status.loading) {
    log(`Copying ${PROVINCE_DB} (${status.items.toLocaleString('en')} items)…`);
    db = await copyProvince(suffix, 5 * 60_000, log);
  } else {
    log(`  · ${PROVINCE_DB} is not ready (${status.exists ? `${status.items.toLocaleString('en')} items${status.loading ? ', loading' : ''}` : 'missing'})`);
  }
  db ??= await seededDatabase(50_000, log);
  log(`Database ${db.name}: ${db.items.toLocaleString('en')} items (${db.kind}, ready in ${(db.setupMs / 1000).toFixed(0)} s)`);
  process.env.DATABASE_URL = db.appUrl;
  process.env.DATABASE_ADMIN_URL = db.adminUrl;

  const startWait = Math.max(0, Number(values['start-wait']) || 0) * 1000;
  if (startWait > 0) {
    log('Waiting for the machine to quiet down…');
    const quiet = await waitForQuiet(startWait);
    log(`  · ${quiet.busy}% busy after ${(quiet.waitedMs / 1000).toFixed(0)} s`);
  }

  const { Harness } = await import('./lib/harness');
  const profileDir = !values['no-profile'] ? mkdtempSync(path.join(os.tmpdir(), 'dw-bench-prof-')) : undefined;
  if (profileDir) onCleanup('profile dir', () => rmSync(profileDir, { recursive: true, force: true }));
  const h = new Harness({
    db,
    redisPrefix,
    tag: suffix.replace(/_/g, ''),
    port,
    log,
    quietWaitMs: Math.max(0, Number(values['quiet-wait']) || 0) * 1000,
    ...(profileDir ? { profileDir } : {}),
  });

  const guard = async (id: string, title: string, run: () => Promise<BenchResult | BenchResult[]>) => {
    log(`\n(${id}) ${title}`);
    const t0 = performance.now();
    try {
      const out = await run();
      results.push(...(Array.isArray(out) ? out : [out]));
    } catch (error) {
      exitCode = 1;
      const message = (error as Error).stack ?? String(error);
      log(`  ✗ ${message}`);
      results.push({
        id,
        title,
        status: 'failed',
        rows: [{ metric: `(${id}) ${title}`, measured: 'failed', target: '', met: false }],
        details: ['```', message.slice(0, 3000), '```'],
        loads: [],
        raw: { error: message },
        finishedAt: new Date().toISOString(),
        durationS: (performance.now() - t0) / 1000,
        database: db?.name ?? '',
      });
    }
  };

  if (wanted.has('a')) {
    const { runLatency } = await import('./benchmarks/latency');
    await guard('a', 'ingest → browser latency, with (b) the bare path', async () => {
      const { a, b } = await runLatency(h, { runs, rate: 100, durationS: quick ? 5 : 30, clients: 100, lowRate: 25, lowDurationS: quick ? 4 : 20 });
      return [a, b];
    });
  }
  if (wanted.has('c')) {
    const { runCapacity } = await import('./benchmarks/capacity');
    await guard('c', 'capacity', () => runCapacity(h, { rates: [200, 400, 800, 1200, 1600, 2000, 2400], stepS: quick ? 3 : 10 }));
  }
  if (wanted.has('d')) {
    const { runDeadline } = await import('./benchmarks/deadline');
    await guard('d', 'deadline crossing → browser', () =>
      runDeadline(h, { runs, obligations: 100, clients: 100, massObligations: 1000 }),
    );
  }
  if (wanted.has('e')) {
    const { runSweep } = await import('./benchmarks/sweep');
    await guard('e', 'one sweep pass, province data', () => runSweep(h, { runs, obligations: 1000 }));
  }
  if (wanted.has('f')) {
    const { runCheck } = await import('./benchmarks/check');
    await guard('f', 'check throughput, one worker process', () => runCheck(h, { runs, jobs: quick ? 2_000 : 5_000, profile: !values['no-profile'] }));
  }
  if (wanted.has('g')) {
    const { runWall } = await import('./benchmarks/wall');
    await guard('g', 'alert wall (issue 4)', () => runWall(h, { requests: 50, loads: 5, minOpenAlerts: 10_000, burstOpenAlerts: 50_000 }));
  }

  if (wanted.has('h')) {
    const { runScore } = await import('./score');
    await guard('h', 'scoring the province data in full', () => runScore(h, { runs }));
  }

  log('\nCleaning up…');
  closeIngestAgent();
  await cleanupAll();

  const run: RunInfo = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine,
    database: { name: db.name, kind: db.kind, items: db.items, setupS: db.setupMs / 1000, notes: db.notes ?? [] },
    build: buildId(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).filter((a) => a !== '--').join(' ')}` : ''}`,
  };
  if (quick || values.from) {
    // smoke and development runs do not replace the figures of a full run
    for (const result of results) log(`\n### (${result.id}) ${result.title}\n${result.details.join('\n')}`);
    log(`\n${printTable(results)}\n\n(--quick / --from: BENCHMARKS.md not written)`);
  } else {
    const merged = mergeResults(loadResults(), run, results);
    saveResults(merged);
    writeBenchmarksMd(merged);
    log(`\n${printTable(results)}\n\nBENCHMARKS.md and bench/results.json written.`);
  }
} catch (error) {
  exitCode = 1;
  console.error((error as Error).stack ?? String(error));
} finally {
  await cleanupAll();
}
process.exit(exitCode);
