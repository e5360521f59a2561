import { NotFoundResult } from '../../_components/access-denied';

export default function DepartmentNotFound() {
  return <NotFoundResult what="部门" back={{ href: '/departments', label: '返回部门列表' }} />;
}
