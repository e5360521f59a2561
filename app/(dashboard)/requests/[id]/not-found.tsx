import { NotFoundResult } from '../../_components/access-denied';

export default function RequestNotFound() {
  return <NotFoundResult what="申请" back={{ href: '/requests', label: '返回依申请公开' }} />;
}
