'use client';

import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { RealtimeProvider } from '../../../_client/realtime-provider';
import { useRealtime, useRealtimeEvent } from '../../../_client/use-realtime';

// The workspace is server-rendered; an alert or complaint of the department that changes (the check worker's
// finding on an item just published, the sweep at midnight, a complaint dispatched) refreshes it, once per burst.
const REFRESH_DELAY_MS = 1_000;

function Listener() {
  const router = useRouter();
  const { status } = useRealtime();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshSoon = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      router.refresh();
    }, REFRESH_DELAY_MS);
  };
  useRealtimeEvent('alert:opened', refreshSoon);
  useRealtimeEvent('alert:updated', refreshSoon);
  useRealtimeEvent('complaint:updated', refreshSoon);
  // where the page stands, for tests and assistive tools; the dashboard shows no banner for a to-do list
  return <span hidden data-testid="workspace-live" data-status={status} />;
}

export function WorkspaceLiveRefresh() {
  return (
    <RealtimeProvider>
      <Listener />
    </RealtimeProvider>
  );
}
