// Arguments and output of `npm run seed` (seeds/cli.ts), apart from the entry point so tests can import them.
import { parseArgs } from 'node:util';
import { ymdSchema } from '../lib/calendar/ymd';
import { UsageError } from '../lib/cli/run-cli';
import { SEED_TABLES, type SeedDemoResult, type SeedTable } from './seed-demo';

// Asia/Shanghai has been UTC+8 all year since 1992, and the calendar table stops at 2100.
const MIN_TODAY = '2000-01-01';
const MAX_TODAY = '2099-12-31';

export const USAGE = `用法 / usage: npm run seed [-- --today YYYY-MM-DD]

写入演示数据（7 个试点单位、部门、公开事项目录、规则、工作日历、演示用户及一年的公开信息），
可重复执行，已有数据不会重复写入。
  --today YYYY-MM-DD   演示数据的基准日（上海时间），默认今天 / the day the demo is dated from
  --help               显示本说明 / show this help`;

const TABLE_LABELS: Readonly<Record<SeedTable, string>> = {
  regions: '区域',
  departments: '部门',
  positions: '岗位',
  users: '用户',
  catalog_entries: '公开事项目录条目',
  rules: '监督规则',
  calendar_years: '工作日历年份',
  calendar_days: '工作日历特殊日期',
  items: '公开信息',
  item_events: '过程事件',
  obligations: '公开义务',
};

export function parseSeedArgs(argv: readonly string[]): { help: true } | { help: false; today?: string } {
  let values: { today?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { today: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError(`参数错误 / invalid arguments: ${detail}\n\n${USAGE}`);
  }
  if (values.help) return { help: true };
  if (values.today === undefined) return { help: false };
  const parsed = ymdSchema
    .refine((day) => day >= MIN_TODAY && day <= MAX_TODAY, `应在 ${MIN_TODAY} 至 ${MAX_TODAY} 之间`)
    .safeParse(values.today);
  if (!parsed.success) {
    const reason = parsed.error.issues[0]?.message ?? '日期无效';
    throw new UsageError(
      `--today 无效：${reason}（收到 "${values.today}"）/ --today must be an existing date as YYYY-MM-DD, ${MIN_TODAY}..${MAX_TODAY}`,
    );
  }
  return { help: false, today: parsed.data };
}

export function formatSeedResult(result: SeedDemoResult): string {
  const total = SEED_TABLES.reduce((sum, t) => sum + result.added[t], 0);
  if (total === 0) {
    return `演示数据已存在，未重复写入 / already seeded（基准日 ${result.today}，用时 ${(result.durationMs / 1000).toFixed(1)} 秒）`;
  }
  const width = Math.max(...SEED_TABLES.map((t) => TABLE_LABELS[t].length));
  const lines = SEED_TABLES.map((t) => `  ${TABLE_LABELS[t].padEnd(width, '　')}  ${String(result.added[t]).padStart(7)}`);
  const out = [`演示数据已写入（基准日 ${result.today}，用时 ${(result.durationMs / 1000).toFixed(1)} 秒），新增：`, ...lines];
  if (result.mix) {
    const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
    const { shares, due } = result.mix;
    out.push(
      `  到期义务 ${due} 项：按时公开 ${pct(shares.on_time)}，逾期公开 ${pct(shares.late)}，` +
        `要素不全 ${pct(shares.incomplete)}，未公开 ${pct(shares.unpublished)}`,
    );
  }
  return out.join('\n');
}
