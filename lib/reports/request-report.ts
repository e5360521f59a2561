// An on-demand report: any month that has ended, for a region in the user's scope; built at once.
import type { Scope } from '../auth/scope';
import type { Sql } from '../db/sql';
import { refuse, type Refusal } from '../refusal';
import { locateRegion } from '../regions/queries';
import { periodOf, type Period } from '../scoring/period';
import { buildReports } from './build-reports';

export type RequestReportResult =
  | { ok: true; id: number }
  | Refusal<'invalid' | 'not_found' | 'out_of_scope'>;

export async function requestReport(sql: Sql, scope: Scope, input: { regionCode: string; period: Period; at: Date }): Promise<RequestReportResult> {
  if (input.period >= periodOf(input.at)) {
    return refuse('invalid', '只能生成已结束月份的报告', { period: '只能生成已结束月份的报告' });
  }
  const place = await locateRegion(sql, scope, input.regionCode);
  if (place === 'missing') return refuse('not_found', `区域 ${input.regionCode} 不存在`);
  if (place === 'outside') return refuse('out_of_scope', '该区域不在您的管辖范围内');
  const [built] = await buildReports(sql, { regionCodes: [input.regionCode], period: input.period, at: input.at, actor: scope.username });
  return { ok: true, id: built!.id };
}
