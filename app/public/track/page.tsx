// /public/track: a citizen follows a complaint with its tracking code and the last 4 digits of the phone,
// reads the reply and rates it (好差评) (DESIGN §3).
import { normalizeTrackingCode } from '../../../lib/complaints/tracking-code';
import { TrackView } from './track-view';

export const metadata = { title: '投诉查询 · 政务公开在线监督预警平台' };

export default async function TrackPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).code;
  const code = typeof raw === 'string' ? normalizeTrackingCode(raw) : null;
  return <TrackView initialCode={code ?? ''} />;
}
