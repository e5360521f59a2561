'use client';

import { Button, Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { AlertLevel } from '../../../lib/rules/rule';
import type { AlertSummary } from '../../../lib/alerts/alert-summary';
import { LEVEL_NAMES } from '../../../lib/alerts/labels';
import { formatCount } from '../../../lib/format/shanghai-time';
import type { LoadStatus } from './use-alert-wall';
import styles from './wall.module.css';

const LEVELS_BY_SEVERITY: AlertLevel[] = ['red', 'orange', 'yellow'];

/** A number that pulses once when it changes (not on first render). */
function LiveNumber({ value, className }: { value: number; className: string | undefined }) {
  const previous = useRef(value);
  const [pulse, setPulse] = useState(0);
  useEffect(() => {
    if (previous.current !== value) {
      previous.current = value;
      setPulse((n) => n + 1);
    }
  }, [value]);
  return (
    <span
      key={pulse}
      className={`${className ?? ''} ${pulse > 0 ? styles.bump : ''}`}
      style={{ display: 'inline-block', transformOrigin: 'left center' }}
      data-testid="counter-value"
    >
      {formatCount(value)}
    </span>
  );
}

const share = (part: number, total: number) => (total > 0 ? `${Math.round((part / total) * 100)}%` : '—');

export function LevelCounters(props: {
  summary: AlertSummary | null;
  status: LoadStatus;
  activeLevel: AlertLevel | undefined;
  onSelectLevel: (level: AlertLevel | undefined) => void;
  onRetry: () => void;
}) {
  const { summary, activeLevel } = props;
  if (!summary) {
    return (
      <section className={styles.counters} aria-label="预警统计">
        {[0, 1, 2, 3].map((key) => (
          <div key={key} className={styles.counter}>
            {props.status === 'error' && key === 0 ? (
              <div>
                <div className={styles.counterLabel}>统计暂不可用</div>
                <Button size="small" onClick={props.onRetry} style={{ marginTop: 12 }}>
                  重试
                </Button>
              </div>
            ) : (
              <Skeleton active title={false} paragraph={{ rows: 2, width: ['60%', '40%'] }} />
            )}
          </div>
        ))}
      </section>
    );
  }
  return (
    <section className={styles.counters} aria-label="预警统计">
      <button
        type="button"
        className={styles.counter}
        onClick={() => props.onSelectLevel(undefined)}
        title="显示全部级别"
        data-testid="counter-total"
      >
        <span className={styles.counterLabel}>未解除预警</span>
        <span>
          <LiveNumber value={summary.total} className={styles.counterValue} />
          <span className={styles.counterUnit}>条</span>
        </span>
        <span className={styles.counterFoot}>
          待确认 <b>{formatCount(summary.byState.open)}</b> · 已确认 <b>{formatCount(summary.byState.acknowledged)}</b>
        </span>
      </button>
      {LEVELS_BY_SEVERITY.map((level) => (
        <button
          key={level}
          type="button"
          className={`${styles.counter} ${styles[`counter_${level}`]} ${activeLevel === level ? styles.counterActive : ''}`}
          onClick={() => props.onSelectLevel(activeLevel === level ? undefined : level)}
          aria-pressed={activeLevel === level}
          title={activeLevel === level ? '取消级别筛选' : `只看${LEVEL_NAMES[level]}`}
          data-testid={`counter-${level}`}
        >
          <span className={styles.counterLabel}>{LEVEL_NAMES[level]}</span>
          <span>
            <LiveNumber value={summary.byLevel[level]} className={`${styles.counterValue} ${styles[`counterValue_${level}`]}`} />
            <span className={styles.counterUnit}>条</span>
          </span>
          <span className={styles.counterFoot}>占未解除 {share(summary.byLevel[level], summary.total)}</span>
        </button>
      ))}
    </section>
  );
}
