// Reads a JSON request body with the contract's refusals: 415 not JSON, 413 too large, 400 malformed.
import { z } from 'zod';
import { apiError, badRequestFromZod } from './errors';

export const DEFAULT_MAX_BODY_BYTES = 1_000_000;

export type ParsedBody<T> = { ok: true; data: T } | { ok: false; response: Response };

/** What readJson reads of a request: a web Request, or server.ts's lighter stand-in (ingest fast path). */
export interface JsonBodySource {
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export async function readJson<S extends z.ZodType>(
  request: JsonBodySource,
  schema: S,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<ParsedBody<z.infer<S>>> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    return { ok: false, response: apiError(415, 'unsupported_media_type', '请求体必须是 application/json') };
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return { ok: false, response: tooLarge(maxBytes) };
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) return { ok: false, response: tooLarge(maxBytes) };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, response: apiError(400, 'invalid_json', '请求体不是合法的 JSON') };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, response: badRequestFromZod(parsed.error) };
  return { ok: true, data: parsed.data };
}

function tooLarge(maxBytes: number): Response {
  return apiError(413, 'payload_too_large', `请求体超过 ${Math.round(maxBytes / 1000)} KB 上限`);
}
