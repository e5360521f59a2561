// What a request waits for now, and until when: the queue's countdown and the request page's header. While
// the clock stands still (补正, 征求意见) there is no countdown to the reply: the due day moves later by every
// working day the pause lasts, so a ticking figure would be wrong.
import type { RequestView } from '../../../../lib/requests/request';

export interface WaitingStep {
  /** 待确认收到, 待答复 … */
  label: string;
  /** The instant the office's step is due; null when nothing of the office's is counting. */
  dueAt: string | null;
  /** Why nothing counts now, if so. */
  paused?: string;
}

type Row = Pick<RequestView, 'state' | 'confirmDueAt' | 'dueAt' | 'correction'>;

export function waitingStep(row: Row): WaitingStep {
  switch (row.state) {
    case 'submitted':
      return { label: '待确认收到', dueAt: row.confirmDueAt };
    case 'received':
      return { label: '待答复', dueAt: row.dueAt };
    case 'correction_requested':
      return { label: '待申请人补正', dueAt: null, paused: '补正期间答复期限不计算' };
    case 'consulting':
      return { label: '征求意见中', dueAt: null, paused: '征求意见期间暂停计时' };
    case 'replied':
      return { label: '待送达', dueAt: null };
    case 'delivered':
      return { label: '待归档', dueAt: null };
    case 'closed':
      return { label: '已归档', dueAt: null };
    case 'abandoned':
      return { label: '视为放弃申请', dueAt: null };
    case 'withdrawn':
      return { label: '申请人已撤回', dueAt: null };
  }
}
