// (e) one sweep pass over the province-scale data when 1,000 obligations cross a threshold: the time of
// sweepObligations(…) for that pass (as the sweep worker runs it: batches of SWEEP_BATCH_SIZE until one comes
// back short). Runs on the run's copy of dw_province with the sweep worker stopped, so nothing races it.
import { sweepObligations, SWEEP_BATCH_SIZE, type SweepResult } from '../../lib/obligations/sweep-obligations';
import { countingSql } from '../lib/counting-sql';
import type { Harness } from '../lib/harness';
import type { LoadSnapshot } from '../lib/machine';
import { loadLine, type BenchResult } from '../lib/result';
import { median, ms, sleep } from '../lib/stats';
import type { Sql } from '../../lib/db/sql';

export interface SweepOptions {
  runs: number;
  obligations: number;
}

interface Pass {
  ms: number;
  batches: number;
  batchMs: number[];
  examined: number;
  changes: number;
}

type SweepFn = (sql: Sql, at: Date) => Promise<SweepResult>;

async function pass(sql: Sql, at: Date, maxBatches = 100, sweep: SweepFn = sweepObligations): Promise<Pass> {
  const batchMs: number[] = [];
  let examined = 0;
  let changes = 0;
  const t0 = performance.now();
  for (let i = 0; i < maxBatches; i += 1) {
    const b0 = performance.now();
    const result = await sweep(sql, at);
    batchMs.push(performance.now() - b0);
    examined += result.examined;
    changes += result.changes.length;
    if (!result.hasMore) break;
  }
  return { ms: performance.now() - t0, batches: batchMs.length, batchMs, examined, changes };
}

/** `n` open obligations far from any threshold now cross warn at `crossAt`. */
async function arm(h: Harness, n: number, at: Date, crossAt: Date, used: Set<number>): Promise<number> {
  const rows = await h.sql<{ id: number }[]>`
    select id from obligations
    where state = 'open' and level = 'none' and next_check_at > ${new Date(at.getTime() + 86_400_000)}
      and due_at > ${new Date(at.getTime() + 2 * 86_400_000)} and not (id = any(${[...used]}))
    order by id desc
    limit ${n}`;
  const ids = rows.map((r) => r.id);
  for (const id of ids) used.add(id);
  await h.sql`update obligations set warn_at = ${crossAt}, next_check_at = ${crossAt} where id = any(${ids})`;
  return ids.length;
}

const DUE_QUERY_EXPLAIN = `
  explain (analyze, buffers, costs off, timing on)
  with due as materialized (
    select * from obligations
    where state = 'open' and next_check_at is not null and next_check_at <= $1
    order by next_check_at
    limit $2
    for update skip locked
  )
  select o.id from due o
  join catalog_entries c on c.id = o.catalog_entry_id
  join regions r on r.code = o.region_code
  order by o.next_check_at`;

