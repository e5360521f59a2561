// Arguments and output of `npm run seed` (seeds/cli.ts), apart from the entry point so tests can import them.
import { parseArgs } from 'node:util';
import { ymdSchema } from '../lib/calendar/ymd';
import { UsageError } from '../lib/cli/run-cli';
import { formatCount, formatSeconds } from './progress';
import { SEED_TABLES, type SeedDemoResult, type SeedTable } from './seed-demo';
import type { OutcomeMix } from './item-planner';
import type { SeedProvinceResult } from './seed-province';

// Asia/Shanghai has been UTC+8 all year since 1992, and the calendar table stops at 2100.
const MIN_TODAY = '2000-01-01';
const MAX_TODAY = '2099-12-31';

export const USAGE = `用法 / usage: npm run seed [-- --today YYYY-MM-DD] [--scale demo|province [--reset]]

写入演示数据（7 个试点单位、部门、公开事项目录、规则、工作日历、演示用户及一年的公开信息），
可重复执行，已有数据不会重复写入。
  --today YYYY-MM-DD   数据的基准日（上海时间），默认今天 / the day the data is dated from
  --scale demo         演示数据（默认）/ the demo data set (default)
  --scale province     省级压测数据：13 个设区市、96 个县级单位、约 100 万条公开信息，用 COPY 写入，
                       只写入空库；以 DATABASE_ADMIN_URL（属主）连接 / province-scale benchmark data,
                       into an empty database only, connecting as the owner (DATABASE_ADMIN_URL)
  --reset              与 --scale province 同用：先清空业务数据表 / empty the domain tables first
  --help               显示本说明 / show this help`;

export type SeedScale = 'demo' | 'province';

export type SeedArgs =
  | { help: true }
  | { help: false; scale: SeedScale; reset: boolean; today?: string; itemsTarget?: number };

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
  alerts: '预警',
};

export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  let values: { today?: string; help?: boolean; scale?: string; reset?: boolean; items?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        today: { type: 'string' },
        scale: { type: 'string' },
        reset: { type: 'boolean' },
        // internal, not in USAGE: a smaller province for trying the load out
        items: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError(`参数错误 / invalid arguments: ${detail}\n\n${USAGE}`);
  }
  if (values.help) return { help: true };
  const scaleText = values.scale ?? 'demo';
  if (scaleText !== 'demo' && scaleText !== 'province') {
    throw new UsageError(`--scale 只能是 demo 或 province（收到 "${scaleText}"）/ --scale must be demo or province`);
  }
  const scale: SeedScale = scaleText;
  const reset = values.reset ?? false;
  if (reset && scale !== 'province') {
    throw new UsageError('--reset 只能与 --scale province 同用 / --reset goes with --scale province only');
  }
  let itemsTarget: number | undefined;
  if (values.items !== undefined) {
    if (scale !== 'province') throw new UsageError('--items 只能与 --scale province 同用 / --items goes with --scale province only');
    itemsTarget = Number(values.items);
    if (!/^[1-9][0-9]*$/.test(values.items) || itemsTarget > 10_000_000) {
      throw new UsageError(`--items 应为 1 至 10000000 的整数（收到 "${values.items}"）/ --items must be an integer 1..10000000`);
    }
  }
  const base = { help: false as const, scale, reset, ...(itemsTarget !== undefined ? { itemsTarget } : {}) };
  if (values.today === undefined) return base;
  const parsed = ymdSchema
    .refine((day) => day >= MIN_TODAY && day <= MAX_TODAY, `应在 ${MIN_TODAY} 至 ${MAX_TODAY} 之间`)
    .safeParse(values.today);
  if (!parsed.success) {
    const reason = parsed.error.issues[0]?.message ?? '日期无效';
    throw new UsageError(
      `--today 无效：${reason}（收到 "${values.today}"）/ --today must be an existing date as YYYY-MM-DD, ${MIN_TODAY}..${MAX_TODAY}`,
    );
  }
  return { ...base, today: parsed.data };
}

export function formatSeedResult(result: SeedDemoResult): string {
  const total = SEED_TABLES.reduce((sum, t) => sum + result.added[t], 0);
  if (total === 0) {
    const reports = result.reports > 0 ? `，补建月度报告 ${result.reports} 份` : '';
    return `演示数据已存在，未重复写入 / already seeded（基准日 ${result.today}，用时 ${(result.durationMs / 1000).toFixed(1)} 秒）${reports}`;
  }
  const width = Math.max(...SEED_TABLES.map((t) => TABLE_LABELS[t].length));
  const lines = SEED_TABLES.map((t) => `  ${TABLE_LABELS[t].padEnd(width, '　')}  ${String(result.added[t]).padStart(7)}`);
  const out = [`演示数据已写入（基准日 ${result.today}，用时 ${(result.durationMs / 1000).toFixed(1)} 秒），新增：`, ...lines];
  if (result.mix) out.push(formatMix(result.mix));
  out.push(`  月度报告 ${result.reports} 份`);
  return out.join('\n');
}

function formatMix({ shares, due }: OutcomeMix, dueText = String(due)): string {
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
  return (
    `  到期义务 ${dueText} 项：按时公开 ${pct(shares.on_time)}，逾期公开 ${pct(shares.late)}，` +
    `要素不全 ${pct(shares.incomplete)}，未公开 ${pct(shares.unpublished)}`
  );
}

export function formatProvinceResult(result: SeedProvinceResult): string {
  const width = Math.max(...SEED_TABLES.map((t) => TABLE_LABELS[t].length));
  const total = SEED_TABLES.reduce((sum, t) => sum + result.counts[t], 0);
  const lines = SEED_TABLES.map(
    (t) => `  ${TABLE_LABELS[t].padEnd(width, '　')}  ${t.padEnd(16)} ${formatCount(result.counts[t]).padStart(11)}`,
  );
  const out = [
    `省级数据已写入 / province-scale data loaded（基准日 ${result.today}，县级单位 ${result.counties} 个，` +
      `总用时 ${formatSeconds(result.durationMs)}），各表行数：`,
    ...lines,
    `  ${'合计'.padEnd(width, '　')}  ${''.padEnd(16)} ${formatCount(total).padStart(11)}`,
  ];
  if (result.mix) out.push(formatMix(result.mix, formatCount(result.mix.due)));
  out.push(`考核评分：${result.scored.months} 个月，${formatCount(result.scored.rows)} 条得分`);
  return out.join('\n');
}
