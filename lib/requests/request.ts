// 政府信息公开申请 (依申请公开, DESIGN §1 Request and §3): channels, states, applicant types, reply types,
// delivery methods, their zh-CN labels, and the request's JSON shape in the API.
import { z } from 'zod';
import type { DeadlineView } from '../deadlines/deadline-view';

export const CHANNELS = ['online', 'letter', 'in_person'] as const;
export const channelSchema = z.enum(CHANNELS, { error: '申请方式必须是 online（网上）、letter（信函）、in_person（当面）之一' });
export type RequestChannel = z.infer<typeof channelSchema>;
export const CHANNEL_LABELS: Record<RequestChannel, string> = { online: '网上申请', letter: '信函申请', in_person: '当面申请' };

// submitted (online, awaiting 确认收到) → received → [correction_requested → received | abandoned]
// → [consulting ↔ received] → replied → delivered → closed (归档); withdrawn from any open step.
// An extension is not a state (DESIGN §3).
export const STATES = [
  'submitted',
  'received',
  'correction_requested',
  'consulting',
  'replied',
  'delivered',
  'closed',
  'abandoned',
  'withdrawn',
] as const;
export const stateSchema = z.enum(STATES, { error: '状态无效' });
export type RequestState = z.infer<typeof stateSchema>;

export const STATE_LABELS: Record<RequestState, string> = {
  submitted: '待确认',
  received: '办理中',
  correction_requested: '待补正',
  consulting: '征求意见中',
  replied: '已答复',
  delivered: '已送达',
  closed: '已归档',
  abandoned: '视为放弃',
  withdrawn: '已撤回',
};

/** States in which the office still owes the applicant something: the queue, the sweep, the alerts. */
export const OPEN_STATES: readonly RequestState[] = ['submitted', 'received', 'correction_requested', 'consulting'];
/** States a request never leaves. */
export const FINAL_STATES: readonly RequestState[] = ['closed', 'abandoned', 'withdrawn'];

// The annual report's applicant columns (国办公开办函〔2021〕30号, part 三): 自然人, then 法人或其他组织
export const APPLICANT_TYPES = ['person', 'business', 'research', 'nonprofit', 'legal_service', 'other'] as const;
export const applicantTypeSchema = z.enum(APPLICANT_TYPES, {
  error: '申请人类型必须是 自然人/商业企业/科研机构/社会公益组织/法律服务机构/其他 之一',
});
export type ApplicantType = z.infer<typeof applicantTypeSchema>;
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  person: '自然人',
  business: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal_service: '法律服务机构',
  other: '其他',
};

export const ID_TYPES = ['resident_id', 'passport', 'hk_macao_taiwan', 'credit_code', 'other'] as const;
export const idTypeSchema = z.enum(ID_TYPES, { error: '证件类型无效' });
export type IdType = z.infer<typeof idTypeSchema>;
export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao_taiwan: '港澳台居民证件',
  credit_code: '统一社会信用代码',
  other: '其他证件',
};

export const FORMATS = ['paper', 'electronic', 'other'] as const;
export const formatSchema = z.enum(FORMATS, { error: '获取信息的载体形式必须是 paper（纸质）、electronic（电子）、other（其他）之一' });
export type RequestFormat = z.infer<typeof formatSchema>;
export const FORMAT_LABELS: Record<RequestFormat, string> = { paper: '纸质', electronic: '电子', other: '其他' };

// 送达: how the applicant asks to receive the reply (delivery) and how it was delivered (deliver's method)
export const DELIVERY_METHODS = ['online', 'post', 'in_person', 'email'] as const;
export const deliveryMethodSchema = z.enum(DELIVERY_METHODS, {
  error: '送达方式必须是 online（网上）、post（邮寄）、in_person（当面领取）、email（电子邮件）之一',
});
export type DeliveryMethod = z.infer<typeof deliveryMethodSchema>;
export const DELIVERY_LABELS: Record<DeliveryMethod, string> = { online: '网上', post: '邮寄', in_person: '当面领取', email: '电子邮件' };

