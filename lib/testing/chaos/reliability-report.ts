// RELIABILITY.md is written by the chaos script, never by hand: a full fault run replaces the fault section,
// a soak the soak section, each between its markers, so one never erases the other's figures. Pure rendering;
// the caller reads and writes the file.
import { ANSWER_KINDS } from './answer-kind';
import type { MachineDescription } from './describe-machine';
import { GOALS } from './phase-figures';
import type { PhaseResult } from './run-fault-phase';
import type { SoakResult } from './run-soak';
import { MAX_RSS_GROWTH } from './soak-figures';

export type SectionKey = 'faults' | 'soak';

const HEADER = `# Reliability

Figures written by \`npm run chaos\` (the fault suite) and \`npm run chaos -- soak\`; each run replaces its own
section below. Do not edit by hand. The suite runs on a private Redis and a private Postgres cluster of its own
(free ports, a temporary directory), never on the machine's shared ones; it brings up 2 web and 2 worker
processes, streams items into \`POST /api/v1/items\` with department API keys while a supervisor's socket.io
client watches, injects one fault per phase and compares what Postgres holds with what the socket saw.
How to run it and what it measures: README, "Under faults".
`;

const begin = (key: SectionKey) => `<!-- chaos:${key}:begin -->`;
const end = (key: SectionKey) => `<!-- chaos:${key}:end -->`;

const PLACEHOLDER: Record<SectionKey, string> = {
  faults: '## Fault suite\n\nNot run yet.\n',
  soak: '## Soak\n\nNot run yet.\n',
};

/** The document with `key`'s section replaced by `body` (created with the header when missing). */
export function replaceSection(existing: string | null, key: SectionKey, body: string): string {
  let document = existing ?? '';
  if (!document.includes(begin('faults')) && !document.includes(begin('soak'))) {
    document = `${HEADER}\n${begin('faults')}\n${PLACEHOLDER.faults}${end('faults')}\n\n${begin('soak')}\n${PLACEHOLDER.soak}${end('soak')}\n`;
  }
  if (!document.includes(begin(key))) document = `${document.trimEnd()}\n\n${begin(key)}\n${end(key)}\n`;
  const from = document.indexOf(begin(key)) + begin(key).length;
  const to = document.indexOf(end(key));
  return `${document.slice(0, from)}\n${body.trimEnd()}\n${document.slice(to)}`;
}

const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
const millis = (ms: number | null) => (ms === null ? '—' : `${Math.round(ms)} ms`);

function when(at: number): string {
  return `${new Date(at).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}

export function machineLine(machine: MachineDescription): string {
  return (
    `${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, kernel ${machine.kernel}, Node ${machine.node}, ` +
    `${machine.postgres}, ${machine.redis}; commit ${machine.commit}; load average ${machine.load1} at the start (the machine is shared)`
  );
}

export function renderFaultSection(input: {
  startedAt: number;
  endedAt: number;
  rate: number;
  machine: MachineDescription;
  phases: readonly PhaseResult[];
}): string {
  const { phases } = input;
  const passed = phases.every((phase) => phase.missed.length === 0);
  const lines: string[] = [
    '## Fault suite',
    '',
    `**${passed ? 'All goals met' : 'Goals missed'}.** Run ${when(input.startedAt)}, ${seconds(input.endedAt - input.startedAt)}, ` +
      `items at ${input.rate}/s alternating between both web processes (9 in 10 incomplete: each accepted one owes exactly one ` +
      `completeness alert; 1 in 10 complete: it must raise none).`,
    '',
    `Machine: ${machineLine(input.machine)}.`,
    '',
    `Goals: ${GOALS.lost} lost, ${GOALS.duplicated} duplicated, recovery ≤ ${GOALS.recoveryMs / 1000} s, every error answer a clear 503 ` +
      '(never a hang over 5 s, a 500, another status, or no web process answering), no process exiting by itself.',
    '',
    '| fault | posts | accepted | lost: unchecked / never delivered | duplicated: unresolved / pushed twice | recovery | clear 503 | hang / 500 / other / no connection | p95 post → socket | verdict |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const { fault, figures, missed } of phases) {
    const a = figures.answers;
    lines.push(
      `| ${fault.title} | ${figures.sent} | ${figures.accepted} | ${figures.lostUnchecked} / ${figures.lostUndelivered} | ` +
        `${figures.duplicatedUnresolved} / ${figures.duplicatedOpenedPushes} | ${seconds(figures.recoveryMs)} | ${a.clear_503} | ` +
        `${a.hang} / ${a.status_500} / ${a.other_status + a.unclear_503} / ${a.no_connection} | ${millis(figures.latencyP95Ms)} | ` +
        `${missed.length === 0 ? 'met' : '**missed**'} |`,
    );
  }
  lines.push('', '### What each fault did', '');
  for (const { fault, run, figures, missed, settledInMs, revived, healthBackMs, load1 } of phases) {
    lines.push(`**${fault.title}.** ${run.note}. Fault end: ${fault.endsWhen}.`);
    const facts = [
      `${figures.failedOver} posts failed over to the other web process`,
      `${figures.storedUnacknowledged} items stored without a 201/200 reaching the client`,
      `settled ${seconds(settledInMs)} after the stream stopped`,
      `load average ${load1} at the phase's end`,
    ];
    if (figures.badAnswersSentBetweenMs) {
      const [first, last] = figures.badAnswersSentBetweenMs;
      facts.push(`the badly answered posts were sent from ${seconds(first)} to ${seconds(last)} after the fault began`);
    }
    if (healthBackMs !== undefined) {
      facts.push(
        healthBackMs === null
          ? '`/api/health` not 200 on both web processes within 60 s of the fault end'
          : `\`/api/health\` 200 on both web processes ${seconds(healthBackMs)} after the fault end (target: 5 s)`,
      );
    }
    if (figures.unexpectedAlerts > 0) facts.push(`${figures.unexpectedAlerts} unexpected alerts`);
    if (figures.unplannedExits > 0) facts.push(`${figures.unplannedExits} processes exited by themselves (each started again a few seconds later, as a process manager would)`);
    if (revived.length > 0) facts.push(`found dead and started again: ${revived.join(', ')}`);
    if (figures.lostExamples.length > 0) facts.push(`unchecked e.g. ${figures.lostExamples.slice(0, 3).join(', ')}`);
    lines.push(`${facts.join('; ')}.`);
    lines.push(missed.length === 0 ? 'All goals met.' : `Missed: ${missed.join('; ')}.`, '');
  }
  const counted = ANSWER_KINDS.filter((kind) => kind !== 'accepted').join(', ');
  lines.push(
    `Definitions: *lost, unchecked* — an accepted incomplete item with no completeness alert in Postgres after the settle; ` +
      `*never delivered* — an alert of the phase's items in Postgres that the socket received neither as a push nor through ` +
      `\`alerts:sync\` on a reconnect; *duplicated* — more than one unresolved alert per rule kind and subject, and apart, one ` +
      `alert id pushed as \`alert:opened\` twice; *recovery* — fault end → the first alert on the socket for an item posted ` +
      `after the fault ended; *p95 post → socket* — from sending an accepted incomplete item to its alert first reaching the ` +
      `socket, pushed or synced (so the dropped socket's figure is its 60 s). Answers counted: ${counted}.`,
  );
  return lines.join('\n');
}

