// 回看: `asOf`, the moment the wall and the alert API look back to (DESIGN §3 Pages: `/?asOf=<ISO date-time>`).
// An ISO 8601 instant with an offset, or a bare YYYY-MM-DD meaning the end of that day in Asia/Shanghai (24:00,
// as the `to` filter reads a day): "the wall as it stood on November 30th" is the wall at its close. A moment
// still to come cannot be looked back at. Pure, so the API, the page and the browser's picker agree.
import { z } from 'zod';
import { endOfShanghaiDay, isYmd } from '../calendar/ymd';
import { formatTime } from '../format/shanghai-time';
import { parseInstant } from '../items/ingest-schema';

export type AsOfParse = { ok: true; at: Date } | { ok: false; message: string };

export const AS_OF_FUTURE_MESSAGE = '回看时间不能晚于当前时间';

// a '+' typed into an address bar arrives as a space ('…T18:00:00 08:00'): read it as the offset it was
const SPACED_OFFSET = /^(\d{4}-\d{2}-\d{2}[Tt].*) (\d{2}(?::?\d{2})?)$/;

export function parseAsOf(raw: string, now: Date): AsOfParse {
  const text = raw.trim().replace(SPACED_OFFSET, '$1+$2');
  if (text.length > 64) return { ok: false, message: '回看时间格式应为带时区的 ISO 8601 时间，如 2026-11-30T18:00:00+08:00' };
  if (isYmd(text)) {
    const at = endOfShanghaiDay(text);
    return at.getTime() > now.getTime()
      ? { ok: false, message: `${AS_OF_FUTURE_MESSAGE}（只写日期表示当天 24:00）` }
      : { ok: true, at };
  }
  const parsed = parseInstant(text);
  if (!parsed.ok) return { ok: false, message: `回看时间无效：${parsed.reason}` };
  if (parsed.date.getTime() > now.getTime()) return { ok: false, message: AS_OF_FUTURE_MESSAGE };
  return { ok: true, at: parsed.date };
}

/** The `asOf` query parameter of the alert API: absent (live), or a moment in the past. */
export const asOfSchema = (now: () => Date) =>
  z
    .string()
    .transform((raw, context) => {
      const parsed = parseAsOf(raw, now());
      if (parsed.ok) return parsed.at;
      context.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    })
    .optional();

/** The moment as the wall's URL and banner write it: 2026-11-30T18:00:00+08:00, read in Asia/Shanghai. */
export function asOfParam(at: Date): string {
  return `${formatTime(at).replace(' ', 'T')}:${String(Math.floor((at.getTime() / 1000) % 60)).padStart(2, '0')}+08:00`;
}

/** A picker's 'YYYY-MM-DD HH:mm' (a wall-clock time in Asia/Shanghai) as an `asOf` value. */
export const asOfFromPicker = (dayAndMinute: string) => `${dayAndMinute.trim().replace(' ', 'T')}:00+08:00`;
