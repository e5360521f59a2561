// Dates as an admin pastes them from the State Council's notice or a spreadsheet: 2027-01-01,
// 2027/1/1, 2027.1.1, 2027年1月1日, and ranges such as 2027-10-01~2027-10-07 or 2027年10月1日至7日,
// separated by spaces, commas, 、 or new lines.
import { addDaysToDay, dayFromParts, isYmd, type Ymd } from './ymd';

export interface PastedDates {
  days: Ymd[];
  /** zh-CN, one per piece of text that is not a date. */
  errors: string[];
}

const DATE = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
const RANGE_END = String.raw`(?:(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*)?(\d{1,2})\s*日?`;
const PIECE = new RegExp(String.raw`^${DATE}(?:\s*(?:~|～|至|到|\.\.|—|–)\s*${RANGE_END})?$`);
const MAX_RANGE_DAYS = 31;

function toYmd(year: number, month: number, day: number): Ymd | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isYmd(text) ? dayFromParts(year, month, day) : null;
}

export function parsePastedDates(text: string): PastedDates {
  const days = new Set<Ymd>();
  const errors: string[] = [];
  const pieces = text
    // a range's separator may stand between spaces; keep the range in one piece
    .replace(/\s*(~|～|至|到|\.\.|—|–)\s*/g, '$1')
    .split(/[\s,，、;；]+/)
    .map((piece) => piece.trim())
    .filter(Boolean);
  for (const piece of pieces) {
    const match = PIECE.exec(piece);
    const start = match ? toYmd(Number(match[1]), Number(match[2]), Number(match[3])) : null;
    if (!match || !start) {
      errors.push(`无法识别的日期：${piece}`);
      continue;
    }
    if (match[6] === undefined) {
      days.add(start);
      continue;
    }
    const end = toYmd(Number(match[4] ?? match[1]), Number(match[5] ?? match[2]), Number(match[6]));
    if (!end || end < start) {
      errors.push(`日期区间有误：${piece}`);
      continue;
    }
    let day = start;
    for (let i = 0; day <= end && i < MAX_RANGE_DAYS; i++, day = addDaysToDay(day, 1)) days.add(day);
    if (day <= end) errors.push(`日期区间超过 ${MAX_RANGE_DAYS} 天：${piece}`);
  }
  return { days: [...days].sort(), errors };
}