export function renderSoakSection(input: { result: SoakResult; machine: MachineDescription }): string {
  const { result, machine } = input;
  const { verdict, options } = result;
  const names = Object.keys(verdict.rssGrowth).sort();
  const flat = verdict.memoryFlat && verdict.latencyFlat;
  const answers = Object.entries(result.answers)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  const lines: string[] = [
    '## Soak',
    '',
    `**${flat ? 'Flat' : 'Not flat'}**: memory ${verdict.memoryFlat ? 'flat' : '**growing**'}, latency ${verdict.latencyFlat ? 'flat' : '**climbing**'}. ` +
      `Run ${when(result.startedAt)}, ${Math.round((result.endedAt - result.startedAt) / 60_000)} min at ${options.rate} items/s ` +
      `with the demo simulator's mix (60% on time, 15% late, 17% incomplete and fixed 30–90 s later, 8% formed and published later) ` +
      `over ${result.spread.departments} departments and ${result.spread.entries} catalog entries of the demo data, ${result.posts} posts (${answers}).`,
    '',
    `Machine: ${machineLine(machine)}.`,
    '',
    `Goals: memory flat — each process's median RSS in the last window less than ${MAX_RSS_GROWTH * 100}% above the first window ` +
      'after the warm-up window; latency flat — the last window\'s p95 post → socket at most 1.5 × the first window\'s after warm-up, + 100 ms.',
    '',
    `| window | deliveries | p50 | p95 | check queue waiting (max) | owed jobs not yet sent (max) | oldest owed job (max) | ${names.map((name) => `${name} RSS`).join(' | ')} |`,
    `|---|---:|---:|---:|---:|---:|---:|${names.map(() => '---:|').join('')}`,
  ];
  for (const window of verdict.windows) {
    const from = Math.round((window.from - result.startedAt) / 60_000);
    const to = Math.round((window.to - result.startedAt) / 60_000);
    const rss = names.map((name) => {
      const kib = window.medianRssKiB[name];
      return kib === undefined ? '—' : `${Math.round(kib / 1024)} MB`;
    });
    lines.push(
      `| ${from}–${to} min${window.index === 0 ? ' (warm-up)' : ''} | ${window.deliveries} | ${millis(window.p50Ms)} | ${millis(window.p95Ms)} | ` +
        `${window.maxWaiting ?? '—'} | ${window.maxUnsentOwed ?? '—'} | ${window.maxOldestOwedS === null ? '—' : `${window.maxOldestOwedS.toFixed(1)} s`} | ${rss.join(' | ')} |`,
    );
  }
  lines.push(
    '',
    `RSS growth after warm-up: ${names.map((name) => `${name} ${(verdict.rssGrowth[name]! * 100).toFixed(1)}%`).join(', ')}. ` +
      `p95 ${millis(verdict.latencyBaselineP95Ms)} after warm-up → ${millis(verdict.latencyLastP95Ms)} in the last window. ` +
      `Latency is the post's send → the first push of an alert change of that item (opened, or resolved by the fix); ` +
      `${result.unmatchedDeliveries} pushes no recent post explains (e.g. the sweep moving a deadline) are left out. ` +
      'Queue lag: the check queue\'s waiting jobs (BullMQ) and the outbox\'s jobs owed but not yet sent; the oldest owed job ' +
      'counts from when its key was first owed, and a key owed again before its job ran (a department-month rescored while ' +
      'its items keep arriving) keeps that first time.',
  );
  return lines.join('\n');
}
