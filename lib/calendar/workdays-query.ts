// The query of GET /api/v1/calendar/workdays: ?from=YYYY-MM-DD&n=1..365, with zh-CN field messages.
import { z } from 'zod';
import { ymdSchema } from './ymd';

export const MAX_WORKDAYS_QUERY_N = 365;
const N_MESSAGE = `n 必须是 1–${MAX_WORKDAYS_QUERY_N} 之间的整数`;

export const workdaysQuerySchema = z.object({
  // bounded so a walk never leaves four-digit years
  from: ymdSchema.refine((day) => day >= '1900-01-01' && day <= '2100-12-31', '日期应在 1900–2100 年之间'),
  n: z
    .string({ error: N_MESSAGE })
    .regex(/^\d{1,4}$/, N_MESSAGE)
    .transform(Number)
    .pipe(z.number().int().min(1, N_MESSAGE).max(MAX_WORKDAYS_QUERY_N, N_MESSAGE)),
});

export type WorkdaysQuery = z.infer<typeof workdaysQuerySchema>;

/** Reads the query from a URL; absent parameters become undefined so the schema names them. */
export function parseWorkdaysQuery(url: URL) {
  const params = url.searchParams;
  return workdaysQuerySchema.safeParse({ from: params.get('from') ?? undefined, n: params.get('n') ?? undefined });
}
