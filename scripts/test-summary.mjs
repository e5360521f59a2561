// What npm test reads from each runner's JSON report: a suite's counts and the names behind them, and the
// summary lines. Pure, so scripts/test-summary.test.mjs checks it on reports shaped like the runners' own.
import path from 'node:path';

/**
 * @typedef {{ passed: number, failed: number, skipped?: number, todo?: number }} Counts
 * `skipped` counts every test that did not run (skip, todo, fixme); `todo` the part of them marked todo or
 * fixme. Steps without tests of their own (typecheck, lint, build) leave both out.
 * @typedef {{ counts: Counts, failures: string[], notRun: string[] }} SuiteResult
 */

/** A suite's vitest JSON report (`--reporter=json`); `exitOk` is whether vitest exited 0. */
export function countVitestReport(report, { project, root, exitOk }) {
  const counts = { passed: 0, failed: 0, skipped: 0, todo: 0 };
  const failures = [];
  const notRun = [];
  for (const file of report.testResults ?? []) {
    const where = path.relative(root, file.name);
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'passed') counts.passed += 1;
      else if (test.status === 'failed') {
        counts.failed += 1;
        failures.push(`${project}: ${where} › ${test.fullName}\n    ${firstLine(test.failureMessages?.[0])}`);
      } else {
        // 'skipped', 'todo', or 'pending' for a test that never finished: none of them ran
        counts.skipped += 1;
        if (test.status === 'todo') counts.todo += 1;
        notRun.push(`${project}: ${where} › ${test.fullName} (${test.status})`);
      }
    }
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
      failures.push(`${project}: ${where}\n    ${firstLine(file.message)}`);
    }
  }
  return settle(project, counts, failures, notRun, exitOk);
}

/** The e2e suite's Playwright JSON report; a flaky test (passed on retry) counts as failed. */
export function countPlaywrightReport(report, { exitOk }) {
  const stats = report.stats ?? {};
  const counts = {
    passed: stats.expected ?? 0,
    failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0),
    skipped: stats.skipped ?? 0,
    todo: 0,
  };
  const failures = [];
  const notRun = [];
  const walk = (suites) => {
    for (const suite of suites) {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests ?? []) {
          const where = `e2e: ${spec.file}:${spec.line} › ${spec.title}`;
          if (test.status === 'expected') continue;
          if (test.status === 'skipped') {
            // test.fixme is Playwright's todo
            const isTodo = (test.annotations ?? []).some((annotation) => annotation.type === 'fixme');
            if (isTodo) counts.todo += 1;
            notRun.push(`${where} (${isTodo ? 'fixme' : 'skipped'})`);
            continue;
          }
          failures.push(`${where} (${test.status})\n    ${firstLine(test.results?.at(-1)?.error?.message)}`);
        }
      }
      walk(suite.suites ?? []);
    }
  };
  walk(report.suites ?? []);
  return settle('e2e', counts, failures, notRun, exitOk);
}

/** A suite without a report (its runner wrote none, or it could not start): no test can be counted as run. */
export function countMissingReport(label, reason = 'the runner wrote no report') {
  return settle(label, { passed: 0, failed: 0, skipped: 0, todo: 0 }, [`${label}: ${reason}`], [], false);
}

function settle(label, counts, failures, notRun, exitOk) {
  if (counts.passed + counts.failed === 0) {
    // a suite that ran nothing (none found, none loaded, or all skipped) proves nothing: a failure, not a pass
    counts.failed = 1;
    failures.push(`${label}: ran no test`);
  } else if (!exitOk && counts.failed === 0) {
    // a file that failed to load fails no test, yet the run failed
    counts.failed = 1;
    if (failures.length === 0) failures.push(`${label}: the runner failed without a failed test`);
  }
  return { counts, failures, notRun };
}

export function addCounts(totals, counts) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped ?? 0;
}

/** One line per step; suites show what they skipped (and how much of it is todo), even when it is none. */
export function suiteLine(label, counts, seconds) {
  const notRun =
    counts.skipped === undefined ? '' : ` ${String(counts.skipped).padStart(3)} skipped${counts.todo ? ` (${counts.todo} todo)` : ''}`;
  return `${label.padEnd(12)} ${String(counts.passed).padStart(4)} passed ${String(counts.failed).padStart(3)} failed${notRun}  (${seconds}s)`;
}

/** The last line of npm test, read by CI: `N passed, N failed`, then `, N skipped` only when some were. */
export function totalsLine(totals) {
  return `${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''}`;
}

/** The first line of a failure message, without terminal colours. */
export function firstLine(message) {
  return String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 300) ?? '';
}
