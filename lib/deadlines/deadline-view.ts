// A deadline as pages and the API show it (DESIGN §3 `deadline`): when the clock started, the limit, the
// thresholds, and the explanation of the count in zh-CN lines — each run of days that did not count and why
// (周末, the holiday's name, 暂停), the weekends that did (调休上班) — so an office or a department can
// check the due day by hand. Pure: built from a clock reading of lib/deadlines/clock.ts.
import { dayOfWeek, nextDay, shanghaiDayOf, type Ymd } from '../calendar/ymd';
import type { ClockReading } from './clock';
import { dueDayOf } from './due-day';
import type { SkippedDay } from './explain';

export interface DeadlineView {
  /** The instant the clock started (its day is not counted), when it has one. */
  start: string | null;
  limit: { text: string };
  dueAt: string;
  /** The last day on time: dueAt is 24:00 of it. */
  dueDay: Ymd;
  warnAt: string;
  severeAt: string;
  provisional: boolean;
  skipped: SkippedDay[];
  adjustedWorkdays: Ymd[];
  /** zh-CN, one line each: start, limit, days not counted, 调休, due, thresholds. */
  explanation: string[];
}

type Thresholds = Pick<ClockReading, 'warnAt' | 'dueAt' | 'severeAt' | 'provisional'>;

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

const dayWithWeekday = (day: Ymd) => `${day}（${WEEKDAYS[dayOfWeek(day)]}）`;

const reasonText = (s: SkippedDay) => (s.reason === 'holiday' ? `${s.holiday ?? '法定节假日'}假期` : s.reason === 'weekend' ? '周末' : '暂停计时');

/** Consecutive skipped days of one reason (and holiday) as one run. */
function runsOf(skipped: readonly SkippedDay[]): { first: Ymd; last: Ymd; text: string; days: number }[] {
  const runs: { first: Ymd; last: Ymd; text: string; days: number }[] = [];
  for (const s of skipped) {
    const text = reasonText(s);
    const run = runs[runs.length - 1];
    if (run && run.text === text && nextDay(run.last) === s.day) {
      run.last = s.day;
      run.days += 1;
    } else {
      runs.push({ first: s.day, last: s.day, text, days: 1 });
    }
  }
  return runs;
}

const instantLine = (at: Date) => `${shanghaiDayOf(at)} ${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`;

/**
 * `reading` holds the stored thresholds (a rule change or an extension may have moved them since) and the
 * clock's explanation of the count; `start` is when the clock started, `limitText` the limit as written
 * (20个工作日, 每月…).
 */
export function deadlineView(input: {
  start: Date | null;
  limitText: string;
  thresholds: Thresholds;
  explanation: ClockReading['explanation'];
}): DeadlineView {
  const { start, limitText, thresholds, explanation } = input;
  const dueDay = dueDayOf(thresholds.dueAt);
  const lines: string[] = [`时限：${limitText}`];
  if (explanation.window) {
    const unit = explanation.unit === 'calendar_days' ? '自然日' : '工作日';
    // a start on the window's first day is counted itself (实时: the same working day)
    const from = start && shanghaiDayOf(start) < explanation.window.from ? `${shanghaiDayOf(start)} 起算，当日不计；` : '';
    lines.push(`${from}自 ${dayWithWeekday(explanation.window.from)} 起按${unit}计算`);
  } else if (start) {
    lines.push(`${shanghaiDayOf(start)} 起算；期限为固定日期，不按工作日推算`);
  }
  // in calendar order, so the count reads from the start to the due day
  const days = [
    ...runsOf(explanation.skipped).map((run) => {
      const span = run.first === run.last ? dayWithWeekday(run.first) : `${run.first} 至 ${run.last}`;
      return { day: run.first, line: `不计：${span} ${run.text}${run.days > 1 ? `（${run.days} 天）` : ''}` };
    }),
    ...explanation.adjustedWorkdays.map((day) => ({ day, line: `计入：${dayWithWeekday(day)} 调休上班` })),
  ].sort((a, b) => a.day.localeCompare(b.day));
  lines.push(...days.map((d) => d.line));
  lines.push(`到期：${dueDay} 24:00 前${thresholds.provisional ? '（所涉年份节假日安排尚未载入，暂按周末推算）' : ''}`);
  if (thresholds.warnAt.getTime() < thresholds.dueAt.getTime()) lines.push(`临期提醒：${instantLine(thresholds.warnAt)} 起`);
  lines.push(`严重超期：${instantLine(thresholds.severeAt)} 起`);
  return {
    start: start?.toISOString() ?? null,
    limit: { text: limitText },
    dueAt: thresholds.dueAt.toISOString(),
    dueDay,
    warnAt: thresholds.warnAt.toISOString(),
    severeAt: thresholds.severeAt.toISOString(),
    provisional: thresholds.provisional,
    skipped: explanation.skipped,
    adjustedWorkdays: explanation.adjustedWorkdays,
    explanation: lines,
  };
}
