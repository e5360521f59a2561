// Items for POST /api/v1/items that are accepted (201) and open exactly one alert: published on every
// channel their entry names (no channel alert), published at once (the obligation is fulfilled on time, no
// deadline alert), with a malformed 索引号 (one completeness alert).
import http from 'node:http';
import type { IngestTarget } from './harness';
import { wallNow } from './stats';

export function incompletePayload(target: IngestTarget, externalId: string, at: Date) {
  return {
    externalId,
    catalogCode: target.catalogCode,
    title: `关于压测事项 ${externalId} 的公告`,
    formedAt: new Date(at.getTime() - 2 * 3600_000).toISOString(),
    publishedAt: new Date(at.getTime() - 60_000).toISOString(),
    channels: target.channels,
    // 索引号 must read <orgCode>/<year>-<serial>: this one does not
    indexNo: `BENCH-${externalId}`,
    publisher: target.departmentName,
    summary: '压测生成的信息，内容概述不超过一百字。',
    body: '　　压测生成的正文。',
    url: `https://www.example.gov.cn/bench/${encodeURIComponent(externalId)}.html`,
  };
}

export interface PostOutcome {
  ok: boolean;
  status: number;
  itemId: number | null;
  sentAt: number;
  respondedAt: number;
}

// node:http with a keep-alive agent costs the load generator about half of what fetch (undici, web
// streams) does per request, and the generator shares the 2 cores with the system it measures
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function closeIngestAgent(): void {
  agent.destroy();
}

/** POSTs one item; `sentAt` is taken just before the request leaves. */
export function postItem(baseUrl: string, target: IngestTarget, externalId: string): Promise<PostOutcome> {
  const body = Buffer.from(JSON.stringify(incompletePayload(target, externalId, new Date())));
  const url = new URL('/api/v1/items', baseUrl);
  return new Promise<PostOutcome>((resolve) => {
    const sentAt = wallNow();
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${target.apiKey}` },
        // an overloaded server answers late, not never: count a late 201 as accepted
        timeout: 150_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          let id: number | null = null;
          try {
            id = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id?: number }).id ?? null;
          } catch {
            id = null;
          }
          const status = response.statusCode ?? 0;
          resolve({ ok: status === 201, status, itemId: id, sentAt, respondedAt: wallNow() });
        });
        response.on('error', () => resolve({ ok: false, status: 0, itemId: null, sentAt, respondedAt: wallNow() }));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => resolve({ ok: false, status: 0, itemId: null, sentAt, respondedAt: wallNow() }));
    request.end(body);
  });
}
