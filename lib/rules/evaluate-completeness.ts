// 完整性检查: what a published item lacks or gets wrong, against its catalog entry's required
// elements (DESIGN §1 "Completeness and channel", §3 element keys) and the core-metadata rules of
// the 政府信息公开目录系统实施指引 (domain/reference.md §6).
import { shanghaiDayOf, yearOf } from '../calendar/ymd';
import type { CompletenessRuleParams } from './rule';

export interface CompletenessItem {
  indexNo?: string | null;
  docNo?: string | null;
  publisher?: string | null;
  summary?: string | null;
  body?: string | null;
  url?: string | null;
  attachments: readonly { name: string; url: string }[];
  fields: Readonly<Record<string, string>>;
  formedAt: Date;
}

export interface CompletenessInput {
  item: CompletenessItem;
  entry: { requiredElements: readonly string[] };
  department: { orgCode: string; name: string };
  params: CompletenessRuleParams;
}

export interface Finding {
  /** A payload key: indexNo, docNo, publisher, summary, body, url, attachments or fields.<name>. */
  element: string;
  problem: 'missing' | 'malformed' | 'too_long';
  /** zh-CN, shown to users. */
  message: string;
}

type CoreKey = 'indexNo' | 'docNo' | 'publisher' | 'summary' | 'body' | 'url' | 'attachments';

// Findings follow this order, then the entry's fields in the order the entry lists them, so the
// same item always yields the same alert message.
const CORE_LABELS: Record<CoreKey, string> = {
  indexNo: '索引号',
  docNo: '文号',
  publisher: '发布机构',
  summary: '内容概述',
  body: '正文',
  url: '链接地址',
  attachments: '附件',
};
const CORE_KEYS = Object.keys(CORE_LABELS) as CoreKey[];
const FIELD_PREFIX = 'fields.';

// 前段码/后段码: 9-character organisation code, then 4-digit year and 5-digit serial (20 chars)
export const INDEX_NO_PATTERN = /^([0-9A-Z]{9})\/(\d{4})-(\d{5})$/;

// A value that only says a table is empty; the explanation of why must come with it.
const EMPTY_TABLE_MARKERS = new Set(['', '无', '空', '空表', '暂无', '无数据', '本表为空', '此表为空', '/', '-', '—', '——']);

/** The zh-CN name of an element key: 索引号 for indexNo, the field's own name for fields.<name>. */
export function elementLabel(key: string): string {
  if (key.startsWith(FIELD_PREFIX)) return key.slice(FIELD_PREFIX.length);
  return Object.hasOwn(CORE_LABELS, key) ? CORE_LABELS[key as CoreKey] : key;
}

export function evaluateCompleteness({ item, entry, department, params }: CompletenessInput): Finding[] {
  // Keys outside §3's vocabulary are left to the catalog's own validation.
  const required = new Set(entry.requiredElements);
  const findings: Finding[] = [];
  for (const key of CORE_KEYS) findings.push(...checkCore(key, item, required.has(key), department, params));
  for (const key of required) {
    if (key.startsWith(FIELD_PREFIX) && key.length > FIELD_PREFIX.length) findings.push(...checkField(key, item));
  }
  return findings;
}

function checkCore(
  key: CoreKey,
  item: CompletenessItem,
  isRequired: boolean,
  department: CompletenessInput['department'],
  params: CompletenessRuleParams,
): Finding[] {
  if (key === 'attachments') return checkAttachments(item.attachments, isRequired);
  const value = present(item[key]);
  if (value === null) return isRequired ? [missing(key)] : [];
  // Core metadata must be well-formed whenever it is present, required or not.
  switch (key) {
    case 'indexNo':
      return params.checkIndexNoFormat ? checkIndexNo(value, department.orgCode, item.formedAt) : [];
    case 'publisher':
      return params.requirePublisherFullName && value !== department.name.trim()
        ? [{ element: key, problem: 'malformed', message: `发布机构应为全称“${department.name.trim()}”` }]
        : [];
    case 'summary': {
      const length = [...value].length; // code points: a rare character outside the BMP is one 字
      return length > params.maxSummaryLength
        ? [{ element: key, problem: 'too_long', message: `内容概述超过${params.maxSummaryLength}字（当前 ${length} 字）` }]
        : [];
    }
    case 'url':
      return isHttpUrl(value) ? [] : [{ element: key, problem: 'malformed', message: '链接地址应为完整的 http(s) 网址' }];
    default:
      return [];
  }
}

function checkIndexNo(value: string, orgCode: string, formedAt: Date): Finding[] {
  const match = INDEX_NO_PATTERN.exec(value);
  if (!match) {
    return [
      {
        element: 'indexNo',
        problem: 'malformed',
        message: `索引号格式应为 ${orgCode}/${yearOf(shanghaiDayOf(formedAt))}-00001（组织机构代码/年份-5位流水号）`,
      },
    ];
  }
  const [, code, year] = match;
  if (code !== orgCode) {
    return [{ element: 'indexNo', problem: 'malformed', message: `索引号前段应为本部门组织机构代码 ${orgCode}（当前为 ${code}）` }];
  }
  // A CMS may number an item in the year it publishes it, so the year after formation is accepted;
  // a later one cannot be right.
  const formedYear = yearOf(shanghaiDayOf(formedAt));
  if (Number(year) > formedYear + 1) {
    return [{ element: 'indexNo', problem: 'malformed', message: `索引号年份 ${year} 晚于信息形成年份 ${formedYear}` }];
  }
  return [];
}

function checkAttachments(attachments: CompletenessItem['attachments'], isRequired: boolean): Finding[] {
  const findings: Finding[] = [];
  const usable = attachments.filter((a) => present(a.name) !== null || present(a.url) !== null);
  if (usable.length === 0) return isRequired ? [missing('attachments')] : [];
  usable.forEach((attachment, index) => {
    const name = present(attachment.name);
    const url = present(attachment.url);
    const label = name ? `附件“${name}”` : `第 ${index + 1} 个附件`;
    if (name === null) findings.push({ element: 'attachments', problem: 'missing', message: `${label}缺少名称` });
    if (url === null || !isHttpUrl(url)) {
      findings.push({ element: 'attachments', problem: 'malformed', message: `${label}的链接地址应为完整的 http(s) 网址` });
    }
  });
  return findings;
}

// Budgets: every required table is listed, an empty one with an explanation (DESIGN §1).
function checkField(key: string, item: CompletenessItem): Finding[] {
  const name = key.slice(FIELD_PREFIX.length);
  if (!Object.hasOwn(item.fields, name) || typeof item.fields[name] !== 'string') return [missing(key)];
  const bare = (item.fields[name] ?? '').replace(/[\s。．.!！]+/gu, '');
  return EMPTY_TABLE_MARKERS.has(bare)
    ? [{ element: key, problem: 'missing', message: `${name}为空表时应说明原因` }]
    : [];
}

function missing(key: string): Finding {
  return { element: key, problem: 'missing', message: `缺少${elementLabel(key)}` };
}

/** The trimmed value, or null when absent or whitespace only. */
function present(value: string | null | undefined): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? null : trimmed;
}

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+/i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
