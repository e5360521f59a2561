// Whether a subject may still be disputed (申诉期限), for the pages that offer 申诉: the same window, calendar and
// weights as fileDispute uses to refuse a late filing, so a page never offers a dispute the API would refuse.
import { getCalendar } from '../calendar/store/calendar-cache';
import type { Db } from '../db/sql';
import { disputeWindowEnd } from '../deadlines/dispute-window';
import { getCurrentWeights } from '../scoring/store/weights-queries';

export interface DisputeWindow {
  /** 24:00 of the window's last day, ISO. */
  endsAt: string;
  isOpen: boolean;
}

/** The window of each subject, keyed by its id; `from` is the alert's opening or the deduction's recording. */
export async function disputeWindows(
  db: Db,
  subjects: readonly { id: number; from: Date | string }[],
  at: Date,
): Promise<Record<number, DisputeWindow>> {
  if (subjects.length === 0) return {};
  const [calendar, { weights }] = await Promise.all([getCalendar(db), getCurrentWeights(db)]);
  return Object.fromEntries(
    subjects.map((subject) => {
      const endsAt = disputeWindowEnd(calendar, new Date(subject.from), weights.disputeWorkingDays);
      return [subject.id, { endsAt: endsAt.toISOString(), isOpen: at < endsAt }];
    }),
  );
}
