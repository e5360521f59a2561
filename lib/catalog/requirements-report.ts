// 公开要求核对: an item's current values held against its catalog entry — each required element ✓/✗ by
// the completeness rules (evaluate-completeness.ts, the same function the check job runs), and each
// channel the entry names against the channels it was published on. Pure; the item page shows it.
import { channelLabel, missingChannels } from '../rules/evaluate-channels';
import {
  elementLabel,
  evaluateCompleteness,
  type CompletenessItem,
  type Finding,
} from '../rules/evaluate-completeness';
import type { CompletenessRuleParams } from '../rules/rule';

export type ElementStatus = 'ok' | 'missing' | 'malformed' | 'too_long';

export interface ElementCheck {
  key: string;
  label: string;
  isRequired: boolean;
  /** The item's value, shortened for display; null when it has none. */
  value: string | null;
  status: ElementStatus;
  messages: string[];
}

export interface ChannelCheck {
  channel: string;
  label: string;
  isRequired: boolean;
  isPublished: boolean;
}

export interface RequirementsReport {
  elements: ElementCheck[];
  channels: ChannelCheck[];
  /** Required channels the item is not on, in the entry's order. */
  missingChannels: string[];
  findings: Finding[];
}

export interface RequirementsInput {
  item: CompletenessItem & { channels: readonly string[] };
  entry: { requiredElements: readonly string[]; channels: readonly string[] };
  department: { orgCode: string; name: string };
  params: CompletenessRuleParams;
}

export const VALUE_PREVIEW_CHARS = 60;

const CORE_KEYS = ['indexNo', 'docNo', 'publisher', 'summary', 'body', 'url', 'attachments'] as const;

export function requirementsReport({ item, entry, department, params }: RequirementsInput): RequirementsReport {
  const findings = evaluateCompleteness({ item, entry: { requiredElements: entry.requiredElements }, department, params });
  const byElement = new Map<string, Finding[]>();
  for (const finding of findings) byElement.set(finding.element, [...(byElement.get(finding.element) ?? []), finding]);

  const required = [...new Set(entry.requiredElements)];
  // required elements in the entry's order, then any other element the rules found fault with (a malformed
  // 索引号 counts even where the entry does not list it)
  const keys = [...required, ...CORE_KEYS.filter((key) => !required.includes(key) && byElement.has(key))];
  const elements = keys.map((key): ElementCheck => {
    const own = byElement.get(key) ?? [];
    return {
      key,
      label: elementLabel(key),
      isRequired: required.includes(key),
      value: valueOf(item, key),
      status: own[0]?.problem ?? 'ok',
      messages: own.map((finding) => finding.message),
    };
  });

  const published = new Set(item.channels);
  const channels = [...new Set([...entry.channels, ...item.channels])].map((channel) => ({
    channel,
    label: channelLabel(channel),
    isRequired: entry.channels.includes(channel),
    isPublished: published.has(channel),
  }));
  return { elements, channels, missingChannels: missingChannels(item.channels, entry.channels), findings };
}

function valueOf(item: CompletenessItem, key: string): string | null {
  if (key === 'attachments') {
    const names = item.attachments.map((a) => a.name.trim()).filter((name) => name !== '');
    return item.attachments.length === 0 ? null : `${item.attachments.length} 个附件${names.length > 0 ? `：${names.join('、')}` : ''}`;
  }
  const raw = key.startsWith('fields.')
    ? (Object.hasOwn(item.fields, key.slice('fields.'.length)) ? item.fields[key.slice('fields.'.length)] : null)
    : (item[key as Exclude<(typeof CORE_KEYS)[number], 'attachments'>] ?? null);
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const chars = [...raw.trim()];
  return chars.length > VALUE_PREVIEW_CHARS ? `${chars.slice(0, VALUE_PREVIEW_CHARS).join('')}…` : raw.trim();
}
