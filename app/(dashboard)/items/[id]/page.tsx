import { notFound, forbidden } from 'next/navigation';
import { requireUser } from '../../../_server/current-user';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { findItemDetail } from '../../../../lib/items/queries';
import { getItemTimeline, type TimelineEntry, type TimelineKey } from '../../../../lib/items/timeline';
import { ItemView } from '../_components/item-view';
import { parseRouteId } from '../../_components/route-id';

export const dynamic = 'force-dynamic';
// the title stays generic: a page that answers 无权查看 must not name the item in the tab either
export const metadata = { title: '事项详情 · 政务公开在线监督预警平台' };

const TIMELINE_PAGE = 500;
// a replay longer than this is cut with a note; no real item has thousands of events
const MAX_TIMELINE_ENTRIES = 5_000;

// 事项详情: the replay of one item's whole disclosure process (完整还原) and the requirements it was checked against
export default async function ItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { scope } = await requireUser();
  const id = parseRouteId((await params).id);
  if (id === null) notFound();
  const at = now();
  const detail = await findItemDetail(sql, scope, id, at);
  if (detail === 'missing') notFound();
  if (detail === 'outside') forbidden();

  const entries: TimelineEntry[] = [];
  let after: TimelineKey | undefined;
  let isCut = false;
  for (;;) {
    const page = await getItemTimeline(sql, scope, id, { limit: TIMELINE_PAGE, at, ...(after ? { after } : {}) });
    if (page.kind !== 'found') break;
    entries.push(...page.data);
    if (!page.next) break;
    if (entries.length >= MAX_TIMELINE_ENTRIES) {
      isCut = true;
      break;
    }
    after = page.next;
  }
  return <ItemView detail={detail} timeline={entries} isTimelineCut={isCut} now={at.toISOString()} />;
}
