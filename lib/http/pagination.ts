// Lists answer { data, next } and take ?cursor=&limit= (DESIGN §3). A cursor is opaque to clients.
import { z } from 'zod';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export const limitSchema = z.coerce
  .number({ error: 'limit 必须是整数' })
  .int('limit 必须是整数')
  .min(1, `limit 应在 1–${MAX_PAGE_SIZE} 之间`)
  .max(MAX_PAGE_SIZE, `limit 应在 1–${MAX_PAGE_SIZE} 之间`)
  .default(DEFAULT_PAGE_SIZE);

export function encodeCursor(value: string | number | Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A cursor schema decoding to the given key type; anything tampered with is a 400, not a 500. */
export function cursorSchema<T extends z.ZodType>(key: T) {
  return z
    .string()
    .transform((raw, context) => {
      try {
        const decoded = key.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
        if (decoded.success) return decoded.data as z.infer<T>;
      } catch {
        // falls through to the issue below
      }
      context.addIssue({ code: 'custom', message: 'cursor 无效，请从第一页重新开始' });
      return z.NEVER;
    })
    .optional();
}

/** Builds { data, next } from a page fetched with limit + 1 rows. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string | number): { data: T[]; next: string | null } {
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  const last = data[data.length - 1];
  return { data, next: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

export function queryObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
