// What a monthly report holds (DESIGN §1 考核): summary figures, the department ranking, the worst overdue
// items, the complaint, dispute and request figures of one region's subtree for one month. Plain data: the report page,
// the XLSX and the PDF are all drawn from it.
import { z } from 'zod';

export const reportDataSchema = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  period: z.string(),
  generatedAt: z.string(),
  summary: z.object({
    departments: z.number(),
    scoredDepartments: z.number(),
    averageScore: z.number().nullable(),
    obligationsDue: z.number(),
    onTime: z.number(),
    late: z.number(),
    overdue: z.number(),
    itemsPublished: z.number(),
    itemsIncomplete: z.number(),
    redAlerts: z.number(),
    complaints: z.number(),
    acceptInTimeRate: z.number().nullable(),
    replyInTimeRate: z.number().nullable(),
    satisfactionRate: z.number().nullable(),
  }),
  ranking: z.array(
    z.object({
      rank: z.number(),
      departmentId: z.number(),
      departmentName: z.string(),
      regionName: z.string(),
      total: z.number().nullable(),
      previousTotal: z.number().nullable(),
      timelinessRate: z.number().nullable(),
      completenessRate: z.number().nullable(),
      redAlerts: z.number(),
    }),
  ),
  worstOverdue: z.array(
    z.object({
      itemId: z.number().nullable(),
      title: z.string(),
      departmentName: z.string(),
      dueAt: z.string(),
      fulfilledAt: z.string().nullable(),
      daysLate: z.number(),
    }),
  ),
  complaintsByDepartment: z.array(
    z.object({
      departmentName: z.string(),
      complaints: z.number(),
      acceptInTimeRate: z.number().nullable(),
      replyInTimeRate: z.number().nullable(),
      satisfactionRate: z.number().nullable(),
    }),
  ),
  /** 申诉 提出/成立/驳回 per department: filed in the month, decided in it; absent from reports built before disputes. */
  disputesByDepartment: z
    .array(z.object({ departmentName: z.string(), filed: z.number(), accepted: z.number(), rejected: z.number() }))
    .default([]),
  /**
   * 依申请公开 in the month: received; replied (on time or late, against the reply deadline in force); and still
   * unanswered past their deadline at the month's end. Absent (null) from reports built before requests existed.
   */
  requests: z
    .object({ received: z.number(), replied: z.number(), repliedOnTime: z.number(), repliedLate: z.number(), overdue: z.number() })
    .nullable()
    .default(null),
});
export type ReportData = z.infer<typeof reportDataSchema>;

export const formatPercent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
export const formatScore = (total: number | null) => (total === null ? '—' : total.toFixed(2));
