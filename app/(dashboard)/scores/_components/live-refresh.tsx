'use client';

import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { RealtimeProvider } from '../../../_client/realtime-provider';
import { useRealtimeEvent } from '../../../_client/use-realtime';

// Scores arrive in bursts (one per department-month touched); refresh the server-rendered page once per burst.
const REFRESH_DELAY_MS = 1_000;

function Listener({ period }: { period: string }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useRealtimeEvent('score:updated', (score) => {
    if (score.period !== period || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      router.refresh();
    }, REFRESH_DELAY_MS);
  });
  return null;
}

export function LiveRefresh({ period }: { period: string }) {
  return (
    <RealtimeProvider>
      <Listener period={period} />
    </RealtimeProvider>
  );
}
