// The id of one record in a URL (/…/:id): digits only, positive, within the bigint ids Postgres hands out
// (15 digits always fit a safe integer). Anything else names no record, and callers answer 404.
import { z } from 'zod';

export const recordIdSchema = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number)
  .refine((id) => id > 0);
