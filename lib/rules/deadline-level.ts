// The message of a deadline alert (DESIGN §1 Deadlines); where the obligation stands is lib/deadlines.
import type { Ymd } from '../calendar/ymd';
import { LEVEL_TERMS } from './level';
import type { AlertLevel } from './rule';

export interface DeadlineMessageFacts {
  entryName: string;
  /** The last day on time, 'YYYY-MM-DD' (ObligationTimes.dueDay). */
  dueDay: Ymd;
  /** Working days past the due day, when the caller has counted them. */
  lateWorkingDays?: number;
}

export function deadlineMessage(level: AlertLevel, { entryName, dueDay, lateWorkingDays }: DeadlineMessageFacts): string {
  const subject = `${LEVEL_TERMS[level]}：《${entryName}》`;
  const late = lateWorkingDays !== undefined && lateWorkingDays > 0 ? lateWorkingDays : null;
  switch (level) {
    case 'yellow':
      return `${subject}应于 ${dueDay} 前公开`;
    case 'orange':
      return late === null
        ? `${subject}已超过公开时限（应于 ${dueDay} 前公开）`
        : `${subject}已超过公开时限 ${late} 个工作日（应于 ${dueDay} 前公开）`;
    case 'red':
      return late === null
        ? `${subject}严重超过公开时限（应于 ${dueDay} 前公开）`
        : `${subject}超过时限 ${late} 个工作日以上（应于 ${dueDay} 前公开）`;
  }
}
