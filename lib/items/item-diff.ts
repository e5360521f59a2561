// What an update changed, field by field, for the 'updated' item event (DESIGN §1 ItemEvent: who, when,
// what changed — the basis of 完整还原). Pure.
import { canonicalJson } from './payload-hash';

export interface ItemSnapshot {
  title: string;
  indexNo?: string | null;
  docNo?: string | null;
  publisher?: string | null;
  summary?: string | null;
  body?: string | null;
  url?: string | null;
  channels: readonly string[];
  fields: Readonly<Record<string, string>>;
  attachments: readonly { name: string; url: string; note?: string | null }[];
  formedAt: Date;
  publishedAt?: Date | null;
  eventAt?: Date | null;
}

export type DiffValue = string | readonly unknown[] | null;
export type ItemDiff = Record<string, { before: DiffValue; after: DiffValue }>;

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  title: '标题',
  indexNo: '索引号',
  docNo: '文号',
  publisher: '发布机构',
  summary: '内容概述',
  body: '正文',
  url: '链接地址',
  channels: '公开渠道',
  attachments: '附件',
  formedAt: '信息形成时间',
  publishedAt: '发布时间',
  eventAt: '事件时间',
};

// A 正文 can run to hundreds of KB: the history keeps the start of each version, enough to see what
// changed, not a second copy of the whole text per update.
export const MAX_DIFF_TEXT_LENGTH = 2_000;

const SCALAR_KEYS = ['title', 'indexNo', 'docNo', 'publisher', 'summary', 'body', 'url'] as const;
const INSTANT_KEYS = ['formedAt', 'publishedAt', 'eventAt'] as const;

function clip(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const chars = Array.from(value);
  return chars.length <= MAX_DIFF_TEXT_LENGTH ? value : `${chars.slice(0, MAX_DIFF_TEXT_LENGTH).join('')}…`;
}

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

/** Each changed field with its value before and after; extension fields as `fields.<name>`. */
export function diffItems(before: ItemSnapshot, after: ItemSnapshot): ItemDiff {
  const diff: ItemDiff = {};
  for (const key of SCALAR_KEYS) {
    const a = before[key] ?? null;
    const b = after[key] ?? null;
    if (a !== b) diff[key] = { before: clip(a), after: clip(b) };
  }
  for (const key of INSTANT_KEYS) {
    const a = iso(before[key]);
    const b = iso(after[key]);
    if (a !== b) diff[key] = { before: a, after: b };
  }
  if (canonicalJson(before.channels) !== canonicalJson(after.channels)) {
    diff.channels = { before: [...before.channels], after: [...after.channels] };
  }
  const names = [...new Set([...Object.keys(before.fields), ...Object.keys(after.fields)])].sort();
  for (const name of names) {
    const a = Object.hasOwn(before.fields, name) ? before.fields[name]! : null;
    const b = Object.hasOwn(after.fields, name) ? after.fields[name]! : null;
    if (a !== b) diff[`fields.${name}`] = { before: clip(a), after: clip(b) };
  }
  if (canonicalJson(before.attachments) !== canonicalJson(after.attachments)) {
    diff.attachments = { before: [...before.attachments], after: [...after.attachments] };
  }
  return diff;
}

/** zh-CN label of a diff key: 标题, or the extension field's own name. */
export function diffLabel(key: string): string {
  return key.startsWith('fields.') ? key.slice('fields.'.length) : (FIELD_LABELS[key] ?? key);
}
