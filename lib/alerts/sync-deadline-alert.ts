// Brings one obligation's deadline alert and its stored level in line with the clock: yellow, orange, red
// as thresholds pass, resolved once the obligation is fulfilled. Shared by the sweep and the check job.
import type { Db } from '../db/sql';
import { shanghaiDayOf } from '../calendar/ymd';
import { deadlineMessage, levelAt, nextThresholdAfter } from '../rules/deadline-level';
import type { Rule } from '../rules/rule';
import { selectRule } from '../rules/select-rule';
import { clearAlert, raiseAlert, type AlertChange } from './record-finding';

export interface ObligationForSweep {
  id: number;
  catalogEntryId: number;
  entryName: string;
  domain: string;
  departmentId: number;
  positionId: number | null;
  regionCode: string;
  regionPath: string;
  itemId: number | null;
  state: 'open' | 'fulfilled' | 'cancelled';
  level: 'none' | 'yellow' | 'orange' | 'red';
  warnAt: Date;
  dueAt: Date;
  severeAt: Date;
  fulfilledAt: Date | null;
  nextCheckAt: Date | null;
}

/** Columns of ObligationForSweep, from `obligations o join catalog_entries c join regions r`. */
export function obligationForSweepColumns(db: Db) {
  return db`
    o.id, o.catalog_entry_id as "catalogEntryId", c.name as "entryName", c.domain, o.department_id as "departmentId",
    o.position_id as "positionId", o.region_code as "regionCode", r.path as "regionPath", o.item_id as "itemId",
    o.state, o.level, o.warn_at as "warnAt", o.due_at as "dueAt", o.severe_at as "severeAt",
    o.fulfilled_at as "fulfilledAt", o.next_check_at as "nextCheckAt"`;
}

export async function syncDeadlineAlert(
  tx: Db,
  obligation: ObligationForSweep,
  rules: readonly Rule[],
  at: Date,
): Promise<AlertChange | null> {
  const key = { ruleKind: 'deadline', subjectType: 'obligation', subjectId: obligation.id } as const;
  const isOpen = obligation.state === 'open';
  const level = isOpen ? levelAt(obligation, at) : 'none';
  const nextCheckAt = isOpen ? nextThresholdAfter(obligation, at) : null;
  if (level !== obligation.level || nextCheckAt?.getTime() !== obligation.nextCheckAt?.getTime()) {
    await tx`update obligations set level = ${level}, next_check_at = ${nextCheckAt}, updated_at = ${at}
             where id = ${obligation.id}`;
  }

  const rule = selectRule(rules, 'deadline', {
    regionPath: obligation.regionPath,
    domain: obligation.domain,
    entryId: obligation.catalogEntryId,
  });
  if (level === 'none' || !rule) {
    return clearAlert(tx, key, at, isOpen ? '预警规则已停用或尚未临期' : '已公开，义务已履行');
  }
  return raiseAlert(
    tx,
    {
      ...key,
      ruleId: rule.id,
      level,
      subjectVersion: 1,
      itemId: obligation.itemId,
      obligationId: obligation.id,
      departmentId: obligation.departmentId,
      positionId: obligation.positionId,
      regionCode: obligation.regionCode,
      domain: obligation.domain,
      message: deadlineMessage(level, { entryName: obligation.entryName, dueDay: dueDayOf(obligation.dueAt) }),
      details: { dueAt: obligation.dueAt.toISOString(), severeAt: obligation.severeAt.toISOString() },
    },
    at,
  );
}

// due_at is 24:00 of the due day, i.e. 00:00 of the next: the due day is the Shanghai day just before it
const dueDayOf = (dueAt: Date) => shanghaiDayOf(new Date(dueAt.getTime() - 1));
