// A postgres.js client like lib/db/sql.ts's, counting the statements it sends: how many round trips a job
// makes. Options mirror createSql (numbers for int8, the Shanghai session time zone).
import postgres from 'postgres';
import type { Sql } from '../../lib/db/sql';

export interface CountingSql {
  sql: Sql;
  count: () => number;
  reset: () => void;
  /** Statement text → times sent (first line, trimmed), the most frequent first. */
  top: (n: number) => [string, number][];
  end: () => Promise<void>;
}

export function countingSql(url: string): CountingSql {
  let count = 0;
  const byText = new Map<string, number>();
  const sql = postgres(url, {
    max: 4,
    onnotice: () => {},
    types: {
      bigint: { to: 20, from: [20], parse: (value: string) => Number(value), serialize: (value: number) => String(value) },
    },
    connection: { application_name: 'disclosure-watch-bench', TimeZone: 'Asia/Shanghai' },
    debug: (_connection, query) => {
      count += 1;
      const text = query.replace(/\s+/g, ' ').trim().slice(0, 90);
      byText.set(text, (byText.get(text) ?? 0) + 1);
    },
  }) as unknown as Sql;
  return {
    sql,
    count: () => count,
    reset: () => {
      count = 0;
      byText.clear();
    },
    top: (n) => [...byText.entries()].sort((a, b) => b[1] - a[1]).slice(0, n),
    end: () => sql.end({ timeout: 5 }),
  };
}
