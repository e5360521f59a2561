// Where a request's clocks stand at an instant: the clock of the step it waits for (确认收到 while submitted, the
// applicant's 补正 period while correction_requested, the reply clock while received or consulting), its level
// and the next instant the sweep must look at it again. Pure; the request store and the sweep both read it.
import type { Calendar } from '../calendar/calendar';
import { shanghaiDayOf, startOfShanghaiDay, addDaysToDay } from '../calendar/ymd';
import type { Level } from '../rules/level';
import type { ClockReading } from './clock';
import { levelAt, nextThresholdAfter } from './levels';
import { confirmClock, correctionClock, replyClock, type Consultation, type ReplyClockReading } from './request-clock';

export type RequestPhase = 'confirm' | 'correction' | 'reply';

export interface RequestClockSubject {
  state: string;
  submittedAt: Date;
  /** The reply clock's start: the receipt, or the corrected application's receipt. */
  clockStartedAt: Date | null;
  consultations: readonly Consultation[];
  extendedWorkingDays: number;
  correctionRequestedAt: Date | null;
  correctionWorkingDays: number | null;
}

export interface RequestClockParams {
  reply: { warnWorkingDays: number; severeWorkingDays: number };
  confirm: { confirmWorkingDays: number; warnWorkingDays: number; severeWorkingDays: number };
  correction: { severeWorkingDays: number };
}

export interface RequestStatus {
  /** The step the office waits on, null once replied (or closed). */
  phase: RequestPhase | null;
  /** The clock of that phase. */
  clock: ClockReading | null;
  /** The reply clock, whenever one runs (received, consulting). */
  reply: ReplyClockReading | null;
  level: Level;
  nextCheckAt: Date | null;
}

const NONE: RequestStatus = { phase: null, clock: null, reply: null, level: 'none', nextCheckAt: null };

export function requestStatus(cal: Calendar, subject: RequestClockSubject, params: RequestClockParams, now: Date): RequestStatus {
  switch (subject.state) {
    case 'submitted': {
      const clock = confirmClock(cal, subject.submittedAt, params.confirm.confirmWorkingDays, {
        warnWorkingDays: params.confirm.warnWorkingDays,
        severeWorkingDays: params.confirm.severeWorkingDays,
      });
      return { phase: 'confirm', clock, reply: null, level: levelAt(clock, now), nextCheckAt: nextThresholdAfter(clock, now) };
    }
    case 'correction_requested': {
      if (!subject.correctionRequestedAt || !subject.correctionWorkingDays) return NONE;
      // the applicant's period: nothing to warn of before it ends, then the office must close the application
      const clock = correctionClock(cal, subject.correctionRequestedAt, subject.correctionWorkingDays, {
        warnWorkingDays: 0,
        severeWorkingDays: params.correction.severeWorkingDays,
      });
      return { phase: 'correction', clock, reply: null, level: levelAt(clock, now), nextCheckAt: nextThresholdAfter(clock, now) };
    }
    case 'received':
    case 'consulting': {
      if (!subject.clockStartedAt) return NONE;
      const reply = replyClock(cal, {
        startedAt: subject.clockStartedAt,
        consultations: subject.consultations,
        extendedWorkingDays: subject.extendedWorkingDays,
        now,
        ...params.reply,
      });
      // while a consultation runs its days do not count, so the thresholds move with each day: look again tomorrow
      const nextCheckAt =
        subject.state === 'consulting' ? startOfShanghaiDay(addDaysToDay(shanghaiDayOf(now), 1)) : nextThresholdAfter(reply, now);
      return { phase: 'reply', clock: reply, reply, level: levelAt(reply, now), nextCheckAt };
    }
    default:
      return NONE;
  }
}
