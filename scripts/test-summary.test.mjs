// The reports below keep the fields npm test reads, trimmed from real runs of vitest 4.1 and Playwright 1.65
// on throwaway files with a passing, a failing, a skipped and a todo (fixme) test.
import { describe, expect, it } from 'vitest';
import { addCounts, countMissingReport, countPlaywrightReport, countVitestReport, suiteLine, totalsLine } from './test-summary.mjs';

const root = '/repo';

const vitestFile = (name, assertionResults, { status = 'passed', message = '' } = {}) => ({
  name: `${root}/${name}`,
  status,
  message,
  assertionResults,
});
const vitestTest = (status, fullName, failureMessages = []) => ({ status, fullName, failureMessages });

const mixedVitestReport = {
  testResults: [
    vitestFile(
      'lib/mixed.test.ts',
      [
        vitestTest('passed', 'mixed passes'),
        vitestTest('failed', 'mixed fails', ['AssertionError: expected 1 to be 2 // Object.is equality\n    at /repo/lib/mixed.test.ts:4:30']),
        vitestTest('skipped', 'mixed skipped'),
        vitestTest('todo', 'mixed todo'),
      ],
      { status: 'failed' },
    ),
    vitestFile('lib/fine.test.ts', [vitestTest('passed', 'fine one'), vitestTest('passed', 'fine two')]),
  ],
};

const playwrightSpec = (title, line, test) => ({ title, file: 'wall.spec.ts', line, tests: [test] });
const mixedPlaywrightReport = {
  stats: { expected: 1, skipped: 3, unexpected: 1, flaky: 0 },
  suites: [
    {
      title: 'wall.spec.ts',
      specs: [
        playwrightSpec('passes', 2, { status: 'expected', annotations: [], results: [{ status: 'passed' }] }),
        playwrightSpec('fails', 3, {
          status: 'unexpected',
          annotations: [],
          results: [{ status: 'failed', error: { message: 'Error: \u001b[2mexpect(\u001b[22mreceived).toBe(expected)\n\nExpected: 2' } }],
        }),
        playwrightSpec('skipped', 4, { status: 'skipped', annotations: [{ type: 'skip' }], results: [{ status: 'skipped' }] }),
        playwrightSpec('fixme', 5, { status: 'skipped', annotations: [{ type: 'fixme' }], results: [{ status: 'skipped' }] }),
      ],
      suites: [
        {
          title: 'nested',
          specs: [playwrightSpec('skips itself', 6, { status: 'skipped', annotations: [{ type: 'skip', description: 'not here' }], results: [] })],
        },
      ],
    },
  ],
};

describe('countVitestReport', () => {
  it('counts passed, failed, skipped and todo tests and names the failed and the skipped', () => {
    const result = countVitestReport(mixedVitestReport, { project: 'unit', root, exitOk: false });
    expect(result.counts).toEqual({ passed: 3, failed: 1, skipped: 2, todo: 1 });
    expect(result.failures).toEqual(['unit: lib/mixed.test.ts › mixed fails\n    AssertionError: expected 1 to be 2 // Object.is equality']);
    expect(result.notRun).toEqual(['unit: lib/mixed.test.ts › mixed skipped (skipped)', 'unit: lib/mixed.test.ts › mixed todo (todo)']);
  });

  it('fails a suite whose every test was skipped, though vitest exits 0', () => {
    const report = { testResults: [vitestFile('lib/skipped.test.ts', [vitestTest('skipped', 'all skipped')])] };
    const result = countVitestReport(report, { project: 'integration', root, exitOk: true });
    expect(result.counts).toEqual({ passed: 0, failed: 1, skipped: 1, todo: 0 });
    expect(result.failures).toEqual(['integration: ran no test']);
  });

  it('fails a suite that found no test file', () => {
    const result = countVitestReport({ testResults: [] }, { project: 'unit', root, exitOk: false });
    expect(result.counts).toMatchObject({ passed: 0, failed: 1 });
    expect(result.failures).toEqual(['unit: ran no test']);
  });

  it('fails a run whose file did not load, even when other files passed', () => {
    const report = {
      testResults: [
        vitestFile('lib/broken.test.ts', [], { status: 'failed', message: 'broken import' }),
        vitestFile('lib/fine.test.ts', [vitestTest('passed', 'fine one')]),
      ],
    };
    const result = countVitestReport(report, { project: 'unit', root, exitOk: false });
    expect(result.counts).toEqual({ passed: 1, failed: 1, skipped: 0, todo: 0 });
    expect(result.failures).toEqual(['unit: lib/broken.test.ts\n    broken import']);
  });
});

describe('countPlaywrightReport', () => {
  it('takes the counts from the stats, fixme as todo, and names the failed and the skipped through nested suites', () => {
    const result = countPlaywrightReport(mixedPlaywrightReport, { exitOk: false });
    expect(result.counts).toEqual({ passed: 1, failed: 1, skipped: 3, todo: 1 });
    expect(result.failures).toEqual(['e2e: wall.spec.ts:3 › fails (unexpected)\n    Error: expect(received).toBe(expected)']);
    expect(result.notRun).toEqual([
      'e2e: wall.spec.ts:4 › skipped (skipped)',
      'e2e: wall.spec.ts:5 › fixme (fixme)',
      'e2e: wall.spec.ts:6 › skips itself (skipped)',
    ]);
  });

  it('counts a flaky test as failed', () => {
    const result = countPlaywrightReport({ stats: { expected: 4, skipped: 0, unexpected: 0, flaky: 1 }, suites: [] }, { exitOk: true });
    expect(result.counts).toMatchObject({ passed: 4, failed: 1 });
  });

  it('fails a suite that ran no test', () => {
    const result = countPlaywrightReport({ stats: { expected: 0, skipped: 3, unexpected: 0, flaky: 0 }, suites: [] }, { exitOk: true });
    expect(result.counts).toEqual({ passed: 0, failed: 1, skipped: 3, todo: 0 });
    expect(result.failures).toEqual(['e2e: ran no test']);
  });
});

describe('countMissingReport', () => {
  it('fails the suite and says why', () => {
    const result = countMissingReport('e2e', 'not run: the build failed');
    expect(result.counts).toMatchObject({ passed: 0, failed: 1 });
    expect(result.failures).toEqual(['e2e: not run: the build failed', 'e2e: ran no test']);
  });
});

describe('the summary', () => {
  it('shows each suite’s skipped tests, with their todo share, and none for a step without tests', () => {
    expect(suiteLine('unit', { passed: 812, failed: 0, skipped: 3, todo: 1 }, '12.3')).toBe('unit          812 passed   0 failed   3 skipped (1 todo)  (12.3s)');
    expect(suiteLine('integration', { passed: 240, failed: 2, skipped: 0, todo: 0 }, '301.0')).toBe('integration   240 passed   2 failed   0 skipped  (301.0s)');
    expect(suiteLine('typecheck', { passed: 1, failed: 0 }, '18.1')).toBe('typecheck       1 passed   0 failed  (18.1s)');
  });

  it('ends with `N passed, N failed`, and `, N skipped` only when tests were skipped', () => {
    const totals = { passed: 0, failed: 0, skipped: 0 };
    addCounts(totals, { passed: 1, failed: 0 });
    addCounts(totals, { passed: 800, failed: 1, skipped: 0, todo: 0 });
    expect(totalsLine(totals)).toBe('801 passed, 1 failed');
    addCounts(totals, { passed: 40, failed: 0, skipped: 2, todo: 1 });
    expect(totalsLine(totals)).toBe('841 passed, 1 failed, 2 skipped');
  });
});
