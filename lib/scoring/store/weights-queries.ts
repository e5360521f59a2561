// score_weights: every saved version is kept; the newest is in force. Version 0 (the defaults) is not stored.
import { recordAudit } from '../../audit/record-audit';
import type { Db, Sql } from '../../db/sql';
import { oweJobs } from '../../jobs/owed-jobs';
import { owedRecentMonthsRescore } from './score-job';
import { DEFAULT_VERSIONED_WEIGHTS, weightsSchema, type VersionedWeights, type Weights } from '../weights';

export async function getCurrentWeights(db: Db): Promise<VersionedWeights> {
  const [row] = await db<{ version: number; weights: unknown }[]>`
    select version, weights from score_weights order by version desc limit 1`;
  if (!row) return DEFAULT_VERSIONED_WEIGHTS;
  const parsed = weightsSchema.safeParse(row.weights);
  // a stored version that no longer parses must not stop scoring: fall back to the defaults
  return parsed.success ? { version: row.version, weights: parsed.data } : DEFAULT_VERSIONED_WEIGHTS;
}

/** Saves a new version with its audit row and the rescore it makes owed, in one transaction. */
export async function saveWeights(sql: Sql, input: { weights: Weights; actor: string; at: Date }): Promise<VersionedWeights> {
  const weights = weightsSchema.parse(input.weights);
  return sql.begin(async (tx) => {
    // serialise concurrent saves so two admins cannot both write version n+1
    await tx`lock table score_weights in share row exclusive mode`;
    const before = await getCurrentWeights(tx);
    const version = before.version + 1;
    await tx`
      insert into score_weights (version, weights, created_by, created_at)
      values (${version}, ${tx.json(weights as never)}, ${input.actor}, ${input.at})`;
    await recordAudit(tx, {
      actor: input.actor,
      entity: 'score_weights',
      entityId: version,
      action: 'update',
      before: before.weights,
      after: weights,
    });
    // the running and last month are rescored with the new version; older months keep the version they were scored with
    await oweJobs(tx, [owedRecentMonthsRescore()]);
    return { version, weights };
  });
}
