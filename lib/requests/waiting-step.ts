// What a request waits for now, and until when: the queue's countdown and the request page's header. While the
// reply clock stands still (补正: it restarts from the corrected application, Art. 30; 征求意见: those days do not
// count, Art. 32–33) nothing of the office's counts down: the due day moves later with every working day the pause
// lasts, so a ticking figure would be wrong. Pure.
import type { RequestView } from './request';

export interface WaitingStep {
  /** 待确认收到, 待答复 … */
  label: string;
  /** The instant the office's step is due; null when nothing of the office's is counting. */
  dueAt: string | null;
  /** Why nothing counts now, if so. */
  paused?: string;
  /** The applicant's own deadline while a 补正 is awaited. */
  applicantDueAt?: string;
}

type Row = Pick<RequestView, 'state' | 'confirmDueAt' | 'dueAt' | 'correction'>;

export function waitingStep(row: Row): WaitingStep {
  switch (row.state) {
    case 'submitted':
      return { label: '待确认收到', dueAt: row.confirmDueAt };
    case 'received':
      return { label: '待答复', dueAt: row.dueAt };
    case 'correction_requested':
      return {
        label: '待申请人补正',
        dueAt: null,
        paused: '补正期间答复期限不计算',
        ...(row.correction ? { applicantDueAt: row.correction.dueAt } : {}),
      };
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
