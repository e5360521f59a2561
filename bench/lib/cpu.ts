// CPU time by process group over a stretch of a benchmark (from /proc/<pid>/stat): where the 2 cores go per
// item — web server, workers, Postgres backends of the run's database, Redis, and the bench process itself
// (its HTTP client and socket.io clients).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Sql } from '../../lib/db/sql';

let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  ticksPerSecond = 100;
}

/** utime + stime of a process, ms; null when it is gone. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command may contain spaces: fields start after the closing parenthesis
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
  } catch {
    return null;
  }
}

export function redisServerPids(): number[] {
  try {
    return execFileSync('pgrep', ['-x', 'redis-server'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number)
      .filter((pid) => pid > 0);
  } catch {
    return [];
  }
}

/** Backends connected to `database` (the run's own copy, so they are all ours). */
export async function postgresBackendPids(sql: Sql, database: string): Promise<number[]> {
  const rows = await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database}`;
  return rows.map((r) => r.pid);
}

export type CpuGroups = Record<string, () => Promise<number[]> | number[]>;

export interface CpuMeter {
  /** CPU ms per group since start. */
  stop: () => Promise<Record<string, number>>;
}

export async function startCpuMeter(groups: CpuGroups): Promise<CpuMeter> {
  const before = new Map<number, number>();
  const read = async () => {
    const byGroup: Record<string, Map<number, number>> = {};
    for (const [name, pids] of Object.entries(groups)) {
      const map = new Map<number, number>();
      for (const pid of await pids()) {
        const ms = processCpuMs(pid);
        if (ms !== null) map.set(pid, ms);
      }
      byGroup[name] = map;
    }
    return byGroup;
  };
  for (const map of Object.values(await read())) for (const [pid, ms] of map) before.set(pid, ms);
  return {
    stop: async () => {
      const after = await read();
      const totals: Record<string, number> = {};
      for (const [name, map] of Object.entries(after)) {
        let total = 0;
        // a backend that connected during the stretch counts from zero
        for (const [pid, ms] of map) total += ms - (before.get(pid) ?? 0);
        totals[name] = total;
      }
      return totals;
    },
  };
}

/** "server 3.1 · workers 2.0 · postgres 4.2 · … ms per item (total 11.0 → at most ~180 items/s on 2 cores)". */
export function perItemLine(totals: Record<string, number>, items: number, cores: number): string {
  const entries = Object.entries(totals).map(([name, ms]) => [name, ms / Math.max(1, items)] as const);
  const total = entries.reduce((s, [, ms]) => s + ms, 0);
  return `${entries.map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(' · ')} ms CPU per item (total ${total.toFixed(2)} ms → at most ~${Math.round((cores * 1000) / Math.max(0.001, total)).toLocaleString('en')} items/s on ${cores} cores)`;
}
