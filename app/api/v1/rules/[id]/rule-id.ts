import { z } from 'zod';

export const ruleIdSchema = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number)
  .refine((id) => id > 0 && Number.isSafeInteger(id));
