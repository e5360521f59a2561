'use client';

// 回看: the wall as it stood at a past moment hears nothing live. Instead of the provider's socket its
// subscriptions (alert:opened / alert:updated, alerts:sync on connect and every 30 s) see no socket at all, so
// no connection is opened and nothing can move the numbers of the moment on screen.
import type { ReactNode } from 'react';
import { RealtimeContext, type RealtimeValue } from '../../_client/realtime-provider';

const PAUSED: RealtimeValue = { socket: null, status: 'connecting', disconnectedAt: null };

export function RealtimePaused({ children }: { children: ReactNode }) {
  return <RealtimeContext.Provider value={PAUSED}>{children}</RealtimeContext.Provider>;
}
