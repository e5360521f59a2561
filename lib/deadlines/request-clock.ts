// The clocks of a request for information (依申请公开, 《政府信息公开条例》 2019), all on runClock:
// - reply (Art. 33): 20 working days from receipt, the receipt day not counted; after a 补正 the count restarts
//   from the day the corrected application is received (Art. 30); one extension of 1–20 working days; the
//   working days of a consultation (Art. 32–33) are not counted (lib/deadlines/pauses.ts says which).
// - confirm (Art. 31): an online application is received the day the office confirms it; the office confirms
//   within the request_confirm rule's confirmWorkingDays (1 by default).
// - 补正 notice (Art. 30): the office asks for a correction once, within 7 working days of receipt.
// - correction period: the applicant's "reasonable period" to correct (the request_correction rule's
//   periodWorkingDays, 15 by default); none in time and the application counts as abandoned (视为放弃申请).
import type { Calendar } from '../calendar/calendar';
import { dueOfLimit, runClock, type ClockReading } from './clock';
import type { Pause } from './pauses';

export const REPLY_WORKING_DAYS = 20;
export const MAX_EXTENSION_WORKING_DAYS = 20;
export const CORRECTION_NOTICE_WORKING_DAYS = 7;

/** A consultation of a third party or another agency; `to` null while it runs. */
export interface Consultation {
  from: Date;
  to: Date | null;
}

export interface ReplyClockInput {
  /** The receipt, or the corrected application's receipt after a 补正. */
  startedAt: Date;
  /** The consultations since startedAt, oldest first. */
  consultations: readonly Consultation[];
  /** 0, or the one extension's 1–20 working days. */
  extendedWorkingDays: number;
  /** A consultation still running counts as paused up to this instant. */
  now: Date;
  warnWorkingDays?: number;
  severeWorkingDays?: number;
}

export interface ReplyClockReading extends ClockReading {
  /** Working days the consultations took out of the count. */
  pausedWorkingDays: number;
}

export function replyClock(cal: Calendar, input: ReplyClockInput): ReplyClockReading {
  if (!Number.isInteger(input.extendedWorkingDays) || input.extendedWorkingDays < 0 || input.extendedWorkingDays > MAX_EXTENSION_WORKING_DAYS) {
    throw new RangeError(`extendedWorkingDays must be an integer in 0..${MAX_EXTENSION_WORKING_DAYS}, got ${input.extendedWorkingDays}`);
  }
  const pauses: Pause[] = input.consultations.map((c) => ({ from: c.from, to: c.to ?? input.now }));
  const reading = runClock(cal, {
    limit: { kind: 'working_days', from: input.startedAt, n: REPLY_WORKING_DAYS + input.extendedWorkingDays },
    pauses,
    ...(input.warnWorkingDays !== undefined ? { warnWorkingDays: input.warnWorkingDays } : {}),
    ...(input.severeWorkingDays !== undefined ? { severeWorkingDays: input.severeWorkingDays } : {}),
  });
  const pausedWorkingDays = reading.explanation.skipped.filter((day) => day.reason === 'paused').length;
  return { ...reading, pausedWorkingDays };
}

export interface ThresholdParams {
  warnWorkingDays?: number;
  severeWorkingDays?: number;
}

/** The 确认收到 clock of an online application, from its submission. */
export function confirmClock(cal: Calendar, submittedAt: Date, workingDays: number, params: ThresholdParams = {}): ClockReading {
  return runClock(cal, { limit: { kind: 'working_days', from: submittedAt, n: workingDays }, ...params });
}

/** The applicant's correction period, from the 补正 notice. */
export function correctionClock(cal: Calendar, requestedAt: Date, workingDays: number, params: ThresholdParams = {}): ClockReading {
  return runClock(cal, { limit: { kind: 'working_days', from: requestedAt, n: workingDays }, ...params });
}

/** The last moment (24:00 of the 7th working day after receipt) the office may ask for a correction. */
export function correctionNoticeDue(cal: Calendar, receivedAt: Date): Date {
  return dueOfLimit(cal, { kind: 'working_days', from: receivedAt, n: CORRECTION_NOTICE_WORKING_DAYS }).dueAt;
}
