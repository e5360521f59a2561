// The periods of periodic and fixed-date catalog entries (DESIGN §1 Deadlines: 每月, 每季度,
// 半年至少更新1次, 每年, 每年1月31日前), named by the key stored in obligations.period_key.
//
// Keys: month '2026-11', quarter '2026-Q4', half year '2026-H2', year '2026'. A fixed-date entry opens
// its obligation on 1 January and is due on its day of that year; its key names the year the report
// covers, the one before (the 2025 annual report, key '2025', is due 2026-01-31), as the demo seeds do,
// so opening the period twice — once by the seed, once by the scheduled job — finds the same row.
import { dayFromParts, yearOf, type Ymd } from '../calendar/ymd';
import type { TimeLimit, TimeLimitPeriod } from '../catalog/time-limit';

export type PeriodLimit = Extract<TimeLimit, { kind: 'periodic' | 'fixed_date' }>;

export interface Period {
  key: string;
  /** First day of the period: the obligation opens at its 00:00 (Asia/Shanghai). */
  start: Ymd;
  /** Last day of the period. */
  end: Ymd;
  /** zh-CN name, e.g. 2026年第四季度, 2025年度. */
  label: string;
}

const PERIOD_MONTHS: Readonly<Record<TimeLimitPeriod, number>> = { month: 1, quarter: 3, half_year: 6, year: 12 };
const QUARTER_NAMES = ['一', '二', '三', '四'];

export function isPeriodLimit(limit: TimeLimit): limit is PeriodLimit {
  return limit.kind === 'periodic' || limit.kind === 'fixed_date';
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The zh-CN name of a period key ('2026-11' → 2026年11月, '2026-Q4' → 2026年第四季度, '2026-H2', '2025'). */
export function periodKeyLabel(key: string): string {
  const match = /^(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?$/.exec(key);
  if (!match) return key;
  const [, year, month, quarter, half] = match;
  if (month) return `${year}年${Number(month)}月`;
  if (quarter) return `${year}年第${QUARTER_NAMES[Number(quarter) - 1]}季度`;
  if (half) return `${year}年${half === '1' ? '上' : '下'}半年`;
  return `${year}年度`;
}

/** The month/quarter/half-year/year that contains `day`. */
export function calendarPeriodOf(period: TimeLimitPeriod, day: Ymd): Period {
  const year = yearOf(day);
  const month = Number(day.slice(5, 7));
  const months = PERIOD_MONTHS[period];
  const firstMonth = Math.floor((month - 1) / months) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const start = `${year}-${pad2(firstMonth)}-01`;
  const end = dayFromParts(year, lastMonth, 31);
  const key = {
    month: `${year}-${pad2(month)}`,
    quarter: `${year}-Q${Math.ceil(month / 3)}`,
    half_year: `${year}-H${month <= 6 ? 1 : 2}`,
    year: String(year),
  }[period];
  return { key, start, end, label: periodKeyLabel(key) };
}

/** The period of `limit` that is current on `day`: the one whose obligation should be open then. */
export function periodAt(limit: PeriodLimit, day: Ymd): Period {
  if (limit.kind === 'periodic') return calendarPeriodOf(limit.period, day);
  const year = yearOf(day);
  const covered = year - 1;
  return { key: String(covered), start: `${year}-01-01`, end: `${year}-12-31`, label: periodKeyLabel(String(covered)) };
}
