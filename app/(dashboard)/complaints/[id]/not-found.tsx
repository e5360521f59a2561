import { NotFoundResult } from '../../_components/access-denied';

export default function ComplaintNotFound() {
  return <NotFoundResult what="投诉件" back={{ href: '/complaints', label: '返回投诉处理' }} />;
}