export async function runSweep(h: Harness, options: SweepOptions): Promise<BenchResult> {
  const started = performance.now();
  // the sweep worker would race the timed pass for the same rows
  await h.stopWorkers();
  const used = new Set<number>();
  const loads: LoadSnapshot[] = [];
  const passes: Pass[] = [];
  const emptyMs: number[] = [];
  let plan: string[] = [];
  let obligationsTotal = 0;
  const [{ n: openObligations } = { n: 0 }] = await h.sql<{ n: number }[]>`
    select count(*)::int as n from obligations where state = 'open'`;
  const [{ n: allObligations } = { n: 0 }] = await h.sql<{ n: number }[]>`select count(*)::int as n from obligations`;
  obligationsTotal = allObligations;

  for (let run = 1; run <= options.runs; run += 1) {
    const at = new Date();
    // catch up first (untimed): whatever crossed since the data was made
    const catchUp = await pass(h.sql, at, 1_000);
    for (let i = 0; i < 10; i += 1) emptyMs.push((await pass(h.sql, at)).ms);
    const armed = await arm(h, options.obligations, at, new Date(at.getTime() - 1_000), used);
    if (run === 1) {
      plan = await h.sql
        .begin(async (tx) => {
          const rows = await tx.unsafe(DUE_QUERY_EXPLAIN, [at, SWEEP_BATCH_SIZE]);
          throw Object.assign(new Error('rollback'), { rows });
        })
        .catch((error: { rows?: { 'QUERY PLAN': string }[] }) => (error.rows ?? []).map((r) => r['QUERY PLAN']));
    }
    await sleep(1_000);
    loads.push(await h.beforeRun());
    const p = await pass(h.sql, at);
    passes.push(p);
    h.log(
      `  (e) run ${run}: ${armed} armed, pass ${ms(p.ms)} in ${p.batches} batches (${p.batchMs.map((b) => b.toFixed(0)).join(' + ')} ms), ${p.examined} examined, ${p.changes} alerts changed; catch-up examined ${catchUp.examined}`,
    );
  }

  // statements per obligation, from a counting client (one more set of obligations, untimed)
  const counting = countingSql(h.db.appUrl);
  let perObligation = Number.NaN;
  let statements = Number.NaN;
  let top: [string, number][] = [];
  try {
    const at = new Date();
    await pass(counting.sql, at, 1_000);
    const armed = await arm(h, options.obligations, at, new Date(at.getTime() - 1_000), used);
    counting.reset();
    const p = await pass(counting.sql, at);
    statements = counting.count();
    perObligation = statements / Math.max(1, p.examined);
    top = counting.top(8);
    h.log(`  (e) ${statements} statements for ${p.examined} obligations (${armed} armed): ${perObligation.toFixed(3)} per obligation`);
  } finally {
    await counting.end();
  }

  const passMs = median(passes.map((p) => p.ms));
  const allChanged = passes.every((p) => p.changes === options.obligations && p.examined === options.obligations);
  return {
    id: 'e',
    title: 'one sweep pass, province data',
    status: 'done',
    rows: [
      {
        metric: `(e) sweep pass, ${options.obligations.toLocaleString('en')} obligations crossing, province data`,
        measured: `${ms(passMs, 0)} (${(passMs / options.obligations).toFixed(2)} ms per obligation)`,
        target: '≤ 50 ms',
        met: passMs <= 50 && allChanged,
      },
      { metric: '(e) sweep pass with nothing due', measured: ms(median(emptyMs), 2), target: '≈ 1 ms (DESIGN §2)', met: median(emptyMs) <= 5 },
    ],
    details: [
      `Setup: ${h.db.kind === 'province-copy' ? 'a copy of dw_province' : 'a seeded throwaway database'} with ${obligationsTotal.toLocaleString('en')} obligations (${openObligations.toLocaleString('en')} open), the sweep worker stopped. Per run, ${options.obligations.toLocaleString('en')} open obligations far from any threshold get warn_at = next_check_at = 1 s before \`at\`; then \`sweepObligations(sql, at)\` is called in batches of ${SWEEP_BATCH_SIZE} until one comes back short, as workers/sweep.ts does, and the whole pass is timed (alerts are opened in it; pushing them afterwards is not included).`,
      ...passes.map((p, i) => `- run ${i + 1}: ${ms(p.ms)} — batches ${p.batchMs.map((b) => ms(b, 0)).join(' + ')}; ${p.examined} examined, ${p.changes} alerts opened`),
      `Statements for a pass of ${options.obligations.toLocaleString('en')} crossings (counted by a postgres.js debug hook): ${statements}, ${perObligation.toFixed(3)} per obligation (the pass is set-based: a fixed number per batch of ${SWEEP_BATCH_SIZE}). Most frequent statements in that pass:`,
      '',
      '| times | statement (start) |',
      '|---:|---|',
      ...top.map(([text, n]) => `| ${n} | \`${text.replaceAll('|', '\\|')}\` |`),
      '',
      'EXPLAIN ANALYZE of the due-obligations query at the start of run 1 (rolled back):',
      '',
      '```',
      ...plan,
      '```',
      loadLine(loads),
    ],
    loads,
    raw: { options, passes, emptyMs, perObligation, statements, top, plan },
    finishedAt: new Date().toISOString(),
    durationS: (performance.now() - started) / 1000,
    database: h.db.name,
  };
}
