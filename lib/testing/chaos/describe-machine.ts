// The machine and code a chaos run measured, for RELIABILITY.md.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { cpuModel } from '../../../bench/lib/machine';

export interface MachineDescription {
  cores: number;
  cpu: string;
  memoryGiB: number;
  kernel: string;
  node: string;
  postgres: string;
  redis: string;
  commit: string;
  /** 1-minute load average when the run started: the machine is shared. */
  load1: number;
}

function firstLine(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0] ?? '';
  } catch {
    return 'unknown';
  }
}

export function describeMachine(): MachineDescription {
  const commit = firstLine('git', ['rev-parse', '--short', 'HEAD']);
  const dirty = firstLine('git', ['status', '--porcelain', '--untracked-files=no']) !== '';
  return {
    cores: os.availableParallelism(),
    cpu: cpuModel(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    kernel: os.release(),
    node: process.version,
    postgres: firstLine(`${process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'}/postgres`, ['--version']),
    redis: firstLine('redis-server', ['--version']).replace(/ sha=.*$/, ''),
    commit: dirty ? `${commit} (with uncommitted changes)` : commit,
    load1: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}
