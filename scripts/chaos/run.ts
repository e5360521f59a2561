// npm run chaos [-- full|short|soak] [--rate N] [--minutes N] [--window N] [--only fault,…] [--no-write] [--json file]
//   full (default)  the five faults at 50 items/s; writes the fault section of RELIABILITY.md
//   short           CI's form: the kill and restart faults, about 100 posts each; writes nothing
//   soak            30 min at 50 items/s with the simulator's mix; writes the soak section
// Everything runs on a private Redis and Postgres on free ports (lib/testing/private-services.ts) and talks to
// 127.0.0.1 only; every process it starts is stopped again, also on failure and on Ctrl-C. Exits 1 when a goal
// is missed, 2 on bad usage.
import './guard-env';
import { parseArgs } from 'node:util';
import { runChaos, type ChaosCommand } from '../../lib/testing/chaos/chaos-suite';
import { FAULTS, type FaultKey } from '../../lib/testing/chaos/faults';
import { ensureProductionBuild } from './ensure-build';

const USAGE =
  'usage: npm run chaos [-- full|short|soak] [--rate N] [--minutes N] [--window N] [--only worker-kill,web-kill,…] [--no-write] [--json <file>]';

function parseCommand(): ChaosCommand {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    allowPositionals: true,
    options: {
      rate: { type: 'string' },
      minutes: { type: 'string' },
      window: { type: 'string' },
      only: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      // full and short: each fault's goals met or missed, as JSON (scripts/test.mjs counts them)
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const kind = positionals[0] ?? 'full';
  const number = (value: string | undefined, name: string) => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number`);
    return parsed;
  };
  const write = !values['no-write'];
  if (kind === 'soak') {
    return { kind, minutes: number(values.minutes, 'minutes') ?? 30, rate: number(values.rate, 'rate') ?? 50, windowMinutes: number(values.window, 'window'), write };
  }
  if (kind !== 'full' && kind !== 'short') throw new Error(`unknown command "${kind}"`);
  const only = values.only?.split(',').map((key) => key.trim()) as FaultKey[] | undefined;
  const unknown = only?.filter((key) => !FAULTS.some((fault) => fault.key === key)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown fault ${unknown.join(', ')} (faults: ${FAULTS.map((fault) => fault.key).join(', ')})`);
  return { kind, rate: number(values.rate, 'rate'), only, write, jsonFile: values.json };
}

let command: ChaosCommand;
try {
  command = parseCommand();
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

try {
  ensureProductionBuild((line) => console.log(`[chaos] ${line}`));
  process.exitCode = await runChaos(command);
} catch (error) {
  console.error(`[chaos] failed: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
}
// anything still holding the event loop (a socket.io client's timer) must not keep the run alive
process.exit(process.exitCode);