// 答复类型 (Art. 36). 申请人撤回 is the `withdrawn` state, not a reply.
export const REPLY_TYPES = [
  'disclosed',
  'partly_disclosed',
  'withheld',
  'already_public',
  'not_exist',
  'not_responsible',
  'repeated',
  'not_a_request',
] as const;
export const replyTypeSchema = z.enum(REPLY_TYPES, { error: '答复类型无效' });
export type ReplyType = z.infer<typeof replyTypeSchema>;
export const REPLY_TYPE_LABELS: Record<ReplyType, string> = {
  disclosed: '予以公开',
  partly_disclosed: '部分公开',
  withheld: '不予公开',
  already_public: '已主动公开',
  not_exist: '信息不存在',
  not_responsible: '非本机关负责公开',
  repeated: '不予重复处理',
  not_a_request: '不属于政府信息公开申请',
};
/** Reply types that must name their legal basis (what was withheld and why). */
export const REPLY_TYPES_NEEDING_BASIS: readonly ReplyType[] = ['partly_disclosed', 'withheld'];

// The annual report's sub-rows (part 三, 办理结果): the ground of a 不予公开 / 部分公开, and the case of the
// other types where the template splits them. Optional on a reply; a report counts a missing one as 其他.
export const REPLY_GROUNDS = [
  // 不予公开 (and the withheld part of 部分公开)
  'state_secret', // 属于国家秘密
  'prohibited_by_law', // 其他法律行政法规禁止公开
  'three_safeties', // 危及"三安全一稳定"
  'third_party', // 保护第三方合法权益 (商业秘密、个人隐私)
  'internal_affairs', // 属于三类内部事务信息
  'process_info', // 属于四类过程性信息
  'enforcement_file', // 属于行政执法案卷
  'administrative_query', // 属于行政查询事项
  // 无法提供
  'not_held', // 本机关不掌握相关政府信息
  'needs_making', // 没有现成信息需要另行制作
  'still_unclear', // 补正后申请内容仍不明确
  // 不予处理
  'petition', // 信访举报投诉类申请
  'repeated', // 重复申请
  'publication', // 要求提供公开出版物
  'excessive', // 无正当理由大量反复申请
  'confirmation', // 要求行政机关确认或重新出具已获取信息
  'other',
] as const;
export const replyGroundSchema = z.enum(REPLY_GROUNDS, { error: '答复理由无效' });
export type ReplyGround = z.infer<typeof replyGroundSchema>;
export const REPLY_GROUND_LABELS: Record<ReplyGround, string> = {
  state_secret: '属于国家秘密',
  prohibited_by_law: '其他法律行政法规禁止公开',
  three_safeties: '危及"三安全一稳定"',
  third_party: '保护第三方合法权益',
  internal_affairs: '属于三类内部事务信息',
  process_info: '属于四类过程性信息',
  enforcement_file: '属于行政执法案卷',
  administrative_query: '属于行政查询事项',
  not_held: '本机关不掌握相关政府信息',
  needs_making: '没有现成信息需要另行制作',
  still_unclear: '补正后申请内容仍不明确',
  petition: '信访举报投诉类申请',
  repeated: '重复申请',
  publication: '要求提供公开出版物',
  excessive: '无正当理由大量反复申请',
  confirmation: '要求行政机关确认或重新出具已获取信息',
  other: '其他',
};

export const EVENT_KINDS = [
  'submitted',
  'received',
  'correction_requested',
  'corrected',
  'consultation_started',
  'consultation_ended',
  'extended',
  'replied',
  'delivered',
  'closed',
  'abandoned',
  'withdrawn',
] as const;
export type RequestEventKind = (typeof EVENT_KINDS)[number];
export const EVENT_LABELS: Record<RequestEventKind, string> = {
  submitted: '提交申请',
  received: '确认收到',
  correction_requested: '告知补正',
  corrected: '收到补正申请',
  consultation_started: '征求意见',
  consultation_ended: '征求意见结束',
  extended: '延期答复',
  replied: '答复',
  delivered: '送达',
  closed: '归档',
  abandoned: '视为放弃申请',
  withdrawn: '申请人撤回',
};

