// The JSON body of creating or revising a catalog entry, and the answer for a refused save.
import { z } from 'zod';
import { entryInputSchema } from '../../../../lib/catalog/entry-input';
import { apiError } from '../../../../lib/http/errors';

export const entryBodySchema = z.object({ regionId: z.string().regex(/^\d{6}$/, '区域代码应为 6 位数字') }).and(entryInputSchema);

const CODES = { 403: 'forbidden', 404: 'not_found', 409: 'conflict', 422: 'unknown_reference' } as const;

export function refusedSave(result: { status: keyof typeof CODES; message: string; fields?: Record<string, string> }): Response {
  return apiError(result.status, CODES[result.status], result.message, result.fields);
}
