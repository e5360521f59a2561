// One benchmark's outcome, as the table, BENCHMARKS.md and bench/results.json show it.
import type { LoadSnapshot } from './machine';

export interface BenchRow {
  /** What was measured, e.g. "p95 ingest → 100 clients". */
  metric: string;
  measured: string;
  target: string;
  /** null: no target for this row, or not measured. */
  met: boolean | null;
}

export interface BenchResult {
  id: string;
  title: string;
  status: 'done' | 'pending' | 'failed';
  rows: BenchRow[];
  /** Markdown lines: setup, per-run figures, profile, notes. */
  details: string[];
  /** Machine load before each run (other work may share the machine). */
  loads: LoadSnapshot[];
  /** Raw per-run data, kept in bench/results.json. */
  raw: unknown;
  finishedAt: string;
  durationS: number;
  database: string;
}

export const check = (met: boolean | null) => (met === null ? '—' : met ? 'met' : '**missed**');

export function loadLine(loads: readonly LoadSnapshot[]): string {
  if (loads.length === 0) return 'machine load: not recorded';
  const parts = loads.map((l) => `${l.load1.toFixed(2)}${Number.isFinite(l.cpuBusy) ? ` (${l.cpuBusy}% busy)` : ''}`);
  const others = [...new Set(loads.flatMap((l) => l.others))];
  const waited = Math.max(0, ...loads.map((l) => l.waitedMs ?? 0));
  return `load before each run (1-min avg, CPU busy over 1 s): ${parts.join(', ')}${
    others.length > 0 ? `; other work on the machine: ${others.slice(0, 6).join('; ')}` : '; no other work seen'
  }${waited > 3_500 ? `; waited up to ${(waited / 1000).toFixed(0)} s for the machine to quiet down before a run` : ''}`;
}
