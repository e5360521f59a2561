// The one way to write the audit trail (DESIGN §1): called inside the transaction that makes the
// change, so a change and its audit row commit or fail together. The table is append-only for the
// application's role; there is deliberately no update or delete here.
import { z } from 'zod';
import type { TransactionSql } from '../db/sql';
import { now } from '../clock';

export const AUDIT_ENTITIES = ['calendar', 'rule', 'catalog_entry', 'user', 'api_key', 'score_weights', 'dispute'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const auditEntrySchema = z.object({
  actor: z.string().min(1),
  entity: z.enum(AUDIT_ENTITIES),
  entityId: z.union([z.string().min(1), z.number().int()]),
  action: z.string().min(1),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Appends one audit row in the caller's transaction and returns its id. */
export async function recordAudit(tx: TransactionSql, entry: AuditEntry): Promise<number> {
  const { actor, entity, entityId, action, before, after } = auditEntrySchema.parse(entry);
  const [row] = await tx<{ id: number }[]>`
    insert into audit_log (at, actor, entity, entity_id, action, before, after)
    values (${now()}, ${actor}, ${entity}, ${String(entityId)}, ${action},
            ${before === undefined ? null : tx.json(before as never)},
            ${after === undefined ? null : tx.json(after as never)})
    returning id`;
  return row!.id;
}
