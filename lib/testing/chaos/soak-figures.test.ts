import { describe, expect, it } from 'vitest';
import { computeSoakVerdict, type LatencySample, type RssSample } from './soak-figures';

const MINUTE = 60_000;

function run(rssAt: (minute: number) => number, latencyAt: (minute: number) => number) {
  const samples: RssSample[] = [];
  const latencies: LatencySample[] = [];
  for (let minute = 0; minute < 30; minute += 0.5) {
    samples.push({ at: minute * MINUTE, rssKiB: { 'web-1': rssAt(minute), 'worker-1': 100_000 }, waiting: minute < 1 ? 40 : 2 });
    for (let i = 0; i < 20; i += 1) latencies.push({ sentAt: minute * MINUTE + i, ms: latencyAt(minute) + i });
  }
  return computeSoakVerdict({ startedAt: 0, endedAt: 30 * MINUTE, windowMs: 5 * MINUTE, samples, latencies });
}

describe('computeSoakVerdict', () => {
  it('calls a run flat when memory settles after the warm-up window and latency stays put', () => {
    // growth during the first 5 minutes is warm-up and does not count
    const verdict = run((minute) => (minute < 5 ? 80_000 + minute * 10_000 : 150_000 + minute * 100), () => 60);
    expect(verdict.windows).toHaveLength(6);
    expect(verdict.windows[0]!.maxWaiting).toBe(40);
    expect(verdict.memoryFlat).toBe(true);
    expect(verdict.rssGrowth['web-1']).toBeLessThan(0.1);
    expect(verdict.latencyFlat).toBe(true);
  });

  it('calls out a process that keeps growing, and latency that climbs', () => {
    const verdict = run((minute) => 100_000 + minute * 2_000, (minute) => 50 + minute * 20);
    expect(verdict.memoryFlat).toBe(false);
    expect(verdict.rssGrowth['web-1']).toBeGreaterThan(0.1);
    expect(verdict.rssGrowth['worker-1']).toBe(0);
    expect(verdict.latencyFlat).toBe(false);
  });

  it('does not call memory flat for a process missing from the last window', () => {
    const samples: RssSample[] = [
      { at: 0, rssKiB: { 'web-1': 100, 'worker-1': 100 }, waiting: 0 },
      { at: 6 * MINUTE, rssKiB: { 'web-1': 100, 'worker-1': 100 }, waiting: 0 },
      { at: 11 * MINUTE, rssKiB: { 'web-1': 100 }, waiting: 0 },
    ];
    const verdict = computeSoakVerdict({ startedAt: 0, endedAt: 15 * MINUTE, windowMs: 5 * MINUTE, samples, latencies: [] });
    expect(verdict.rssGrowth).toEqual({ 'web-1': 0 });
    expect(verdict.memoryFlat).toBe(false);
  });
});
