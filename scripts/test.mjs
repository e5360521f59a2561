// npm test: typecheck, lint, unit, integration (real Postgres and Redis, throwaway database and prefix) and
// the Playwright e2e suite against a production build in Debian's Chromium. Ends with `N passed, N failed`
// (and `, N skipped` when tests were skipped); a suite that ran no test fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensureDependencies, ensureServices } from './services.mjs';
import { addCounts, countMissingReport, countPlaywrightReport, countVitestReport, suiteLine, totalsLine } from './test-summary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
const reports = mkdtempSync(path.join(tmpdir(), 'dw-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
// CI keeps only the tail of the output, so the names of failed tests are repeated under the summary
const failures = [];
// tests that did not run (skip, todo, fixme) are named too: each is a hole in the suite
const notRun = [];

function run(label, command, args, extraEnv = {}) {
  console.log(`\n━━ ${label} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function record(label, counts, seconds) {
  addCounts(totals, counts);
  summary.push(suiteLine(label, counts, seconds));
}

/** A test suite's result, read from its runner's JSON report. */
function recordSuite(label, result, seconds) {
  failures.push(...result.failures);
  notRun.push(...result.notRun);
  record(label, result.counts, seconds);
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
  const result = existsSync(output)
    ? countVitestReport(JSON.parse(readFileSync(output, 'utf8')), { project, root, exitOk: ok })
    : countMissingReport(project);
  recordSuite(project, result, seconds);
}

function playwright() {
  const output = path.join(reports, 'e2e.json');
  const { ok, seconds } = run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: output });
  const result = existsSync(output)
    ? countPlaywrightReport(JSON.parse(readFileSync(output, 'utf8')), { exitOk: ok })
    : countMissingReport('e2e');
  recordSuite('e2e', result, seconds);
}

/** The chaos suite's short form (private Redis and Postgres of its own): one pass or fail per fault. */
function chaosShort() {
  const output = path.join(reports, 'chaos.json');
  const { ok, seconds } = run('chaos', 'npm', ['run', 'chaos', '--', 'short', '--json', output]);
  let counts = { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    const missed = report.phases.filter((phase) => phase.missed.length > 0);
    // no fault run is a failure, not a pass
    counts = { passed: report.phases.length - missed.length, failed: Math.max(missed.length, report.phases.length === 0 ? 1 : 0) };
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
if (check('build', 'npm', ['run', 'build'], { NODE_ENV: 'production' })) playwright();
else recordSuite('e2e', countMissingReport('e2e', 'not run: the build failed'), '0.0');
// after the build, which its web processes run
chaosShort();

rmSync(reports, { recursive: true, force: true });
if (notRun.length > 0) console.log(`\nNot run:\n${notRun.map((line) => `  ${line}`).join('\n')}`);
if (failures.length > 0) console.log(`\nFailed:\n${failures.map((line) => `  ${line}`).join('\n')}`);
console.log(`\n${summary.join('\n')}`);
console.log(totalsLine(totals));
process.exit(totals.failed === 0 ? 0 : 1);
