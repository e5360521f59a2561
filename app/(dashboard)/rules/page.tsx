import { forbidden } from 'next/navigation';
import { requireUser } from '../../_server/current-user';
import { can } from '../../../lib/auth/permissions/role-permissions';
import { sql } from '../../../lib/db/sql';
import { listRegionsInScope } from '../../../lib/regions/queries';
import { listRulesForScope } from '../../../lib/rules/store/list-rules';
import { RulesManager } from './_components/rules-manager';

export const dynamic = 'force-dynamic';
export const metadata = { title: '监督规则 · 政务公开在线监督预警平台' };

// 监督规则: every rule that applies in the user's region; supervisors change their region's, the admin any
export default async function RulesPage() {
  const { scope } = await requireUser();
  if (!can(scope, 'manageRules')) forbidden();
  const [rules, regions] = await Promise.all([listRulesForScope(sql, scope), listRegionsInScope(sql, scope, { limit: 500 })]);
  return <RulesManager rules={rules} regions={regions} />;
}
