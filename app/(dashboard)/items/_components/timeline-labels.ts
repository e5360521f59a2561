// zh-CN words for the entries of 完整还原 (lib/items/timeline.ts): item events, the obligation's life, and
// the alerts raised on the item or its obligation.
import { channelLabel } from '../../../../lib/rules/evaluate-channels';
import { diffLabel } from '../../../../lib/items/item-diff';
import { formatTime } from '../../../../lib/format/shanghai-time';

export const TIMELINE_KIND_LABELS: Readonly<Record<string, string>> = {
  formed: '信息形成',
  submitted: '提交审核',
  reviewed: '审核通过',
  approved: '审批签发',
  published: '发布公开',
  updated: '信息更新',
  withdrawn: '撤回',
  obligation_opened: '生成公开义务',
  obligation_warned: '进入临期',
  obligation_overdue: '超过公开时限',
  obligation_severe: '严重超期',
  obligation_fulfilled: '公开义务履行',
  obligation_cancelled: '公开义务撤销',
  checked: '规则检查',
  alert_opened: '产生预警',
  alert_level_changed: '预警级别变化',
  alert_updated: '预警内容更新',
  alert_acknowledged: '预警已确认',
  alert_assigned: '预警已指派',
  alert_resolved: '预警解除',
  dispute_filed: '部门提出申诉',
  dispute_accepted: '申诉成立',
  dispute_rejected: '申诉驳回',
};

export const SOURCE_LABELS = { item: '公开信息', obligation: '公开义务', check: '检查', alert: '预警', dispute: '申诉' } as const;

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

const INSTANT_KEYS = new Set(['formedAt', 'publishedAt', 'eventAt']);

/** One side of an `updated` event's diff, as text. */
function diffValueText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (INSTANT_KEYS.has(key) && typeof value === 'string') return formatTime(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '（无）';
    if (key === 'channels') return value.map((channel) => channelLabel(String(channel))).join('、');
    if (key === 'attachments') {
      return value
        .map((attachment) => (typeof attachment === 'object' && attachment !== null && 'name' in attachment ? String(attachment.name) : '附件'))
        .join('、');
    }
    return value.map(String).join('、');
  }
  return String(value);
}

export interface DiffLine {
  key: string;
  label: string;
  before: string;
  after: string;
  /** Nothing before (a first value): shown plainly rather than struck through. */
  isBeforeEmpty: boolean;
}

/** An `updated` event's diff as lines, in the order the history recorded them. */
export function diffLines(diff: unknown): DiffLine[] {
  if (typeof diff !== 'object' || diff === null) return [];
  return Object.entries(diff as Record<string, { before?: unknown; after?: unknown }>).map(([key, change]) => ({
    key,
    label: diffLabel(key),
    before: diffValueText(key, change?.before),
    after: diffValueText(key, change?.after),
    isBeforeEmpty: isEmpty(change?.before),
  }));
}
