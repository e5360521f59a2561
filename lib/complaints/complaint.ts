// 投诉件 (DESIGN §1 Complaints): channels, states, satisfaction levels and their zh-CN labels.
import { z } from 'zod';

export const CHANNELS = ['phone', 'onsite', 'online'] as const;
export const channelSchema = z.enum(CHANNELS, { error: '投诉渠道必须是 电话/现场/网上 之一' });
export type Channel = z.infer<typeof channelSchema>;

// 12345 closed loop: 受理 → 派单 → 签收 → 办理 → 答复 → 办结, with 回退 and 重办 (延期 is an event, not a state)
export const STATES = ['received', 'assigned', 'accepted', 'in_progress', 'replied', 'closed', 'returned', 'reopened'] as const;
export const stateSchema = z.enum(STATES, { error: '状态无效' });
export type ComplaintState = z.infer<typeof stateSchema>;

// 政务服务"好差评": the first three count as satisfied, the last two reopen the complaint (重办)
export const SATISFACTIONS = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'] as const;
export const satisfactionSchema = z.enum(SATISFACTIONS, { error: '请选择评价等级' });
export type Satisfaction = z.infer<typeof satisfactionSchema>;

export const isSatisfied = (s: Satisfaction) => s === 'very_satisfied' || s === 'satisfied' || s === 'basically_satisfied';

export const CHANNEL_LABELS: Record<Channel, string> = { phone: '电话', onsite: '现场', online: '网上' };

export const STATE_LABELS: Record<ComplaintState, string> = {
  // received is the state of waiting for dispatch: the desk's next step is the one the label names
  received: '待派单',
  assigned: '已派单',
  accepted: '已签收',
  in_progress: '办理中',
  replied: '已答复',
  closed: '已办结',
  returned: '已回退',
  reopened: '重办',
};

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
};

export const EVENT_KINDS = [
  'received',
  'assigned',
  'accepted',
  'started',
  'replied',
  'closed',
  'returned',
  'extended',
  'reopened',
  'reminded',
  'rated',
  'noted',
  'finding_withdrawn',
] as const;
export type ComplaintEventKind = (typeof EVENT_KINDS)[number];

export const EVENT_LABELS: Record<ComplaintEventKind, string> = {
  received: '受理',
  assigned: '派单',
  accepted: '签收',
  started: '开始办理',
  replied: '答复',
  closed: '办结',
  returned: '回退',
  extended: '延期',
  reopened: '重办',
  reminded: '催办',
  rated: '评价',
  noted: '备注',
  finding_withdrawn: '撤销属实认定',
};

// 办结 as 属实 records a violation against the responsible department (lib/complaints/record-violation.ts)
export const FINDINGS = ['substantiated', 'unsubstantiated'] as const;
export const findingSchema = z.enum(FINDINGS, { error: '请选择核实结果：属实或不属实' });
export type ComplaintFinding = z.infer<typeof findingSchema>;
export const FINDING_LABELS: Record<ComplaintFinding, string> = { substantiated: '属实', unsubstantiated: '不属实' };

/** States in which the complaint waits for the handler to dispatch it (派单). */
export const AWAITING_DISPATCH: readonly ComplaintState[] = ['received', 'returned', 'reopened'];
/** States in which a department holds the complaint. */
export const WITH_DEPARTMENT: readonly ComplaintState[] = ['assigned', 'accepted', 'in_progress'];
