// Items the fault phases post. A complete one raises no alert: every required element present and well
// formed (索引号 <orgCode>/<year>-<serial>, the publisher's full name), published on every channel its entry
// names, formed two hours before and so published well inside its deadline. An incomplete one is the same
// item without 内容概述 and 正文, both required by the entry: exactly one completeness alert (orange, the
// default rule), no channel and no deadline alert (lib/rules/evaluate-completeness.ts, DESIGN §3).
import type { ChaosDepartment } from './chaos-world';

const HOUR_MS = 3600_000;
const shanghaiYear = (at: Date) => Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(at));

export function completePayload(department: ChaosDepartment, externalId: string, serial: number, at: Date): Record<string, unknown> {
  // the year the item is published in: accepted whether formation fell in it or in the year before
  const year = shanghaiYear(at);
  return {
    externalId,
    catalogCode: department.entry.code,
    title: `${department.name}关于故障演练事项 ${externalId} 的公告`,
    formedAt: new Date(at.getTime() - 2 * HOUR_MS).toISOString(),
    publishedAt: new Date(at.getTime() - 60_000).toISOString(),
    channels: department.entry.channels,
    indexNo: `${department.orgCode}/${year}-${String(serial % 100_000).padStart(5, '0')}`,
    publisher: department.name,
    summary: '故障演练生成的信息，依法主动公开。',
    body: '根据有关规定，现将故障演练有关情况予以公开。',
    url: `https://www.example.gov.cn/chaos/${encodeURIComponent(externalId)}.html`,
  };
}

export function incompletePayload(department: ChaosDepartment, externalId: string, serial: number, at: Date): Record<string, unknown> {
  const payload = completePayload(department, externalId, serial, at);
  delete payload.summary;
  delete payload.body;
  return payload;
}
