import { NotFoundResult } from '../../_components/access-denied';

export default function ItemNotFound() {
  return <NotFoundResult what="公开信息" back={{ href: '/catalog', label: '返回公开目录' }} />;
}
