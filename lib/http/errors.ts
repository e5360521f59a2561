// The contract's error body (DESIGN §3): { error: { code, message (zh-CN), fields? } }.
import type { z } from 'zod';

export type ErrorCode =
  | 'invalid_input'
  | 'invalid_json'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unknown_reference'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export function apiError(
  status: number,
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
  headers?: Record<string, string>,
): Response {
  return Response.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status, headers });
}

/** Names every rejected field with its zh-CN message (the schemas carry zh-CN messages). */
export function fieldsFromZod(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function badRequestFromZod(error: z.ZodError, message = '输入有误，请检查标注的字段'): Response {
  return apiError(400, 'invalid_input', message, fieldsFromZod(error));
}

export const unauthenticated = () => apiError(401, 'unauthenticated', '请先登录');
export const forbidden = (message = '无权访问该资源') => apiError(403, 'forbidden', message);
export const notFound = (message = '资源不存在') => apiError(404, 'not_found', message);
export const METHOD_NOT_ALLOWED_MESSAGE = '该接口不支持此请求方法';
