// One alert message from a completeness check's findings, short enough for the alert wall.
import type { Finding } from './evaluate-completeness';

/** Characters (code points) of an alert message; the rest is on the item's page. */
export const COMPLETENESS_MESSAGE_MAX_CHARS = 200;

const PREFIX = '信息不完整：';
const SEPARATOR = '；';
const ELLIPSIS = '……';

/**
 * '信息不完整：缺少索引号；内容概述超过100字（当前 123 字）'. When the findings do not fit, as many
 * whole findings as fit are kept, the prefix gives the total and the message ends with '……'.
 * Returns '' for no findings.
 */
export function completenessMessage(
  findings: readonly Finding[],
  maxChars: number = COMPLETENESS_MESSAGE_MAX_CHARS,
): string {
  if (findings.length === 0) return '';
  const parts = findings.map((f) => f.message);
  const full = PREFIX + parts.join(SEPARATOR);
  if (length(full) <= maxChars) return full;

  const prefix = `信息不完整（共 ${findings.length} 项）：`;
  const budget = maxChars - length(prefix) - length(ELLIPSIS);
  let body = '';
  for (const part of parts) {
    const next = body === '' ? part : body + SEPARATOR + part;
    if (length(next) > budget) break;
    body = next;
  }
  // Even the first finding is too long: cut it rather than show nothing.
  if (body === '') body = [...(parts[0] ?? '')].slice(0, Math.max(budget, 0)).join('');
  return prefix + body + ELLIPSIS;
}

const length = (text: string) => [...text].length;
