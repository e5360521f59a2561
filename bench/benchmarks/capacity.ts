// (c) capacity: the highest steady ingest rate at which, with one client, every alert arrives and p99 stays
// under 1 s. Rates step up until one fails, then one step between the last pass and the first failure.
import os from 'node:os';
import { connectClients } from '../lib/clients';
import { perItemLine } from '../lib/cpu';
import type { Harness } from '../lib/harness';
import type { LoadSnapshot } from '../lib/machine';
import { check, loadLine, type BenchResult } from '../lib/result';
import { median, ms, sleep } from '../lib/stats';
import { ingestStream, type StreamResult } from '../lib/streams';
import { allDelivered } from './latency';

export interface CapacityOptions {
  rates: number[];
  stepS: number;
}

interface Step {
  rate: number;
  passed: boolean;
  why: string;
  result: StreamResult;
}

export async function runCapacity(h: Harness, options: CapacityOptions): Promise<BenchResult> {
  const started = performance.now();
  await h.ensureServer();
  await h.ensureWorkers(['check', 'sweep', 'maintenance']);
  const targets = await h.ingestTargets();
  const pool = await connectClients(h.url, await h.sessions(1));
  const steps: Step[] = [];
  const loads: LoadSnapshot[] = [];
  // this machine is shared: a failure gets one more try, after waiting for the machine to quiet down
  const tryRate = async (rate: number): Promise<Step> => {
    const first = await tryRateOnce(rate);
    if (first.passed) return first;
    h.log(`  (c) ${rate}/s failed; trying it once more`);
    return tryRateOnce(rate);
  };
  const tryRateOnce = async (rate: number): Promise<Step> => {
    await h.drain('check', 120_000);
    await sleep(2_000);
    loads.push(await h.beforeRun());
    const result = await ingestStream(h, pool, targets, {
      rate,
      count: Math.round(rate * options.stepS),
      tag: `c${rate}-${steps.length}-${h.tag}`,
      maxInFlight: Math.max(100, rate),
      idleMs: 10_000,
      maxWaitMs: 60_000,
      cpu: h.cpuGroups(),
    });
    const reasons: string[] = [];
    if (result.overloaded) {
      reasons.push(`over ${Math.max(100, rate)} requests in flight after ${result.sent} of ${result.count} sent: the server fell behind and sending stopped`);
    } else if (!allDelivered(result)) {
      reasons.push(`${result.received}/${result.expected} alerts received, ${result.failed} requests failed`);
    }
    if (!(result.latency.p99 < 1000)) reasons.push(`p99 ${ms(result.latency.p99)}`);
    const step = { rate, passed: reasons.length === 0, why: reasons.join('; '), result };
    steps.push(step);
    h.log(
      `  (c) ${rate}/s: ${step.passed ? 'pass' : 'FAIL'} — p50 ${ms(result.latency.p50)}, p99 ${ms(result.latency.p99)}, sent at ${result.achievedRate.toFixed(0)}/s, POST p95 ${ms(result.segments?.postResponse.p95 ?? Number.NaN)}${step.why ? ` (${step.why})` : ''}`,
    );
    return step;
  };
  try {
    await ingestStream(h, pool, targets, { rate: 50, count: 50, tag: `cwarm-${h.tag}` });
    let lastPass = 0;
    let firstFail = 0;
    for (const rate of options.rates) {
      const step = await tryRate(rate);
      if (step.passed) lastPass = rate;
      else {
        firstFail = rate;
        break;
      }
    }
    if (firstFail > 0 && lastPass === 0) {
      // the first step failed: halve down (bounded) until one passes
      for (let rate = Math.floor(firstFail / 2); rate >= 20 && lastPass === 0; rate = Math.floor(rate / 2)) {
        const step = await tryRate(rate);
        if (step.passed) lastPass = rate;
        else firstFail = rate;
      }
    }
    // then two steps between the last pass and the first failure
    for (let i = 0; i < 2 && lastPass > 0 && firstFail > 0; i += 1) {
      const grain = firstFail <= 200 ? 10 : 50;
      const mid = Math.round((lastPass + firstFail) / 2 / grain) * grain;
      if (mid <= lastPass || mid >= firstFail) break;
      const step = await tryRate(mid);
      if (step.passed) lastPass = mid;
      else firstFail = mid;
    }
    await h.drain('check', 120_000);
    const capacity = lastPass;
    // the lowest rate at which every try failed
    const failedRates = [...new Set(steps.map((s) => s.rate))].filter((rate) => steps.filter((s) => s.rate === rate).every((s) => !s.passed));
    const failedRate = failedRates.length > 0 ? Math.min(...failedRates) : null;
    const failed = failedRate === null ? undefined : steps.filter((s) => s.rate === failedRate).pop();
    // what the system under test (not the load generator) spends per item, and the ceiling that puts on 2 cores
    const systemMs = median(
      steps
        .filter((s) => s.result.cpu && s.result.accepted > 0)
        .map((s) => Object.entries(s.result.cpu!).filter(([name]) => !name.startsWith('bench')).reduce((sum, [, ms]) => sum + ms, 0) / s.result.accepted),
    );
    const cores = os.availableParallelism();
    return {
      id: 'c',
      title: 'capacity',
      status: 'done',
      rows: [
        {
          metric: '(c) highest steady ingest rate, 1 client (all alerts, p99 < 1 s)',
          measured: capacity > 0 ? `${capacity.toLocaleString('en')} items/s` : `< ${Math.min(...steps.map((s) => s.rate))} items/s`,
          target: '≥ 1,000 items/s',
          met: capacity >= 1000,
        },
        {
          metric: '(c) CPU per ingested item (server, workers, Postgres, Redis) → ceiling on this machine',
          measured: `${systemMs.toFixed(1)} ms → ≤ ${Math.round((cores * 1000) / systemMs).toLocaleString('en')} items/s`,
          target: '',
          met: null,
        },
      ],
      details: [
        `Setup: ${options.stepS} s at each rate, open loop (each POST sent on schedule whatever the earlier ones did), 1 socket.io client; a step fails when any alert is missing, any POST fails, more than one second of requests is in flight, or p99 ≥ 1 s; a failed step is tried once more (the machine is shared) and counts as failed only if both tries fail. Steps up from ${options.rates[0]}/s, stops at the first failure, halves down when the first step fails, then bisects twice between the last pass and the first failure.`,
        '',
        '| rate/s | sent/s | result | p50 | p95 | p99 | POST p95 | send → check start p95 | alerts |',
        '|---:|---:|---|---:|---:|---:|---:|---:|---:|',
        ...steps.map(
          (s) =>
            `| ${s.rate} | ${s.result.achievedRate.toFixed(0)} | ${check(s.passed)}${s.why ? ` (${s.why})` : ''} | ${ms(s.result.latency.p50)} | ${ms(s.result.latency.p95)} | ${ms(s.result.latency.p99)} | ${ms(s.result.segments?.postResponse.p95 ?? Number.NaN)} | ${ms(s.result.segments?.toCheckStart.p95 ?? Number.NaN)} | ${s.result.received}/${s.result.expected} |`,
        ),
        '',
        ...steps.map((s) => (s.result.cpu ? `- CPU at ${s.rate}/s: ${perItemLine(s.result.cpu, s.result.accepted, os.availableParallelism())}` : '')).filter(Boolean),
        '',
        failed ? `First failure at ${failed.rate}/s: ${failed.why}.` : 'No step failed within the bounded ramp.',
        loadLine(loads),
      ],
      loads,
      raw: { options, steps: steps.map((s) => ({ rate: s.rate, passed: s.passed, why: s.why, result: s.result })) },
      finishedAt: new Date().toISOString(),
      durationS: (performance.now() - started) / 1000,
      database: h.db.name,
    };
  } finally {
    await pool.close();
  }
}
