'use client';

import { useEffect, useState } from 'react';
import { loginPath } from '../../../lib/auth/safe-next-path';
import { formatElapsed } from '../../../lib/format/elapsed';
import { useRealtime } from '../../_client/use-realtime';
import type { ConnectionStatus } from '../../_client/realtime-provider';
import styles from './connection-status.module.css';

const LABELS: Record<ConnectionStatus, string> = {
  connecting: '正在连接实时推送…',
  connected: '实时连接正常',
  reconnecting: '重新连接中',
  signedOut: '登录已失效，请重新登录',
};

/** The time since `since`, re-rendered every second while there is one. */
function useElapsedSince(since: number | null): number | null {
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    // until the first tick the last known time may predate `since`: that reads as 0 秒
    const timer = setInterval(() => setNowMs(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? null : Math.max(0, nowMs - since);
}

/**
 * The socket's state: green while alerts arrive live; amber with the time since the drop while it reconnects
 * (the wall catches up on what it missed once it is back); red when the session ended.
 */
export function ConnectionStatusBadge() {
  const { status, disconnectedAt } = useRealtime();
  const outageMs = useElapsedSince(status === 'reconnecting' ? disconnectedAt : null);
  return (
    <span className={`${styles.connection} ${styles[`connection_${status}`]}`} role="status" aria-live="polite" data-testid="connection-status" data-status={status}>
      <span className={styles.dot} aria-hidden />
      {status === 'signedOut' ? (
        <a href={loginPath(window.location.pathname + window.location.search, { isSessionEnded: true })}>{LABELS[status]}</a>
      ) : outageMs !== null ? (
        <>
          {LABELS[status]}
          {/* read out once, not every second */}
          <span aria-hidden> · 已断开 {formatElapsed(outageMs)}</span>
        </>
      ) : (
        LABELS[status]
      )}
    </span>
  );
}
