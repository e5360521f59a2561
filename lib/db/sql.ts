// The shared postgres.js client, connected as the application's non-superuser role.
import postgres from 'postgres';
import { getEnv } from '../env';

export type Sql = postgres.Sql;
export type TransactionSql = postgres.TransactionSql;
/** Either the pool or a transaction: queries take this first so callers can compose them. */
export type Db = postgres.Sql | postgres.TransactionSql;

export function createSql(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
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

export async function closeSql(): Promise<void> {
  const client = globalRef.__dwSql;
  globalRef.__dwSql = undefined;
  if (client) await client.end({ timeout: 5 });
}
