// What a department does about each thing on its workspace (部门工作台): the fix an open alert asks for — publish
// the item, complete element X, add channel Y, sign for or answer a complaint — read from the alert's rule kind
// and the details its rule recorded (completeness: the findings' elements; channel: the missing channels), and
// where to do it. Pure, so the workspace and its tests read the same answer.
import type { Alert } from '../alerts/alert';
import { channelLabel } from '../rules/evaluate-channels';
import { elementLabel } from '../rules/evaluate-completeness';

export type AlertFix =
  | { kind: 'publish'; label: string; href: string }
  | { kind: 'complete'; label: string; elements: string[]; href: string }
  | { kind: 'add_channel'; label: string; channels: string[]; href: string }
  | { kind: 'complaint'; label: string; href: string }
  /** A request for information (依申请公开) that the department received: its page holds every step. */
  | { kind: 'request'; label: string; href: string }
  /** Nothing for the department to do yet (a complaint not dispatched to it: it cannot open it either). */
  | { kind: 'wait'; label: string; href: null };

/** The hand-publishing form (/workspace/publish): correcting a stored item, or a new item under an entry. */
export function publishFormHref(target: { itemId: number } | { entryId: number } | null): string {
  if (target === null) return '/workspace/publish';
  return 'itemId' in target ? `/workspace/publish?item=${target.itemId}` : `/workspace/publish?entry=${target.entryId}`;
}

export type FixableAlert = Pick<Alert, 'rule' | 'details' | 'itemId' | 'complaintId'> & {
  /** The catalog entry of the alert's obligation, for a period obligation that has no item yet. */
  obligationEntryId: number | null;
};

const COMPLAINT_PHASE_FIXES: Record<string, string> = {
  accept: '签收投诉件',
  reply: '答复投诉件',
};

const REQUEST_FIXES: Record<'request_reply' | 'request_confirm' | 'request_correction', string> = {
  request_confirm: '确认收到申请',
  request_correction: '按视为放弃申请归档或登记补正',
  request_reply: '答复政府信息公开申请',
};

const unique = (values: readonly string[]) => [...new Set(values)];

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function findingElements(details: Record<string, unknown>): string[] {
  const findings = Array.isArray(details.findings) ? details.findings : [];
  return unique(
    findings.flatMap((finding: unknown) =>
      finding !== null && typeof finding === 'object' && typeof (finding as { element?: unknown }).element === 'string'
        ? [(finding as { element: string }).element]
        : [],
    ),
  );
}

export function alertFix(alert: FixableAlert): AlertFix {
  const itemForm = alert.itemId !== null ? publishFormHref({ itemId: alert.itemId }) : null;
  switch (alert.rule.kind) {
    case 'deadline':
      // an event-triggered obligation has its (formed, unpublished) item; a period's is published as a new item
      if (itemForm) return { kind: 'publish', label: '发布该信息', href: itemForm };
      return {
        kind: 'publish',
        label: '发布本期信息',
        href: publishFormHref(alert.obligationEntryId !== null ? { entryId: alert.obligationEntryId } : null),
      };
    case 'completeness': {
      const elements = findingElements(alert.details);
      const label = elements.length > 0 ? `补全要素：${elements.map(elementLabel).join('、')}` : '补全要素';
      return { kind: 'complete', label, elements, href: itemForm ?? publishFormHref(null) };
    }
    case 'channel': {
      const channels = unique(stringsOf(alert.details.missing));
      const label = channels.length > 0 ? `补发渠道：${channels.map(channelLabel).join('、')}` : '补发渠道';
      return { kind: 'add_channel', label, channels, href: itemForm ?? publishFormHref(null) };
    }
    case 'complaint_substantiated': {
      // a complaint found 属实: what it was about is published (the named item, else a new item under the entry)
      const entryId = typeof alert.details.catalogEntryId === 'number' ? alert.details.catalogEntryId : null;
      const href = itemForm ?? publishFormHref(entryId !== null ? { entryId } : null);
      return { kind: 'publish', label: '公开投诉所涉信息', href };
    }
    case 'complaint_sla': {
      const phase = typeof alert.details.phase === 'string' ? alert.details.phase : '';
      // 派单 is the handler's step: the complaint reaches the department only once dispatched
      if (phase === 'assign') return { kind: 'wait', label: '待投诉处理人员派单', href: null };
      return {
        kind: 'complaint',
        label: COMPLAINT_PHASE_FIXES[phase] ?? '办理投诉件',
        href: alert.complaintId !== null ? `/complaints/${alert.complaintId}` : '/complaints',
      };
    }
    case 'request_reply':
    case 'request_confirm':
    case 'request_correction': {
      const requestId = typeof alert.details.requestId === 'number' ? alert.details.requestId : null;
      return { kind: 'request', label: REQUEST_FIXES[alert.rule.kind], href: requestId !== null ? `/requests/${requestId}` : '/requests' };
    }
  }
}
