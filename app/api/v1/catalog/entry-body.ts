// The JSON body of creating or revising a catalog entry.
import { z } from 'zod';
import { entryInputSchema } from '../../../../lib/catalog/entry-input';

export const entryBodySchema = z.object({ regionId: z.string().regex(/^\d{6}$/, '区域代码应为 6 位数字') }).and(entryInputSchema);
