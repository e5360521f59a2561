// server.ts answers API-key ingest requests (the CMS traffic, POST /api/v1/items with Authorization) itself,
// before Next.js: the same handler the route uses (ingest-request.ts), the same validation, status codes and
// headers, without Next's routing and response compression, which cost more CPU than the ingest itself on
// this 2-core machine. Everything else, the session-cookie path included, goes to Next.js.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { log } from '../log';
import { apiError } from './errors';
import { answerIngest, type IngestRequest } from './ingest-request';
import { DEFAULT_MAX_BODY_BYTES } from './read-json';
import { SECURITY_HEADERS } from './security-headers';

export const INGEST_PATH = '/api/v1/items';

export function isApiKeyIngest(req: IncomingMessage): boolean {
  return req.method === 'POST' && req.url === INGEST_PATH && req.headers.authorization !== undefined;
}

// only API-key requests come here (isApiKeyIngest), so the session path is never asked
const noSession = async () => apiError(401, 'unauthenticated', '请先登录');

/** The body, read up to just past the limit (readJson answers 413 beyond it); nothing when the declared length is over. */
async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? '0') > DEFAULT_MAX_BODY_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (size <= DEFAULT_MAX_BODY_BYTES) chunks.push(chunk);
    size += chunk.length;
  }
  return Buffer.concat(chunks);
}

/**
 * What the handler reads of the request, straight from Node's message: constructing a web Request (undici)
 * cost 0.6 ms of CPU per item in the profile. Node lowercases header names and joins repeated ones with
 * ", ", as Headers.get does.
 */
function lightRequest(req: IncomingMessage, body: Buffer | null): IngestRequest {
  return {
    method: req.method ?? 'POST',
    url: `http://${req.headers.host ?? '127.0.0.1'}${req.url ?? INGEST_PATH}`,
    headers: {
      get: (name) => {
        const value = req.headers[name.toLowerCase()];
        if (value === undefined) return null;
        return Array.isArray(value) ? value.join(', ') : value;
      },
    },
    // decoded as request.text() would (invalid bytes → U+FFFD)
    text: async () => (body ? body.toString('utf8') : ''),
  };
}

function write(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

/** A refusal (rare on this path) goes through its web Response as the route would send it. */
async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  write(res, response.status, headers, Buffer.from(await response.arrayBuffer()));
}

export async function serveApiKeyIngest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const answer = await answerIngest(lightRequest(req, await readBody(req)), noSession);
    if (!answer.ok) return await sendResponse(res, answer.response);
    // as Response.json with the route's headers would send it
    write(res, answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store' }, JSON.stringify(answer.body));
  } catch (error) {
    log.error({ err: (error as Error).message }, 'ingest fast path failed');
    if (!res.headersSent) await sendResponse(res, apiError(500, 'internal', '服务器内部错误'));
    else res.destroy();
  }
}
