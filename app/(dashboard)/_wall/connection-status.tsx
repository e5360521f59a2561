'use client';

import { useRealtime } from '../../_client/use-realtime';
import type { ConnectionStatus } from '../../_client/realtime-provider';
import styles from './wall.module.css';

const LABELS: Record<ConnectionStatus, string> = {
  connecting: '正在连接实时推送…',
  connected: '实时连接正常',
  reconnecting: '连接中断，正在重连…',
  signedOut: '登录已失效，请重新登录',
};

/** The socket's state: green while alerts arrive live, amber while it reconnects (and catches up after). */
export function ConnectionStatusBadge() {
  const { status } = useRealtime();
  return (
    <span className={`${styles.connection} ${styles[`connection_${status}`]}`} role="status" aria-live="polite" data-testid="connection-status" data-status={status}>
      <span className={styles.dot} aria-hidden />
      {status === 'signedOut' ? <a href="/login?next=%2F">{LABELS[status]}</a> : LABELS[status]}
    </span>
  );
}
