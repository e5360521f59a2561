import { describe, expect, it } from 'vitest';
import { UsageError } from '../lib/cli/run-cli';
import { formatSeedResult, parseSeedArgs } from './cli-options';
import { SEED_TABLES, type SeedCounts } from './seed-demo';

describe('parseSeedArgs', () => {
  it('takes no flags, --today and --help', () => {
    expect(parseSeedArgs([])).toEqual({ help: false });
    expect(parseSeedArgs(['--today', '2026-11-27'])).toEqual({ help: false, today: '2026-11-27' });
    expect(parseSeedArgs(['--today=2024-02-29'])).toEqual({ help: false, today: '2024-02-29' });
    expect(parseSeedArgs(['--help'])).toEqual({ help: true });
  });

  it.each([['2026-02-30'], ['2026-13-01'], ['27/11/2026'], ['2026-1-5'], [''], ['1987-06-01']])(
    'refuses --today %j with a zh-CN and English message',
    (value) => {
      const error = (() => {
        try {
          parseSeedArgs(['--today', value]);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(/--today 无效/);
      expect((error as Error).message).toMatch(/must be an existing date as YYYY-MM-DD/);
    },
  );

  it('refuses unknown flags, positionals and a --today without a value', () => {
    expect(() => parseSeedArgs(['--force'])).toThrow(UsageError);
    expect(() => parseSeedArgs(['2026-11-27'])).toThrow(UsageError);
    expect(() => parseSeedArgs(['--today'])).toThrow(UsageError);
  });
});

describe('formatSeedResult', () => {
  const zero = Object.fromEntries(SEED_TABLES.map((t) => [t, 0])) as SeedCounts;

  it('says so when nothing was added', () => {
    expect(formatSeedResult({ today: '2026-11-27', added: zero, mix: null, durationMs: 120 })).toMatch(
      /已存在，未重复写入 \/ already seeded/,
    );
  });

  it('lists what was added, in zh-CN, with the mix', () => {
    const text = formatSeedResult({
      today: '2026-11-27',
      added: { ...zero, items: 15_533, obligations: 15_391 },
      mix: { due: 100, counts: { on_time: 70, late: 15, incomplete: 10, unpublished: 5 }, shares: { on_time: 0.7, late: 0.15, incomplete: 0.1, unpublished: 0.05 } },
      durationMs: 8000,
    });
    expect(text).toMatch(/演示数据已写入（基准日 2026-11-27/);
    expect(text).toMatch(/公开信息\s+15533/);
    expect(text).toMatch(/按时公开 70\.0%/);
  });
});
