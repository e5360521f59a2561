// npm test: typecheck, lint, unit, integration (real Postgres and Redis, throwaway database and prefix) and
// the Playwright e2e suite against a production build in Debian's Chromium. Ends with `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensureDependencies, ensureServices } from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
const reports = mkdtempSync(path.join(tmpdir(), 'dw-test-'));
const totals = { passed: 0, failed: 0 };
const summary = [];
// CI keeps only the tail of the output, so the names of failed tests are repeated under the summary
const failures = [];

function run(label, command, args, extraEnv = {}) {
  console.log(`\n━━ ${label} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function record(label, counts, seconds) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  summary.push(`${label.padEnd(12)} ${String(counts.passed).padStart(4)} passed ${String(counts.failed).padStart(3)} failed  (${seconds}s)`);
}

/** A step with no test count of its own (typecheck, lint, build) counts as one check. */
function check(label, command, args, extraEnv) {
  const { ok, seconds } = run(label, command, args, extraEnv);
  record(label, { passed: ok ? 1 : 0, failed: ok ? 0 : 1 }, seconds);
  return ok;
}

function vitest(project) {
  const output = path.join(reports, `${project}.json`);
  const { ok, seconds } = run(project, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${output}`]);
  let counts = { passed: 0, failed: ok ? 0 : 1 };
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    counts = { passed: report.numPassedTests, failed: report.numFailedTests };
    for (const file of report.testResults) {
      const where = path.relative(root, file.name);
      for (const test of file.assertionResults) {
        if (test.status === 'failed') failures.push(`${project}: ${where} › ${test.fullName}\n    ${firstLine(test.failureMessages[0])}`);
      }
      if (file.status === 'failed' && file.assertionResults.length === 0) failures.push(`${project}: ${where}\n    ${firstLine(file.message)}`);
    }
    // a file that failed to load fails no test; a suite that ran nothing is a failure, not a pass
    if (!ok && counts.failed === 0) counts.failed = 1;
    if (report.numTotalTests === 0) counts.failed += 1;
  }
  record(project, counts, seconds);
}

function playwright() {
  const output = path.join(reports, 'e2e.json');
  const { ok, seconds } = run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: output });
  let counts = { passed: 0, failed: ok ? 0 : 1 };
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    const stats = report.stats ?? {};
    collectPlaywrightFailures(report.suites ?? []);
    counts = { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0) };
    if (!ok && counts.failed === 0) counts.failed = 1;
    if ((stats.expected ?? 0) + (stats.unexpected ?? 0) === 0) counts.failed += 1;
  }
  record('e2e', counts, seconds);
}

function collectPlaywrightFailures(suites) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'expected' || test.status === 'skipped') continue;
        const error = test.results?.at(-1)?.error?.message;
        failures.push(`e2e: ${spec.file}:${spec.line} › ${spec.title} (${test.status})\n    ${firstLine(error)}`);
      }
    }
    collectPlaywrightFailures(suite.suites ?? []);
  }
}

/** The first line of a failure message, without terminal colours. */
function firstLine(message) {
  return String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 300) ?? '';
}

/** The chaos suite's short form (private Redis and Postgres of its own): one pass or fail per fault. */
function chaosShort() {
  const output = path.join(reports, 'chaos.json');
  const { ok, seconds } = run('chaos', 'npm', ['run', 'chaos', '--', 'short', '--json', output]);
  let counts = { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    const missed = report.phases.filter((phase) => phase.missed.length > 0);
    counts = { passed: report.phases.length - missed.length, failed: missed.length };
    for (const phase of missed) failures.push(`chaos: ${phase.title}\n    ${phase.missed.join('; ')}`);
    if (!ok && counts.failed === 0) counts.failed = 1;
  } else if (!ok) {
    failures.push('chaos: the short fault suite did not finish (see its output above)');
  }
  record('chaos', counts, seconds);
}

ensureDependencies(root);
await ensureServices(env);
ensureChromium();

check('typecheck', 'npx', ['tsc', '--noEmit']);
check('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
vitest('unit');
vitest('integration');
chaosShort();
if (check('build', 'npm', ['run', 'build'], { NODE_ENV: 'production' })) playwright();
else record('e2e', { passed: 0, failed: 1 }, '0.0');

rmSync(reports, { recursive: true, force: true });
if (failures.length > 0) console.log(`\nFailed:\n${failures.map((line) => `  ${line}`).join('\n')}`);
console.log(`\n${summary.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