export const attachmentSchema = z.strictObject({
  name: z.string({ error: '附件名称必须是文本' }).trim().min(1, '请填写附件名称').max(200, '附件名称不超过 200 个字'),
  url: z.url({ error: '附件链接无效' }).max(2_048, '附件链接过长'),
});
export type RequestAttachment = z.infer<typeof attachmentSchema>;

// ——— the request in the API (DESIGN §3) ———
// Instants are ISO 8601 in Asia/Shanghai (2026-12-01T00:00:00+08:00, lib/format/shanghai-time.ts formatIsoShanghai).

export interface RequestEvent {
  at: string;
  kind: RequestEventKind;
  /** Staff username, or 申请人 for an online application's submission. */
  actor: string;
  /** What the page shows: a user's 姓名 (lib/auth/actor-names.ts). */
  actorName: string;
  fromState: RequestState | null;
  toState: RequestState | null;
  note: string | null;
  /** The step's fields: what to correct and by when, whom consulted, the extension, the reply type. */
  data: Record<string, unknown> | null;
}

export interface Applicant {
  type: ApplicantType;
  name: string;
  idType: IdType | null;
  /** Masked (110105********1234) everywhere except GET /requests/:id for those who handle the request. */
  idNo: string | null;
  phone: string;
  email: string | null;
  address: string | null;
}

export interface RequestReply {
  type: ReplyType;
  text: string;
  basis: string | null;
  ground: ReplyGround | null;
  attachments: RequestAttachment[];
  repliedAt: string;
}

/** GET /api/v1/requests/:id and each row of GET /api/v1/requests. */
export interface RequestView {
  id: number;
  trackingCode: string;
  state: RequestState;
  channel: RequestChannel;
  regionId: string;
  regionName: string;
  departmentId: number;
  departmentName: string;
  /** The applicant chose 不清楚: the region's government office received it. */
  departmentUnknown: boolean;
  /** Personal data: null for readers who may not see it (see lib/auth/permissions/request-access.ts). */
  applicant: Applicant | null;
  description: string;
  purpose: string | null;
  format: RequestFormat | null;
  delivery: DeliveryMethod | null;
  submittedAt: string;
  /** Online: null until 确认收到. */
  receivedAt: string | null;
  /** While submitted: the 确认收到 deadline (1 working day by default). */
  confirmDueAt: string | null;
  /** The reply deadline, the end of the due day (24:00 Asia/Shanghai written as the next 00:00+08:00). */
  dueAt: string | null;
  warnAt: string | null;
  severeAt: string | null;
  provisional: boolean;
  level: 'none' | 'yellow' | 'orange' | 'red';
  pausedWorkingDays: number;
  extendedWorkingDays: number;
  correction: { what: string; requestedAt: string; workingDays: number; dueAt: string; correctedAt: string | null } | null;
  /** The consultation under way (state consulting). */
  consultation: { with: string; from: string } | null;
  extension: { workingDays: number; approver: string; reason: string; at: string } | null;
  reply: RequestReply | null;
  deliveredAt: string | null;
  deliveryMethod: DeliveryMethod | null;
  closedAt: string | null;
  updatedAt: string;
  /** How the reply deadline was counted (days not counted and why, pauses, 调休); null in lists and before receipt. */
  deadline: DeadlineView | null;
  /** Oldest first. Lists leave them empty. */
  events: RequestEvent[];
}

/** GET /api/v1/requests/track/:code?phone4= — no personal data, no staff names. */
export interface TrackedRequest {
  trackingCode: string;
  state: RequestState;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  correction: { what: string; dueAt: string } | null;
  reply: Omit<RequestReply, 'ground'> | null;
  events: Array<Pick<RequestEvent, 'at' | 'kind' | 'toState'> & { note: string | null }>;
}
