import { NotFoundResult } from '../../_components/access-denied';

export default function CatalogEntryNotFound() {
  return <NotFoundResult what="公开事项" back={{ href: '/catalog', label: '返回公开目录' }} />;
}
