// Transactions of the pool under load, on the installed postgres.js with patches/postgres+3.4.9.patch: a BEGIN
// that fills a connection's pipeline must still reserve that connection for its transaction (upstream #1189,
// #823). Unpatched, sql.begin failed with UNSAFE_TRANSACTION under load (the chaos soak met it on an ingest),
// and the pool could run unrelated queries inside the open transaction. The second test guards the patch
// itself: a first version of it left the connection open to pipelined queries and hung this test.
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { getEnv } from '../env';
import { createSql } from './sql';

const pools: postgres.Sql[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end({ timeout: 1 })));
});

describe('sql.begin on a busy pool', () => {
  it('reserves the connection when BEGIN is the query that fills its pipeline', async () => {
    // max_pipeline 0: every query fills the pipeline, so every BEGIN is at the boundary
    // max_pipeline is an option of postgres.js that its typings leave out
    const pool = postgres(getEnv().DATABASE_URL, { max: 2, max_pipeline: 0, onnotice: () => {} } as postgres.Options<Record<string, never>>);
    pools.push(pool);
    await expect(pool.begin((tx) => tx`select 1 as ok`)).resolves.toEqual([{ ok: 1 }]);
  });

  it('runs 40 transactions among 2,000 queries on two connections, each on a connection of its own', async () => {
    const pool = createSql(getEnv().DATABASE_URL, { max: 2 });
    pools.push(pool);
    const queries = Array.from({ length: 2_000 }, (_, i) => pool`select ${i}::int as n`);
    const transactions = Array.from({ length: 40 }, (_, i) =>
      pool.begin(async (tx) => {
        // inside its own transaction, a transaction sees its own backend twice and no one else's queries
        const [first] = await tx<{ pid: number; xact: string }[]>`select pg_backend_pid() as pid, txid_current()::text as xact`;
        const [second] = await tx<{ pid: number; xact: string }[]>`select pg_backend_pid() as pid, txid_current()::text as xact`;
        return { i, same: first!.pid === second!.pid && first!.xact === second!.xact };
      }),
    );
    const results = await Promise.allSettled([...queries, ...transactions]);
    const failed = results.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason.message);
    expect(failed).toEqual([]);
    const settled = await Promise.all(transactions);
    expect(settled.every((t) => t.same)).toBe(true);
  });
});
