// server.ts answers API-key ingest requests (the CMS traffic, POST /api/v1/items with Authorization) itself,
// before Next.js: the same handler the route uses (ingest-request.ts), the same validation, status codes and
// headers, without Next's routing and response compression, which cost more CPU than the ingest itself on
// this 2-core machine. Everything else, the session-cookie path included, goes to Next.js.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError } from '../http/errors';
import { DEFAULT_MAX_BODY_BYTES } from '../http/read-json';
import { SECURITY_HEADERS } from '../http/security-headers';
import { log } from '../log';
import { handleIngestRequest } from './ingest-request';

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

function toRequest(req: IncomingMessage, body: Buffer | null): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? INGEST_PATH}`, {
    method: 'POST',
    headers,
    // decoded as request.text() would (invalid bytes → U+FFFD)
    body: body ? body.toString('utf8') : null,
  });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = { ...SECURITY_HEADERS };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

export async function serveApiKeyIngest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const body = await readBody(req);
    await send(res, await handleIngestRequest(toRequest(req, body), noSession));
  } catch (error) {
    log.error({ err: (error as Error).message }, 'ingest fast path failed');
    if (!res.headersSent) await send(res, apiError(500, 'internal', '服务器内部错误'));
    else res.destroy();
  }
}
