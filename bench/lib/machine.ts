// The machine a run measured, and how busy it was before each benchmark (other work may share it).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  nproc: number;
  memoryGiB: number;
  cpuModel: string;
  node: string;
  postgres: string;
  redis: string;
  os: string;
}

export function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line ? line.split(':').slice(1).join(':').trim() : os.cpus()[0]?.model ?? 'unknown';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
}

function osName(): string {
  try {
    const pretty = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)"?/m)?.[1];
    return `${pretty ?? os.type()} (kernel ${os.release()})`;
  } catch {
    return `${os.type()} ${os.release()}`;
  }
}

export function machineInfo(versions: { postgres: string; redis: string }): MachineInfo {
  return {
    nproc: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    cpuModel: cpuModel(),
    node: process.version,
    postgres: versions.postgres,
    redis: versions.redis,
    os: osName(),
  };
}

export interface LoadSnapshot {
  at: string;
  /** 1- and 5-minute load averages, as `uptime` shows them. */
  load1: number;
  load5: number;
  /** Share of both cores busy over one second just before the benchmark, in percent. */
  cpuBusy: number;
  /** Processes outside this run using CPU during that second (from top), the busiest first. */
  others: string[];
  /** How long the run waited for the machine to quiet down first, ms. */
  waitedMs?: number;
}

function cpuTimes(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  const total = fields.reduce((sum, v) => sum + v, 0);
  return { busy: total - idle, total };
}

/**
 * `uptime`'s load, how busy the CPUs were over the last second, and the busiest processes not started by
 * this run (`ownPids`: this process and its children; their descendants count as ours too).
 */
export function loadSnapshot(ownPids: readonly number[]): LoadSnapshot {
  const [load1, load5] = os.loadavg();
  let cpuBusy = Number.NaN;
  let others: string[] = [];
  try {
    const before = cpuTimes();
    // top samples for one second; its second frame is the one-second view
    const out = execFileSync('top', ['-b', '-c', '-n', '2', '-d', '1', '-w', '300'], { encoding: 'utf8' });
    const after = cpuTimes();
    cpuBusy = Math.round((100 * (after.busy - before.busy)) / Math.max(1, after.total - before.total));
    const frame = out.split(/^top - /m)[2] ?? '';
    const mine = descendantsOf(ownPids);
    others = frame
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => /^\d+$/.test(cols[0] ?? '') && cols.length >= 12)
      .map((cols) => ({ pid: Number(cols[0]), pcpu: Number(cols[8]), command: cols.slice(11).join(' ') }))
      .filter((row) => !mine.has(row.pid) && row.pcpu >= 5 && !row.command.startsWith('top '))
      .slice(0, 5)
      .map((row) => `${row.command.slice(0, 80)} ${row.pcpu.toFixed(0)}%`);
  } catch {
    // no top: the load average alone
  }
  return { at: new Date().toISOString(), load1: round2(load1 ?? 0), load5: round2(load5 ?? 0), cpuBusy, others };
}

function descendantsOf(roots: readonly number[]): Set<number> {
  const mine = new Set(roots);
  try {
    const rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number));
    let grew = true;
    while (grew) {
      grew = false;
      for (const [pid, ppid] of rows) {
        if (pid !== undefined && ppid !== undefined && !mine.has(pid) && mine.has(ppid)) {
          mine.add(pid);
          grew = true;
        }
      }
    }
  } catch {
    // no ps: only the roots
  }
  return mine;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Share of all cores busy over `ms` milliseconds, percent. */
export async function cpuBusyOver(ms: number): Promise<number> {
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuTimes();
  return Math.round((100 * (after.busy - before.busy)) / Math.max(1, after.total - before.total));
}

/**
 * Waits (bounded) until the machine is quiet — CPU under `maxBusy` % for three seconds in a row — so a
 * benchmark does not start in the middle of someone else's test run. Returns how long it waited and the
 * last reading; the benchmark runs either way.
 */
export async function waitForQuiet(maxWaitMs: number, maxBusy = 35): Promise<{ waitedMs: number; busy: number }> {
  const started = Date.now();
  let quiet = 0;
  let busy = 100;
  while (Date.now() - started < maxWaitMs) {
    busy = await cpuBusyOver(1_000);
    quiet = busy < maxBusy ? quiet + 1 : 0;
    if (quiet >= 3) break;
  }
  return { waitedMs: Date.now() - started, busy };
}
