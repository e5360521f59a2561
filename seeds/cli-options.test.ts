import { describe, expect, it } from 'vitest';
import { UsageError } from '../lib/cli/run-cli';
import { formatProvinceResult, formatSeedResult, parseSeedArgs } from './cli-options';
import { SEED_TABLES, type SeedCounts } from './seed-demo';

describe('parseSeedArgs', () => {
  it('takes no flags, --today and --help', () => {
    expect(parseSeedArgs([])).toEqual({ help: false, scale: 'demo', reset: false });
    expect(parseSeedArgs(['--today', '2026-11-27'])).toEqual({ help: false, scale: 'demo', reset: false, today: '2026-11-27' });
    expect(parseSeedArgs(['--today=2024-02-29'])).toEqual({ help: false, scale: 'demo', reset: false, today: '2024-02-29' });
    expect(parseSeedArgs(['--help'])).toEqual({ help: true });
  });

  it('takes --scale province with --reset and the internal --items', () => {
    expect(parseSeedArgs(['--scale', 'demo'])).toEqual({ help: false, scale: 'demo', reset: false });
    expect(parseSeedArgs(['--scale', 'province'])).toEqual({ help: false, scale: 'province', reset: false });
    expect(parseSeedArgs(['--scale=province', '--reset', '--today', '2026-11-27'])).toEqual({
      help: false,
      scale: 'province',
      reset: true,
      today: '2026-11-27',
    });
    expect(parseSeedArgs(['--scale', 'province', '--items', '20000'])).toEqual({
      help: false,
      scale: 'province',
      reset: false,
      itemsTarget: 20_000,
    });
  });

  it.each([
    [['--scale', 'city']],
    [['--scale']],
    [['--reset']],
    [['--scale', 'demo', '--reset']],
    [['--items', '100']],
    [['--scale', 'province', '--items', '0']],
    [['--scale', 'province', '--items', '1e6']],
    [['--scale', 'province', '--items', '-5']],
  ])('refuses %j', (argv) => {
    expect(() => parseSeedArgs(argv)).toThrow(UsageError);
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
    expect(formatSeedResult({ today: '2026-11-27', added: zero, mix: null, reports: 0, durationMs: 120 })).toMatch(
      /已存在，未重复写入 \/ already seeded/,
    );
  });

  it('lists what was added, in zh-CN, with the mix', () => {
    const text = formatSeedResult({
      today: '2026-11-27',
      added: { ...zero, items: 15_533, obligations: 15_391 },
      mix: { due: 100, counts: { on_time: 70, late: 15, incomplete: 10, unpublished: 5 }, shares: { on_time: 0.7, late: 0.15, incomplete: 0.1, unpublished: 0.05 } },
      reports: 273,
      durationMs: 8000,
    });
    expect(text).toMatch(/演示数据已写入（基准日 2026-11-27/);
    expect(text).toMatch(/月度报告 273 份/);
    expect(text).toMatch(/公开信息\s+15533/);
    expect(text).toMatch(/按时公开 70\.0%/);
  });

  it('lists the province load per table with the total time', () => {
    const text = formatProvinceResult({
      today: '2026-11-27',
      counts: { ...zero, regions: 110, items: 998_676, item_events: 1_927_556, obligations: 986_548 },
      counties: 96,
      mix: { due: 937_430, counts: { on_time: 1, late: 0, incomplete: 0, unpublished: 0 }, shares: { on_time: 0.701, late: 0.148, incomplete: 0.1, unpublished: 0.051 } },
      load: {
        items: { rows: 998_676, copyMs: 37_000 },
        itemEvents: { rows: 1_927_556, copyMs: 24_000 },
        obligations: { rows: 986_548, copyMs: 18_000 },
        ms: 103_000,
      },
      scored: { months: 13, rows: 52_110 },
      durationMs: 123_400,
    });
    expect(text).toMatch(/省级数据已写入.*县级单位 96 个，总用时 123 秒/);
    expect(text).toMatch(/公开信息\s+items\s+998,676/);
    expect(text).toMatch(/过程事件\s+item_events\s+1,927,556/);
    expect(text).toMatch(/合计\s+3,912,890/);
    expect(text).toMatch(/到期义务 937,430 项：按时公开 70\.1%/);
    expect(text).toMatch(/考核评分：13 个月，52,110 条得分/);
  });
});
