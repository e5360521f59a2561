// Next.js answers a method that a route handler does not export with an empty 405 (its auto-implemented
// handler) and no Allow header. DESIGN §3 wants every /api answer in JSON, and no route can say so itself,
// so the web process (server.ts) fills in the error body on its way out.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { METHOD_NOT_ALLOWED_MESSAGE } from './errors';

const BODY = JSON.stringify({ error: { code: 'method_not_allowed', message: METHOD_NOT_ALLOWED_MESSAGE } });

export function isApiRequest(req: IncomingMessage): boolean {
  const path = req.url?.split('?')[0] ?? '';
  return path === '/api' || path.startsWith('/api/');
}

const isEmptyChunk = (chunk: unknown) => chunk == null || typeof chunk === 'function' || (typeof chunk === 'string' && chunk.length === 0) || (chunk instanceof Uint8Array && chunk.length === 0);

/** Gives an empty 405 answer to `req` the contract's error body; any other answer passes untouched. */
export function jsonMethodNotAllowed(req: IncomingMessage, res: ServerResponse): void {
  // Next.js sends the headers before it ends the body, so the headers are settled when they go out
  let isFilling = false;
  const settle = (status: number) => {
    if (res.headersSent || status !== 405 || res.hasHeader('content-type') || res.hasHeader('content-length')) return;
    isFilling = true;
    res.setHeader('content-type', 'application/json');
    res.setHeader('content-length', Buffer.byteLength(BODY));
  };
  const { writeHead, flushHeaders, end } = res;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    // headers given to writeHead itself belong to an answer that knows what it sends
    if (args.every((arg) => typeof arg !== 'object')) settle(args[0] as number);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
  res.flushHeaders = function (this: ServerResponse) {
    settle(res.statusCode);
    flushHeaders.call(this);
  };
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    settle(res.statusCode);
    if (!isFilling || !isEmptyChunk(args[0])) return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    const callback = args.filter((arg) => typeof arg === 'function');
    // a HEAD answer has headers only (RFC 9110 §9.3.2)
    return (end as (...a: unknown[]) => ServerResponse).apply(this, req.method === 'HEAD' ? callback : [BODY, ...callback]);
  } as ServerResponse['end'];
}
