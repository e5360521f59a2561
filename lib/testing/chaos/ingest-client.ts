// A department CMS posting to POST /api/v1/items, spread over both web processes as a load balancer would:
// requests alternate between them, and a connection refused or reset (a killed process) sends the request once
// more to the other one (and once more after that) and keeps the dead one out of rotation for a moment. No
// retry after an answer or a timeout: what came back is what the suite reports. The item's external id makes a
// resend harmless (200, unchanged).
import http from 'node:http';
import { classifyAnswer, type AnswerKind } from './answer-kind';

export interface IngestAttempt {
  kind: AnswerKind;
  status: number;
  itemId: number | null;
  /** The web process (index into the base URLs) that answered or was tried last. */
  target: number;
  failedOver: boolean;
  sentAt: number;
  answeredAt: number;
}

export interface IngestClient {
  post: (apiKey: string, payload: Record<string, unknown>) => Promise<IngestAttempt>;
  close: () => void;
}

// a request unanswered this long is a hang (the goal is an answer within 1 s even with Redis away)
export const HANG_TIMEOUT_MS = 5_000;
const DOWN_FOR_MS = 2_000;
const CONNECTION_RETRIES = 2;

type RawAnswer = { status: number; body: string } | { error: 'timeout' | 'connection' };

export function createIngestClient(baseUrls: readonly string[]): IngestClient {
  // node:http with keep-alive: a fraction of fetch's cost per request, and the generator shares 2 cores with
  // the system it measures
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  const downUntil = baseUrls.map(() => 0);
  let turn = 0;

  const send = (target: number, apiKey: string, body: Buffer, fresh = false): Promise<RawAnswer> =>
    new Promise((resolve) => {
      const url = new URL('/api/v1/items', baseUrls[target]);
      let settled = false;
      const done = (answer: RawAnswer) => {
        if (settled) return;
        settled = true;
        resolve(answer);
      };
      const request = http.request(
        {
          agent: fresh ? false : agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${apiKey}` },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', () => done({ error: 'connection' }));
        },
      );
      const timer = setTimeout(() => {
        done({ error: 'timeout' });
        request.destroy();
      }, HANG_TIMEOUT_MS);
      request.on('close', () => clearTimeout(timer));
      request.on('error', () => done({ error: 'connection' }));
      request.end(body);
    });

  const pick = () => {
    const now = Date.now();
    for (let i = 0; i < baseUrls.length; i += 1) {
      const candidate = (turn + i) % baseUrls.length;
      if (downUntil[candidate]! <= now) {
        turn = candidate + 1;
        return candidate;
      }
    }
    turn += 1;
    return (turn - 1) % baseUrls.length;
  };

  return {
    post: async (apiKey, payload) => {
      const body = Buffer.from(JSON.stringify(payload));
      const sentAt = Date.now();
      let target = pick();
      let failedOver = false;
      let answer = await send(target, apiKey, body);
      // a refused or reset connection: the other process, then once more on a fresh connection (a kept-alive
      // socket the server closed just as it was reused resets too, without anything being wrong)
      for (let retry = 0; retry < CONNECTION_RETRIES && 'error' in answer && answer.error === 'connection'; retry += 1) {
        downUntil[target] = Date.now() + DOWN_FOR_MS;
        if (baseUrls.length > 1 && retry === 0) target = (target + 1) % baseUrls.length;
        failedOver = true;
        answer = await send(target, apiKey, body, retry > 0);
      }
      const answeredAt = Date.now();
      if ('error' in answer) {
        return { kind: answer.error === 'timeout' ? 'hang' : 'no_connection', status: 0, itemId: null, target, failedOver, sentAt, answeredAt };
      }
      const kind = classifyAnswer(answer.status, answer.body);
      let itemId: number | null = null;
      if (kind === 'accepted') {
        try {
          itemId = (JSON.parse(answer.body) as { id?: number }).id ?? null;
        } catch {
          itemId = null;
        }
      }
      return { kind, status: answer.status, itemId, target, failedOver, sentAt, answeredAt };
    },
    close: () => agent.destroy(),
  };
}
