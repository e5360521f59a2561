// The results table (stdout) and BENCHMARKS.md, from bench/results.json: the latest result of each
// benchmark, so `npm run bench -- e` refreshes (e) and keeps the others with their dates.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MachineInfo } from './machine';
import { check, type BenchResult } from './result';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const RESULTS_FILE = path.join(ROOT, 'bench', 'results.json');
const BENCHMARKS_FILE = path.join(ROOT, 'BENCHMARKS.md');
const ANALYSIS_FILE = path.join(ROOT, 'bench', 'analysis.md');
export const ORDER = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

export interface RunInfo {
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  database: { name: string; kind: string; items: number; setupS: number; notes?: string[] };
  build: string;
  command: string;
}

export interface ResultsFile {
  runs: Record<string, RunInfo>;
  results: Record<string, BenchResult & { run: string }>;
}

export function loadResults(): ResultsFile {
  if (!existsSync(RESULTS_FILE)) return { runs: {}, results: {} };
  try {
    return JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as ResultsFile;
  } catch {
    return { runs: {}, results: {} };
  }
}

export function mergeResults(previous: ResultsFile, run: RunInfo, results: BenchResult[]): ResultsFile {
  const merged: ResultsFile = { runs: { ...previous.runs, [run.startedAt]: run }, results: { ...previous.results } };
  for (const result of results) merged.results[result.id] = { ...result, run: run.startedAt };
  // keep only the runs still referenced
  const used = new Set(Object.values(merged.results).map((r) => r.run));
  merged.runs = Object.fromEntries(Object.entries(merged.runs).filter(([key]) => used.has(key)));
  return merged;
}

export function saveResults(file: ResultsFile): void {
  writeFileSync(RESULTS_FILE, `${JSON.stringify(file, null, 1)}\n`);
}

const sorted = (file: ResultsFile) => ORDER.map((id) => file.results[id]).filter((r): r is BenchResult & { run: string } => !!r);

export function printTable(results: readonly BenchResult[]): string {
  const rows = results.flatMap((r) => r.rows.map((row) => [row.metric, row.measured, row.target || '', row.target ? check(row.met).replaceAll('*', '') : '']));
  const header = ['benchmark', 'measured', 'target', ''];
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((row) => width(row[i] ?? ''))));
  const line = (cells: string[]) => cells.map((cell, i) => cell + ' '.repeat(Math.max(0, widths[i]! - width(cell)))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// CJK characters take two columns in a terminal
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

const day = (iso: string) => iso.replace('T', ' ').slice(0, 16) + ' UTC';

export function writeBenchmarksMd(file: ResultsFile): void {
  const results = sorted(file);
  const runs = [...new Set(results.map((r) => r.run))].sort();
  const latest = file.runs[runs[runs.length - 1] ?? ''];
  const lines: string[] = [];
  lines.push('# Benchmarks');
  lines.push('');
  lines.push(
    'Written by `npm run bench` (bench/run.ts, about 40 minutes; `npm run bench -- <a|b|c|d|e|f|g>` reruns some and keeps the figures of the others, `-- --quick` is a short smoke run that writes nothing, `-- --report` rewrites this file from bench/results.json). Targets are issue 3\'s (a–f) and issue 4\'s (g) for this 2-core machine. Everything runs on 127.0.0.1 against a throwaway copy of the province-scale database `dw_province` (dropped afterwards, with the run\'s Redis keys), so dw_province itself is only read.',
  );
  lines.push('');
  if (latest) {
    const m = latest.machine;
    lines.push(`## Machine (${day(latest.finishedAt)})`);
    lines.push('');
    lines.push('| | |');
    lines.push('|---|---|');
    lines.push(`| CPU | ${m.nproc} × ${m.cpuModel} (nproc ${m.nproc}) |`);
    lines.push(`| memory | ${m.memoryGiB} GiB |`);
    lines.push(`| OS | ${m.os} |`);
    lines.push(`| Node | ${m.node} |`);
    lines.push(`| Postgres | ${m.postgres.includes('shared_buffers') ? m.postgres : `${m.postgres} (shared_buffers 128MB, synchronous_commit on)`} |`);
    lines.push(`| Redis | ${m.redis} |`);
    lines.push(`| web | server.ts, NODE_ENV=production, build ${latest.build}, LOG_LEVEL=warn |`);
    lines.push(
      `| data | ${latest.database.kind === 'province-copy' ? `copy of dw_province, ${latest.database.items.toLocaleString('en')} items (copied in ${latest.database.setupS.toFixed(0)} s)` : `seeded throwaway province, ${latest.database.items.toLocaleString('en')} items (dw_province was not available)`} |`,
    );
    lines.push('');
    for (const note of latest.database.notes ?? []) lines.push(`Note: ${note}.`, '');
  }
  lines.push('## Results');
  lines.push('');
  lines.push(
    'Medians of 3 runs, except (c) (one ramp, a failing step tried twice) and (g) (median of 5 page loads; the API percentiles over all its requests). Rows without a target are context for the ones with one.',
  );
  lines.push('');
  lines.push('| benchmark | measured | target | | run |');
  lines.push('|---|---:|---|---|---|');
  for (const result of results) {
    for (const row of result.rows) {
      lines.push(`| ${row.metric} | ${row.measured} | ${row.target} | ${row.target ? check(row.met) : ''} | ${day(result.finishedAt)} |`);
    }
  }
  lines.push('');
  const shared = results.flatMap((r) => r.loads).filter((l) => l.others.length > 0 || l.load1 > 1.5);
  if (shared.length > 0) {
    const maxLoad = Math.max(...shared.map((l) => l.load1));
    const others = [...new Set(shared.flatMap((l) => l.others.map((o) => o.replace(/ \d+%$/, ''))))].slice(0, 8);
    lines.push(
      `**The machine was shared during the run**: the 1-minute load before a benchmark reached ${maxLoad.toFixed(2)} on 2 cores${others.length > 0 ? `, with other work running: ${others.map((o) => `\`${o}\``).join(', ')}` : ''}. Each benchmark below records the load before each of its runs; figures taken under load are pessimistic.`,
    );
    lines.push('');
  }
  if (existsSync(ANALYSIS_FILE)) {
    lines.push(readFileSync(ANALYSIS_FILE, 'utf8').trim());
    lines.push('');
  }
  lines.push('## Details');
  for (const result of results) {
    lines.push('');
    lines.push(`### (${result.id}) ${result.title}${result.status === 'failed' ? ' — failed' : result.status === 'pending' ? ' — pending' : ''}`);
    lines.push('');
    const info = file.runs[result.run];
    lines.push(
      `Run ${day(result.finishedAt)}, ${result.durationS.toFixed(0)} s${info ? ` (\`${info.command}\`, build ${info.build})` : ''}.`,
    );
    lines.push('');
    lines.push(...result.details.map((line) => (line.startsWith('load before') ? `_${line}_` : line)));
  }
  lines.push('');
  writeFileSync(BENCHMARKS_FILE, lines.join('\n'));
}
