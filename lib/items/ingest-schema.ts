// The payload of POST /api/v1/items (DESIGN §3): what a department's CMS reports about one item.
// Only shape and size are refused here (invalid). Whether the item is complete — a required element
// missing, a malformed 索引号 or url, a 内容概述 over 100 字 — is the completeness rule's business:
// such an item is accepted and raises an alert the office can see, instead of a refusal the CMS may
// swallow.
import { z } from 'zod';
import { isYmd, startOfShanghaiDay } from '../calendar/ymd';
import { CHANNELS, CHANNEL_LABELS } from '../rules/evaluate-channels';
import { payloadHash } from './payload-hash';

export const MAX_TITLE_LENGTH = 500;
export const MAX_EXTERNAL_ID_LENGTH = 128;
export const MAX_CATALOG_CODE_LENGTH = 64;
export const MAX_INDEX_NO_LENGTH = 100;
export const MAX_DOC_NO_LENGTH = 200;
export const MAX_PUBLISHER_LENGTH = 200;
// far above the 100 字 a 内容概述 may have: a longer one is a completeness finding, not a refusal
export const MAX_SUMMARY_LENGTH = 5_000;
// the request body is capped at 1 MB anyway (lib/http/read-json.ts); this keeps one field from taking all of it
export const MAX_BODY_LENGTH = 300_000;
export const MAX_URL_LENGTH = 2_048;
export const MAX_FIELDS = 100;
export const MAX_FIELD_NAME_LENGTH = 100;
export const MAX_FIELD_VALUE_LENGTH = 50_000;
export const MAX_ATTACHMENTS = 100;
export const MAX_ATTACHMENT_NAME_LENGTH = 500;
export const MAX_ATTACHMENT_NOTE_LENGTH = 1_000;
export const MAX_STEPS = 50;
export const MAX_STEP_ACTOR_LENGTH = 100;
export const MAX_STEP_NOTE_LENGTH = 1_000;
export const MAX_WITHDRAW_REASON_LENGTH = 1_000;
// deadlines are computed on the working-day calendar, which covers 2000–2100 (calendar_years)
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

// ——— instants ———

// ISO 8601 / RFC 3339: a date, or a date and time with an offset (Z, +08:00, +0800, +08)
const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

export type InstantParse = { ok: true; date: Date } | { ok: false; reason: string };

/**
 * An ISO 8601 instant with an offset, or a bare YYYY-MM-DD meaning 00:00 Asia/Shanghai of that day
 * (DESIGN §3). A time without an offset is refused: it would be read in whatever zone the server
 * runs in. Days that do not exist (2026-02-30) and 24:00 are refused rather than rolled over.
 */
export function parseInstant(text: string): InstantParse {
  const match = INSTANT_PATTERN.exec(text.trim());
  if (!match) return { ok: false, reason: '格式应为 ISO 8601，如 2026-11-02T10:00:00+08:00 或 2026-11-02' };
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const ymd = `${year}-${month}-${day}`;
  if (!isYmd(ymd)) return { ok: false, reason: `日期 ${ymd} 不存在` };
  if (Number(year) < MIN_YEAR || Number(year) > MAX_YEAR) {
    return { ok: false, reason: `年份应在 ${MIN_YEAR}–${MAX_YEAR} 之间` };
  }
  if (hour === undefined) return { ok: true, date: startOfShanghaiDay(ymd) };
  if (offset === undefined) return { ok: false, reason: '缺少时区，请写明如 +08:00 或 Z' };
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) {
    return { ok: false, reason: `时间 ${hour}:${minute}${second === undefined ? '' : `:${second}`} 不存在` };
  }
  let offsetMinutes = 0;
  if (offset !== 'Z' && offset !== 'z') {
    const digits = offset.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMins = Number(digits.slice(2) || '0');
    if (offsetHours > 14 || offsetMins > 59) return { ok: false, reason: `时区 ${offset} 不存在` };
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const ms = Number(`0.${fraction ?? '0'}`) * 1000;
  const utc =
    Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second ?? 0)) +
    Math.floor(ms) -
    offsetMinutes * 60_000;
  return { ok: true, date: new Date(utc) };
}

// ——— field builders ———

