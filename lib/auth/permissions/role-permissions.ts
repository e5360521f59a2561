// Who may do what by role alone (DESIGN §3 "who" column, and the pages of DESIGN §1): every named role set
// lives here, and route handlers (through requireApiUser's permission), pages and the navigation ask `can`
// instead of listing roles. Decisions that also depend on the subject (its region, its department, a
// complaint's state) are the `can…` functions beside this file, which start from these sets.
import type { Role } from '../roles';

const PERMISSIONS = {
  /** 确认、指派、处置预警 (POST /alerts/:id/ack · resolve · assign, the wall's buttons). */
  actOnAlerts: ['supervisor', 'admin'],
  /** 公开目录维护: entries, versions, retirement, import/export, the withheld approval. */
  manageCatalog: ['supervisor', 'admin'],
  /** 监督规则: list, create, change (GET/POST /rules, PATCH /rules/:id). */
  manageRules: ['supervisor', 'admin'],
  /** 投诉处理 pages and GET /complaints, /complaints/:id. */
  readComplaints: ['handler', 'supervisor', 'admin', 'dept'],
  /** POST /complaints/:id/actions: the handler's desk, the assigned department, and the office's 催办. */
  actOnComplaints: ['handler', 'dept', 'supervisor', 'admin'],
  /** 催办 only: the disclosure office chases complaints in its scope without taking over the handler's desk. */
  chaseComplaints: ['supervisor', 'admin'],
  /** 派单 targets (GET /complaints/:id/targets). */
  dispatchComplaints: ['handler'],
  /** Registering phone/onsite complaints under the handler's name (POST /complaints signed in). */
  registerComplaints: ['handler'],
  /** Complainants' names and phones in full (DESIGN §1 Complaints: masked in lists, visible only to handlers). */
  seeComplainantData: ['handler'],
  /**
   * 依申请公开 (issue 13): GET /requests, /requests/:id and the /requests pages. The disclosure office and the
   * agency applied to (a department sees its own) do this work; the 12345 complaint desk (handler) does not,
   * and leaders read requests through scores and reports.
   */
  readRequests: ['supervisor', 'admin', 'dept'],
  /** POST /requests/:id/actions: every step of the Art. 29–36 workflow, on requests in the user's scope. */
  actOnRequests: ['supervisor', 'admin', 'dept'],
  /** Registering letter / in-person applications (POST /requests signed in, with receivedAt). */
  registerRequests: ['supervisor', 'admin', 'dept'],
  /** Applicants' name, ID number, phone and address: those who handle the request (in scope), nobody else. */
  seeApplicantData: ['supervisor', 'admin', 'dept'],
  /** 报送公开信息 by hand (POST /items with a session; CMS keys are checked by ingest itself); the 部门工作台 pages. */
  publishItems: ['dept'],
  /** 提出申诉: a department disputes its own alerts and deductions (POST /disputes, the 申诉 buttons). */
  fileDisputes: ['dept'],
  /** 申诉处理: the disclosure office accepts or rejects disputes in its scope (POST /disputes/:id/decision, /disputes). */
  decideDisputes: ['supervisor', 'admin'],
  /** GET /disputes: the filing department's own, the office's scope. */
  readDisputes: ['dept', 'supervisor', 'admin'],
  /** 考核评分 and the scoring weights in force (GET /scores, GET /score-weights). */
  readScores: ['leader', 'supervisor', 'admin'],
  /** Changing the scoring weights and previewing them (PUT /score-weights, /scores/what-if). */
  editScoreWeights: ['admin'],
  /** 月度报告 (GET/POST /reports, the report files). */
  readReports: ['leader', 'supervisor', 'admin'],
  /** 工作日历: loading a year's arrangement (PUT /calendar/:year) and correcting one day (PUT /calendar/days/:date). */
  loadCalendar: ['admin'],
  /** 操作日志 (GET /audit). */
  readAudit: ['admin'],
  /** 系统管理: users and ingest API keys (/admin/*). */
  administer: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** The roles holding `permission`. */
export function rolesThatCan(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

export function can(user: { role: Role }, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

/** Department staff are bound to one department: their scope narrows to it, and their account needs one. */
export function isDepartmentRole(role: Role): boolean {
  return role === 'dept';
}
