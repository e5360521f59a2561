'use client';

// 每日新增与解除预警: the last 30 days (Asia/Shanghai) of the user's scope under the list's filter, first from
// the page's snapshot.
// Live alerts add to today's bars at once (daily-live.ts); the series is read again every few minutes (the
// window moves at midnight), after a reconnect, when events may have been missed, and when the page came
// without a snapshot.
import { Button, Skeleton } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { countLiveAlert, type DailySeries } from '../../../lib/alerts/daily-live';
import type { DailyAlertCount } from '../../../lib/alerts/daily-stats';
import type { Alert } from '../../../lib/alerts/alert';
import { alertMatchesFilter, dailyFilterOf } from '../../../lib/alerts/alert-filter';
import { WALL_DAILY_DAYS as DAILY_DAYS, wallQueryToFilter, wallQueryToFilterParams, type WallQuery } from '../../../lib/alerts/wall-query';
import { useRealtimeConnect, useRealtimeEvent } from '../../_client/use-realtime';
import { fetchDaily } from './wall-api';
import styles from './wall.module.css';

const REFRESH_MS = 5 * 60_000;
const OPENED_COLOR = '#d4380d';
const RESOLVED_COLOR = '#389e0d';

const shortDay = (day: string) => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;

export function DailyChart({ initial, query }: { initial: { days: DailyAlertCount[]; asOfSeq: number } | null; query: WallQuery }) {
  const [series, setSeries] = useState<DailySeries | null>(() => initial && { ...initial, counted: new Set() });
  const [error, setError] = useState<string | null>(null);
  const hasConnected = useRef(false);
  // the snapshot's series is for the first query; any other is read here
  const loadedFor = useRef<WallQuery | null>(initial ? query : null);
  const filterParams = wallQueryToFilterParams(query).toString();
  const filter = useMemo(() => dailyFilterOf(wallQueryToFilter(query)), [query]);

  const load = useCallback(async () => {
    try {
      const page = await fetchDaily(DAILY_DAYS, new URLSearchParams(filterParams));
      setSeries({ days: page.data, asOfSeq: page.asOfSeq, counted: new Set() });
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, [filterParams]);

  useEffect(() => {
    if (loadedFor.current !== query) {
      setSeries(null);
      void load();
    }
    loadedFor.current = query;
    // a moment in the past (回看) never changes: read once, never refreshed
    if (query.asOf) return;
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load, query]);

  const countLive = (alert: Alert, event: 'alert:opened' | 'alert:updated') => {
    if (!alertMatchesFilter(alert, filter)) return;
    setSeries((current) => current && countLiveAlert(current, alert, event));
  };
  useRealtimeEvent('alert:opened', (alert) => countLive(alert, 'alert:opened'));
  useRealtimeEvent('alert:updated', (alert) => countLive(alert, 'alert:updated'));
  useRealtimeConnect(() => {
    if (hasConnected.current) void load();
    hasConnected.current = true;
  });

  const data = series?.days ?? null;

  const totals = data?.reduce((sum, day) => ({ opened: sum.opened + day.opened, resolved: sum.resolved + day.resolved }), {
    opened: 0,
    resolved: 0,
  });

  return (
    <section className={`${styles.panel} ${styles.chartPanel}`} aria-label="每日新增与解除预警" data-testid="daily-chart">
      <header className={styles.panelHead}>
        <h2 className={styles.panelTitle}>每日新增与解除预警</h2>
        <span className={styles.panelExtra}>
          <span className={styles.legend}>
            <span>
              <i className={styles.legendSwatch} style={{ background: OPENED_COLOR }} />
              新增{totals ? ` ${totals.opened.toLocaleString('zh-CN')}` : ''}
            </span>
            <span>
              <i className={styles.legendSwatch} style={{ background: RESOLVED_COLOR }} />
              解除{totals ? ` ${totals.resolved.toLocaleString('zh-CN')}` : ''}
            </span>
            <span>近 {DAILY_DAYS} 天</span>
          </span>
        </span>
      </header>
      <div className={styles.chartBody}>
        {error && !data ? (
          <div className={styles.sideEmpty}>
            图表加载失败：{error}
            <div style={{ marginTop: 8 }}>
              <Button size="small" onClick={() => void load()}>
                重试
              </Button>
            </div>
          </div>
        ) : !data ? (
          <div style={{ padding: '8px 16px' }}>
            <Skeleton active title={false} paragraph={{ rows: 5 }} />
          </div>
        ) : (
          <ResponsiveContainer width="100%" height="100%" minHeight={140}>
            <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap="25%">
              <CartesianGrid vertical={false} stroke="#eef0f3" />
              <XAxis
                dataKey="day"
                tickFormatter={shortDay}
                interval={6}
                tick={{ fontSize: 12, fill: '#6b7280' }}
                tickLine={false}
                axisLine={{ stroke: '#d1d5db' }}
              />
              <YAxis allowDecimals={false} width={40} tick={{ fontSize: 12, fill: '#6b7280' }} tickLine={false} axisLine={false} />
              <Tooltip
                labelFormatter={(day) => String(day)}
                formatter={(value, name) => [Number(value).toLocaleString('zh-CN'), name]}
                contentStyle={{ fontSize: 13, borderRadius: 4 }}
              />
              <Bar dataKey="opened" name="新增" fill={OPENED_COLOR} fillOpacity={0.85} radius={[2, 2, 0, 0]} isAnimationActive={false} />
              <Line
                dataKey="resolved"
                name="解除"
                type="monotone"
                stroke={RESOLVED_COLOR}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        )}
      </div>
    </section>
  );
}