/** zh-CN "missing" versus "wrong type" for one field. */
const typeError = (label: string, expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `请填写${label}` : `${label}必须是${expected}`;

const requiredText = (label: string, max: number) =>
  z
    .string({ error: typeError(label, '字符串') })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字符`);

/** Optional text: null, absent and blank all mean "not given" (stored as null). */
const optionalText = (label: string, max: number, { trim = true } = {}) =>
  z
    .string({ error: `${label}必须是字符串` })
    .max(max, `${label}不能超过 ${max} 个字符`)
    .nullish()
    .transform((value) => {
      if (value == null || value.trim() === '') return undefined;
      return trim ? value.trim() : value;
    });

const instantOf = (label: string) =>
  z
    .string({ error: typeError(label, 'ISO 8601 时间字符串') })
    .max(64, `${label}格式应为 ISO 8601，如 2026-11-02T10:00:00+08:00 或 2026-11-02`)
    .transform((raw, context) => {
      const parsed = parseInstant(raw);
      if (parsed.ok) return parsed.date;
      context.addIssue({ code: 'custom', message: `${label}：${parsed.reason}` });
      return z.NEVER;
    });

const optionalInstantOf = (label: string) =>
  instantOf(label)
    .nullish()
    .transform((value) => value ?? undefined);

const channelList = CHANNELS.map((channel) => `${channel}（${CHANNEL_LABELS[channel]}）`).join('、');

const channelsSchema = z
  .array(z.enum(CHANNELS, { error: `公开渠道只能是 ${channelList} 之一` }), {
    error: typeError('公开渠道（channels，未发布时可为空数组）', '数组'),
  })
  .max(CHANNELS.length, `公开渠道最多 ${CHANNELS.length} 个`)
  .superRefine((channels, context) => {
    const repeated = channels.filter((channel, index) => channels.indexOf(channel) !== index);
    if (repeated.length > 0) {
      context.addIssue({ code: 'custom', message: `公开渠道重复：${[...new Set(repeated)].join('、')}` });
    }
  });

const unknownKeysError = (what: string) => (issue: { code?: string; keys?: string[]; input?: unknown }) => {
  if (issue.code === 'unrecognized_keys') return `${what}不支持的字段：${(issue.keys ?? []).join('、')}`;
  if (issue.code === 'invalid_type') return `${what}必须是 JSON 对象`;
  return undefined;
};

const attachmentSchema = z.strictObject(
  {
    name: z
      .string({ error: typeError('附件名称（name）', '字符串') })
      .trim()
      .max(MAX_ATTACHMENT_NAME_LENGTH, `附件名称不能超过 ${MAX_ATTACHMENT_NAME_LENGTH} 个字符`),
    url: z
      .string({ error: typeError('附件链接（url）', '字符串') })
      .trim()
      .max(MAX_URL_LENGTH, `附件链接不能超过 ${MAX_URL_LENGTH} 个字符`),
    // 空表说明: a budget table that is empty says why (DESIGN §1 Completeness)
    note: optionalText('附件说明（note）', MAX_ATTACHMENT_NOTE_LENGTH),
  },
  { error: unknownKeysError('附件') },
);

/** The internal steps of a publication a CMS reports (DESIGN §3 steps); 保密审查 is a review with a note. */
export const STEP_KINDS = ['submitted', 'reviewed', 'approved'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

const stepSchema = z.strictObject(
  {
    kind: z.enum(STEP_KINDS, { error: '过程步骤类型（kind）只能是 submitted（提交审核）、reviewed（审核，含保密审查）、approved（审批签发）之一' }),
    at: instantOf('过程步骤时间（at）'),
    actor: optionalText('经办人（actor）', MAX_STEP_ACTOR_LENGTH),
    note: optionalText('过程步骤说明（note）', MAX_STEP_NOTE_LENGTH),
  },
  { error: unknownKeysError('过程步骤') },
);

const fieldsSchema = z
  .record(
    z
      .string()
      .trim()
      .min(1, '扩展字段名不能为空')
      .max(MAX_FIELD_NAME_LENGTH, `扩展字段名不能超过 ${MAX_FIELD_NAME_LENGTH} 个字符`),
    z
      .string({ error: '扩展字段的值必须是字符串' })
      .max(MAX_FIELD_VALUE_LENGTH, `扩展字段的值不能超过 ${MAX_FIELD_VALUE_LENGTH} 个字符`),
    { error: '扩展字段（fields）必须是 {名称: 文本} 形式的对象' },
  )
  .refine((fields) => Object.keys(fields).length <= MAX_FIELDS, `扩展字段最多 ${MAX_FIELDS} 个`)
  .nullish()
  .transform((fields) => fields ?? {});

export const ingestPayloadSchema = z.strictObject(
  {
    // the CMS's own id of the item: a resend with the same id updates instead of duplicating
    externalId: requiredText('外部编号（externalId）', MAX_EXTERNAL_ID_LENGTH).regex(
      /^[^\p{Cc}]+$/u,
      '外部编号不能包含控制字符',
    ),
    catalogCode: requiredText('目录事项编码（catalogCode）', MAX_CATALOG_CODE_LENGTH),
    title: requiredText('标题（title）', MAX_TITLE_LENGTH),
    formedAt: instantOf('信息形成时间（formedAt）'),
    publishedAt: optionalInstantOf('发布时间（publishedAt）'),
    eventAt: optionalInstantOf('事件时间（eventAt）'),
    channels: channelsSchema,
    url: optionalText('链接地址（url）', MAX_URL_LENGTH),
    indexNo: optionalText('索引号（indexNo）', MAX_INDEX_NO_LENGTH),
    docNo: optionalText('文号（docNo）', MAX_DOC_NO_LENGTH),
    publisher: optionalText('发布机构（publisher）', MAX_PUBLISHER_LENGTH),
    summary: optionalText('内容概述（summary）', MAX_SUMMARY_LENGTH),
    // 正文 keeps its own leading whitespace: Chinese paragraphs open with 全角 spaces
    body: optionalText('正文（body）', MAX_BODY_LENGTH, { trim: false }),
    fields: fieldsSchema,
    attachments: z
      .array(attachmentSchema, { error: '附件（attachments）必须是数组' })
      .max(MAX_ATTACHMENTS, `附件最多 ${MAX_ATTACHMENTS} 个`)
      .nullish()
      .transform((attachments) => attachments ?? []),
    steps: z
      .array(stepSchema, { error: '过程步骤（steps）必须是数组' })
      .max(MAX_STEPS, `过程步骤最多 ${MAX_STEPS} 个`)
      .nullish()
      .transform((steps) => steps ?? []),
    withdrawnAt: optionalInstantOf('撤回时间（withdrawnAt）'),
    withdrawReason: optionalText('撤回原因（withdrawReason）', MAX_WITHDRAW_REASON_LENGTH),
  },
  { error: unknownKeysError('请求体') },
);

/** The normalized payload: trimmed, blanks and nulls dropped, instants as Dates. */
export type IngestPayload = z.infer<typeof ingestPayloadSchema>;
export type IngestStep = IngestPayload['steps'][number];

/**
 * What the item is, without how it came to be published or withdrawn: the part items.payload_hash covers,
 * so a resend that only reports a further step is not a new version of the item.
 */
/** items.payload_hash of a payload: a resend with the same content (whatever steps it reports) changes nothing. */
export const itemContentHash = (payload: IngestPayload): string => payloadHash(itemContentOf(payload));

const PROCESS_KEYS: readonly string[] = ['steps', 'withdrawnAt', 'withdrawReason'] satisfies (keyof IngestPayload)[];

export function itemContentOf(payload: IngestPayload): Omit<IngestPayload, 'steps' | 'withdrawnAt' | 'withdrawReason'> {
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !PROCESS_KEYS.includes(key))) as Omit<
    IngestPayload,
    'steps' | 'withdrawnAt' | 'withdrawReason'
  >;
}
export type IngestAttachment = IngestPayload['attachments'][number];

/**
 * Field → zh-CN message, like fieldsFromZod, except that each unknown key is named under its own
 * path (`foo: 不支持的字段`), so a CMS developer sees exactly which keys to drop.
 */
export function ingestFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] ??= '不支持的字段';
      continue;
    }
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
