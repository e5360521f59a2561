// /public/request: anyone applies for government information (依申请公开, 条例 Art. 27–29), without logging in
// (DESIGN §3 POST /api/v1/requests).
import { listDepartmentOptions } from '../../../lib/complaints/queries';
import { sql } from '../../../lib/db/sql';
import { PublicRequestForm } from './public-request-form';

export const metadata = { title: '申请政府信息公开 · 政务公开在线监督预警平台' };

export default async function PublicRequestPage() {
  const departments = await listDepartmentOptions(sql, null);
  return <PublicRequestForm departments={departments} />;
}
