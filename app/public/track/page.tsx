// /public/track: a citizen follows a complaint or an application for government information with its tracking
// code and the last 4 digits of the phone (DESIGN §3). Both kinds of code look alike, so a tab says which one is
// asked for (`?kind=request` opens the application's; links from each success page set it).
import { normalizeTrackingCode } from '../../../lib/complaints/tracking-code';
import { TrackTabs } from './track-tabs';

export const metadata = { title: '进度查询 · 政务公开在线监督预警平台' };

export default async function TrackPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { code: raw, kind } = await searchParams;
  const code = typeof raw === 'string' ? normalizeTrackingCode(raw) : null;
  return <TrackTabs initialCode={code ?? ''} kind={kind === 'request' ? 'request' : 'complaint'} />;
}
