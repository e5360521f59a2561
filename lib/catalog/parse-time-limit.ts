// Turns a catalog's 公开时限 wording into a TimeLimit. Wording that cannot be checked, or that this
// parser does not know, becomes `unmeasurable` so the office is asked to make it measurable.
import {
  isValidMonthDay,
  PERIODIC_DEFAULT_WORKING_DAYS,
  type TimeLimit,
  type TimeLimitPeriod,
} from './time-limit';

// Omit applied to each member of the union, so `kind` still narrows the rest
type WithoutText<T> = T extends unknown ? Omit<T, 'text'> : never;
type Parsed = WithoutText<TimeLimit>;

const MAX_DAYS = 365;
const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

// 二十 → 20, 十五 → 15, 一百二十 → 120; enough for any day count or date.
function chineseNumeral(run: string): number {
  let total = 0;
  let current = 0;
  for (const ch of run) {
    if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else {
      current = DIGITS[ch] ?? 0;
    }
  }
  return total + current;
}

function normalize(text: string): string {
  return (
    text
      // NFKC folds full-width digits and brackets (２０个工作日, （常委会）) to ASCII
      .normalize('NFKC')
      .replace(/\s+/g, '')
      .replace(/[零〇一二两三四五六七八九十百]+/g, (run) => String(chineseNumeral(run)))
      // a minimum display period (批前公示时间不得少于30日) is not a publication deadline
      .replace(/(?:不[得应]?少于|不低于|至少)\d+个?(?:工作日|自然日|日|天|周|个月)/g, '')
  );
}

function dayCount(raw: string | undefined, factor = 1): number | null {
  const n = Number(raw) * factor;
  return Number.isInteger(n) && n >= 1 && n <= MAX_DAYS ? n : null;
}

function periodOf(word: string): TimeLimitPeriod {
  if (word.startsWith('半年')) return 'half_year';
  if (word.startsWith('季')) return 'quarter';
  if (word.startsWith('月')) return 'month';
  return 'year';
}

const PERIOD_WORD = '(半年|季度?|月|年)';

type Rule = (t: string) => Parsed | null;

const rules: Rule[] = [
  // 提前一周 / 提前3日: out before the event
  (t) => {
    const m = /提前(\d+)个?(周|星期|日|天)/.exec(t);
    if (!m) return null;
    const n = dayCount(m[1], m[2] === '周' || m[2] === '星期' ? 7 : 1);
    return n === null ? null : { kind: 'before_event', n };
  },
  // 会议召开前3日 / 举行前一周: the same, worded from the event
  (t) => {
    const m = /(?:召开|举行|举办|开展|实施)(?:之|以)?前(\d+)个?(周|星期|日|天)/.exec(t);
    if (!m) return null;
    const n = dayCount(m[1], m[2] === '周' || m[2] === '星期' ? 7 : 1);
    return n === null ? null : { kind: 'before_event', n };
  },
  // 提前N个工作日 has no structured form yet; it must not fall through to working_days_after
  (t) => (/提前\d+个?工作日/.test(t) ? { kind: 'unmeasurable' } : null),
  // 每年1月31日前: the annual report (Art. 49)
  (t) => {
    const m = /(\d{1,2})月(\d{1,2})日(?:之|以)?前/.exec(t);
    if (!m) return null;
    const month = Number(m[1]);
    const day = Number(m[2]);
    // a date that does not exist is a typo for the office to fix, not a yearly periodic limit
    return isValidMonthDay(month, day) ? { kind: 'fixed_date', month, day } : { kind: 'unmeasurable' };
  },
  // 每季度结束后15个工作日内
  (t) => {
    const m = new RegExp(`[每按]${PERIOD_WORD}度?(?:结束|终了|末)?后(\\d+)个?工作日`).exec(t);
    const n = m ? dayCount(m[2]) : null;
    return m && n !== null ? { kind: 'periodic', period: periodOf(m[1] ?? ''), n } : null;
  },
  // 20个工作日内, 20工作日, 7个工作日内公示
  (t) => {
    const n = dayCount(/(\d+)个?工作日/.exec(t)?.[1]);
    return n === null ? null : { kind: 'working_days_after', n };
  },
  // 批准后20日内 (calendar days; a date such as 1月31日 is not a count)
  (t) => {
    const days = /(?<![月\d])(\d+)个?(?:自然日|日|天)/.exec(t);
    const weeks = /(?<!\d)(\d+)个?(?:周|星期)内/.exec(t);
    const n = days ? dayCount(days[1]) : weeks ? dayCount(weeks[1], 7) : null;
    return n === null ? null : { kind: 'calendar_days_after', n };
  },
  // 实时公开: by the end of the working day
  (t) => (/实时|即时|当日|当天/.test(t) ? { kind: 'same_day' } : null),
  // 每月, 每季度, 半年至少更新1次
  (t) => {
    const m = new RegExp(`[每按]${PERIOD_WORD}|(半年|季度|月度|年度)`).exec(t);
    if (!m) return null;
    // "at least once per half year" must happen inside the period, not after it
    const withinPeriod = /至少|(?<!\d)1次/.test(t);
    return {
      kind: 'periodic',
      period: periodOf(m[1] ?? m[2] ?? ''),
      n: withinPeriod ? 0 : PERIODIC_DEFAULT_WORKING_DAYS,
    };
  },
];

export function parseTimeLimit(text: string): TimeLimit {
  const original = text.trim();
  const normalized = normalize(original);
  for (const rule of rules) {
    const parsed = rule(normalized);
    if (parsed) return { ...parsed, text: original };
  }
  // 及时, 按进展, 长期公开, 永久公开 and anything unknown
  return { kind: 'unmeasurable', text: original };
}
