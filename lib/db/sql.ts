// The shared postgres.js client, connected as the application's non-superuser role.
import postgres from 'postgres';
import { getEnv } from '../env';

export type Sql = postgres.Sql;
export type TransactionSql = postgres.TransactionSql;
/** Either the pool or a transaction: queries take this first so callers can compose them. */
export type Db = postgres.Sql | postgres.TransactionSql;

// While Postgres is away, postgres.js keeps queries waiting for a connection and rejects them one per failed
// connect attempt, each attempt coming after a wait that grows with every failure of the pool (up to 20 s).
// Under load the waiting queries then pile up, and requests hang for seconds instead of answering unavailable (the
// chaos suite measured it), and after the outage a query still sits out that wait although the server is
// back. A refused connect costs well under a millisecond, and attempts are made only for waiting queries:
// keep the wait at 50 ms at most, so every waiting query learns at once, and a returning Postgres is used at
// once. A server that does not answer a connect (hung, not refused) fails it after CONNECT_TIMEOUT_S, not 30 s.
const MAX_RECONNECT_DELAY_S = 0.05;
const CONNECT_TIMEOUT_S = 5;

export function reconnectDelaySeconds(failedAttempts: number): number {
  return Math.min(0.005 * 2 ** failedAttempts, MAX_RECONNECT_DELAY_S) * (0.5 + Math.random() / 2);
}

export function createSql(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    backoff: reconnectDelaySeconds,
    connect_timeout: CONNECT_TIMEOUT_S,
    onnotice: () => {},
    // int8 ids and sequence values stay far below 2^53; numbers are easier on every caller
    types: {
      bigint: {
        to: 20,
        from: [20],
        parse: (value: string) => Number(value),
        serialize: (value: number) => String(value),
      },
    },
    connection: { application_name: 'disclosure-watch', TimeZone: 'Asia/Shanghai' },
  });
}

// One pool per process, created on first use so importing a module never opens a connection.
const globalRef = globalThis as unknown as { __dwSql?: Sql };

export const sql: Sql = new Proxy((() => {}) as unknown as Sql, {
  get(_target, property) {
    const client = (globalRef.__dwSql ??= createSql(getEnv().DATABASE_URL));
    const value = Reflect.get(client, property);
    return typeof value === 'function' ? value.bind(client) : value;
  },
  apply(_target, _this, args) {
    const client = (globalRef.__dwSql ??= createSql(getEnv().DATABASE_URL));
    return Reflect.apply(client as unknown as (...a: unknown[]) => unknown, client, args);
  },
});

/** Ends the pool; queries still running after `timeoutSeconds` are cancelled. */
export async function closeSql(timeoutSeconds = 5): Promise<void> {
  const client = globalRef.__dwSql;
  globalRef.__dwSql = undefined;
  if (client) await client.end({ timeout: timeoutSeconds });
}
