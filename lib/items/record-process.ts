// The steps of a publication inside the department (提交审核, 审核 incl. 保密审查, 审批签发) and its
// withdrawal, as the CMS reports them with the item (DESIGN §3 steps, withdrawnAt): recorded as item events
// once each, whatever the CMS resends, in the ingest's transaction.
import type { Db } from '../db/sql';
import type { IngestPayload, IngestStep, StepKind } from './ingest-schema';

const STEP_LABELS: Readonly<Record<StepKind, string>> = { submitted: '提交审核', reviewed: '审核', approved: '审批签发' };

function stepNote(step: IngestStep): string {
  const who = step.actor ? `（${step.actor}）` : '';
  return `${STEP_LABELS[step.kind]}${who}${step.note ? `：${step.note}` : ''}`;
}

/** Adds the steps not recorded yet: a step is known by its kind and time. */
export async function recordSteps(tx: Db, input: { itemId: number; steps: readonly IngestStep[]; actor: string }): Promise<number> {
  if (input.steps.length === 0) return 0;
  const steps = input.steps;
  const added = await tx`
    insert into item_events (item_id, kind, at, actor, note)
    select ${input.itemId}, v.kind, v.at, ${input.actor}, v.note
    from unnest(${steps.map((s) => s.kind)}::text[], ${steps.map((s) => s.at.toISOString())}::timestamptz[],
                ${steps.map(stepNote)}::text[]) with ordinality as v(kind, at, note, n)
    where not exists (select 1 from item_events e where e.item_id = ${input.itemId} and e.kind = v.kind and e.at = v.at)
    order by v.n`;
  return added.count;
}

/**
 * Withdraws a published item once: the item stops counting as published (its completeness and channel
 * alerts clear on its next check, which the caller owes) and the replay shows why. Returns the item's new
 * version, or null when it was withdrawn already.
 */
export async function recordWithdrawal(
  tx: Db,
  input: { itemId: number; payload: Pick<IngestPayload, 'withdrawnAt' | 'withdrawReason'>; actor: string; at: Date; bumpVersion: boolean },
): Promise<number | null> {
  const { withdrawnAt, withdrawReason } = input.payload;
  if (!withdrawnAt) return null;
  const [row] = await tx<{ version: number }[]>`
    update items set withdrawn_at = ${withdrawnAt}, updated_at = ${input.at},
      version = version + ${input.bumpVersion ? 1 : 0}
    where id = ${input.itemId} and withdrawn_at is null
    returning version`;
  if (!row) return null;
  await tx`
    insert into item_events (item_id, kind, at, actor, note)
    values (${input.itemId}, 'withdrawn', ${withdrawnAt}, ${input.actor}, ${`撤回：${withdrawReason ?? ''}`})`;
  return row.version;
}
