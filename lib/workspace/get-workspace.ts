// 部门工作台: what a department user must do, read in one place — obligations overdue and due soon with their
// deadlines, open alerts with the fix each asks for, complaints to sign for or answer — always in the user's
// scope (their department). Built from the modules that own each table (obligations, alerts, complaints,
// departments); only the to-do order of alerts (most severe, then oldest) is read here.
import { alertFromRow, selectAlerts, type Alert, type AlertRow } from '../alerts/alert';
import { complaintActionsFor } from '../auth/permissions/complaint-access';
import { scopeFilter, type Scope } from '../auth/scope';
import { complaintListQuerySchema, listComplaints, type ComplaintSummary } from '../complaints/queries';
import type { ComplaintState } from '../complaints/complaint';
import type { Db } from '../db/sql';
import { findDepartment, type DepartmentDetail } from '../departments/queries';
import { countObligations, dueSoonUntil, listOpenObligations, type ObligationView } from '../obligations/queries';
import { ALERT_LEVELS, type AlertLevel } from '../rules/rule';
import { alertFix, type AlertFix } from './alert-fix';

/** Rows a list shows at first; "显示更多" adds as many again, up to WORKSPACE_MAX_ROWS. */
export const WORKSPACE_PAGE_ROWS = 10;
export const WORKSPACE_MAX_ROWS = 500;

export const WORKSPACE_LISTS = ['overdue', 'dueSoon', 'alerts', 'complaints'] as const;
export type WorkspaceList = (typeof WORKSPACE_LISTS)[number];
export type WorkspaceLimits = Record<WorkspaceList, number>;

export interface WorkspaceAlert {
  alert: Alert;
  fix: AlertFix;
}

/** 签收 (or 回退) a complaint just dispatched, or 答复 one signed for. */
export type ComplaintTodo = 'accept' | 'reply';

export interface WorkspaceComplaint {
  complaint: ComplaintSummary;
  todo: ComplaintTodo;
}

export interface Listed<Row> {
  rows: Row[];
  /** How many there are in all (the rows are the first of them). */
  total: number;
}

export interface Workspace {
  department: DepartmentDetail;
  overdue: Listed<ObligationView>;
  dueSoon: Listed<ObligationView>;
  alerts: Listed<WorkspaceAlert> & { byLevel: Record<AlertLevel, number> };
  complaints: Listed<WorkspaceComplaint> & { toAccept: number; toReply: number };
}

const alertScope = (db: Db, scope: Scope) => scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'a.department_id' });

async function listTodoAlerts(db: Db, scope: Scope, limit: number): Promise<Listed<WorkspaceAlert> & { byLevel: Record<AlertLevel, number> }> {
  const [rows, counts] = await Promise.all([
    db<(AlertRow & { obligation_entry_id: number | null })[]>`
      ${selectAlerts(db, db`, (select o.catalog_entry_id from obligations o where o.id = a.obligation_id) as obligation_entry_id`)}
      where a.state <> 'resolved' and ${alertScope(db, scope)}
      order by case a.level when 'red' then 0 when 'orange' then 1 else 2 end, a.opened_at, a.id
      limit ${limit}`,
    db<{ level: AlertLevel; n: number }[]>`
      select a.level, count(*)::int as n
      from alerts a join regions r on r.code = a.region_code
      where a.state <> 'resolved' and ${alertScope(db, scope)}
      group by a.level`,
  ]);
  const byLevel = Object.fromEntries(ALERT_LEVELS.map((level) => [level, 0])) as Record<AlertLevel, number>;
  for (const count of counts) byLevel[count.level] = count.n;
  return {
    rows: rows.map((row) => {
      const { alert } = alertFromRow(row);
      return { alert, fix: alertFix({ ...alert, obligationEntryId: row.obligation_entry_id }) };
    }),
    total: ALERT_LEVELS.reduce((sum, level) => sum + byLevel[level], 0),
    byLevel,
  };
}

// the states in which the department holds the next step: 签收 (assigned), 答复 (accepted, in_progress)
const TODO_STATES: readonly ComplaintState[] = ['assigned', 'accepted', 'in_progress'];

async function listTodoComplaints(db: Db, scope: Scope, limit: number): Promise<Workspace['complaints']> {
  const lists = await Promise.all(
    TODO_STATES.map((state) => listComplaints(db, scope, complaintListQuerySchema.parse({ state, sort: 'due' }), { offset: 0, limit })),
  );
  const todos = lists
    .flatMap((list) => list.rows)
    .flatMap((complaint): WorkspaceComplaint[] => {
      // what the complaint page would offer this user: the same decision as its buttons
      const actions = complaintActionsFor(scope, { ...complaint, inScope: true });
      if (actions.includes('accept')) return [{ complaint, todo: 'accept' }];
      if (actions.includes('reply')) return [{ complaint, todo: 'reply' }];
      return [];
    })
    // the step due soonest first, as the complaint queue sorts
    .sort((a, b) => (a.complaint.currentDueAt ?? '').localeCompare(b.complaint.currentDueAt ?? '') || a.complaint.id - b.complaint.id);
  const [assigned, accepted, inProgress] = lists.map((list) => list.total) as [number, number, number];
  return { rows: todos.slice(0, limit), total: assigned + accepted + inProgress, toAccept: assigned, toReply: accepted + inProgress };
}

/**
 * The workspace of a department user at `at`, each list cut at its limit; 'no_department' for a user not bound to a
 * department (the page is for department staff only).
 */
export async function getWorkspace(db: Db, scope: Scope, limits: WorkspaceLimits, at: Date): Promise<Workspace | 'no_department'> {
  if (scope.departmentId === null) return 'no_department';
  const departmentId = scope.departmentId;
  const dueBy = await dueSoonUntil(db, at);
  const [department, counts, overdue, dueSoon, alerts, complaints] = await Promise.all([
    findDepartment(db, scope, departmentId),
    countObligations(db, scope, { departmentId }, at),
    listOpenObligations(db, scope, { departmentId, window: 'overdue', limit: limits.overdue }, at),
    // due soon is a short list by nature (5 working days): read it whole, up to the cap, and count it
    listOpenObligations(db, scope, { departmentId, window: 'dueSoon', dueBy, limit: WORKSPACE_MAX_ROWS }, at),
    listTodoAlerts(db, scope, limits.alerts),
    listTodoComplaints(db, scope, limits.complaints),
  ]);
  if (typeof department === 'string') throw new Error(`department ${departmentId} of ${scope.username} is ${department}`);
  return {
    department,
    overdue: { rows: overdue, total: counts.overdue },
    dueSoon: { rows: dueSoon.slice(0, limits.dueSoon), total: dueSoon.length },
    alerts,
    complaints,
  };
}
