// /public/complaint: a citizen files an online complaint about disclosure, without logging in (DESIGN §3).
import { listDepartmentOptions } from '../../../lib/complaints/queries';
import { sql } from '../../../lib/db/sql';
import { PublicComplaintForm } from './public-complaint-form';

export const metadata = { title: '网上投诉 · 政务公开在线监督预警平台' };

export default async function PublicComplaintPage() {
  const departments = await listDepartmentOptions(sql, null);
  return <PublicComplaintForm departments={departments} />;
}
