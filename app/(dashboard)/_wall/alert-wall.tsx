'use client';

// 监督总览: the live alert wall. Counters and the list come from the first render's snapshot, then follow
// the socket; filters live in the URL; actions answer with the alert's new state, merged like a live change.
import { BellOutlined, SoundOutlined } from '@ant-design/icons';
import { App, Switch } from 'antd';
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Alert } from '../../../lib/alerts/alert';
import { isDefaultWallQuery, wallQueryToSearch, type WallQuery } from '../../../lib/alerts/wall-query';
import { AssignDialog, ResolveDialog } from './alert-dialogs';
import { AsOfBanner } from './as-of-banner';
import { AsOfPicker } from './as-of-picker';
import { AlertFilters } from './alert-filters';
import { AlertListView } from './alert-list-view';
import { BulkActionBar } from './bulk-action-bar';
import { MAX_BULK_ALERTS } from '../../../lib/alerts/bulk-limits';
import type { WallGrouping } from '../../../lib/alerts/wall-entries';
import { playBeep, requestNotifyPermission, showNotification, unlockAudio, useWallPreference } from './alert-signals';
import { ConnectionStatusBadge } from '../_components/connection-status';
import { DailyChartPlaceholder } from './daily-chart-placeholder';
import { formatClock } from '../../../lib/format/shanghai-time';
import { LevelCounters } from './level-counters';
import { DepartmentRanking, DomainBreakdown } from './side-panels';
import { useAlertWall, type WallSignal, type WallSnapshotProps } from './use-alert-wall';
import { useNow } from '../_components/use-now';
import { acknowledge, assign, resolve } from './wall-api';
import { LEVEL_CSS_VARIABLES } from '../_components/level-colors';
import styles from './wall.module.css';


// recharts is the heaviest part of the page and the chart reads its data in the browser anyway: it loads
// after the wall, so the list, the counters and the socket do not wait for it
const DailyChart = dynamic(() => import('./daily-chart').then((module) => module.DailyChart), {
  ssr: false,
  loading: () => <DailyChartPlaceholder />,
});

export interface AlertWallProps {
  initialQuery: WallQuery;
  initial: WallSnapshotProps | null;
  canAct: boolean;
  scopeName: string;
  isDepartmentView: boolean;
}

export function AlertWall(props: AlertWallProps) {
  const { message } = App.useApp();
  const [isSoundOn, setSoundOn] = useWallPreference('sound');
  const [isNotifyOn, setNotifyOn] = useWallPreference('notify');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [busyIds, setBusyIds] = useState<ReadonlySet<number>>(new Set());
  const [resolving, setResolving] = useState<Alert | null>(null);
  const [assigning, setAssigning] = useState<Alert | null>(null);
  const [grouping, setGrouping] = useState<WallGrouping>('none');
  const [tickedIds, setTickedIds] = useState<ReadonlySet<number>>(new Set());
  const nowMs = useNow();

  const onSignal = useCallback(
    (signal: WallSignal) => {
      if (isSoundOn) playBeep(signal.alert.level);
      if (isNotifyOn) showNotification(signal);
    },
    [isSoundOn, isNotifyOn],
  );
  const wall = useAlertWall({ initialQuery: props.initialQuery, initial: props.initial, onSignal });
  const { query, list, summary } = wall;
  // 回看: the page gave no socket and no actions; the header says which moment this is
  const asOf = props.initialQuery.asOf;

  const setQuery = wall.setQuery;
  const changeQuery = useCallback(
    (next: WallQuery) => {
      // the view in the address bar, without a server round trip: bookmarkable and shareable
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${wallQueryToSearch(next)}`);
      setSelectedId(null);
      setTickedIds(new Set());
      setQuery(next);
    },
    [setQuery],
  );
  const patchQuery = (patch: Partial<WallQuery>) => {
    const next: WallQuery = { ...query, ...patch };
    for (const key of Object.keys(patch) as (keyof WallQuery)[]) if (patch[key] === undefined) delete next[key];
    changeQuery(next);
  };

  const knownDepartments = useMemo(() => {
    const names = new Map<number, string>();
    for (const entry of summary?.topDepartments ?? []) names.set(entry.departmentId, entry.departmentName);
    for (const row of list.state.rows) names.set(row.alert.departmentId, row.alert.departmentName);
    return names;
  }, [summary, list.state.rows]);

  const withBusy = async (alert: Alert, label: string, run: () => Promise<Alert>): Promise<boolean> => {
    setBusyIds((current) => new Set(current).add(alert.id));
    try {
      wall.applyActionResult(await run());
      message.success(label);
      return true;
    } catch (error) {
      message.error((error as Error).message);
      return false;
    } finally {
      setBusyIds((current) => {
        const next = new Set(current);
        next.delete(alert.id);
        return next;
      });
    }
  };

  // ticks stay on rows that are still there and can still be acted on
  const rowsById = useMemo(() => new Map(list.state.rows.map((row) => [row.alert.id, row.alert])), [list.state.rows]);
  const tickedAlive = useMemo(
    () =>
      [...tickedIds].filter((id) => {
        const state = rowsById.get(id)?.state;
        return state !== undefined && state !== 'resolved';
      }),
    [tickedIds, rowsById],
  );
  const tickedSet = useMemo(() => new Set(tickedAlive), [tickedAlive]);
  const tick = (ids: readonly number[], isTicked: boolean) => {
    const next = new Set(tickedAlive);
    for (const id of ids) {
      if (!isTicked) next.delete(id);
      else if (next.size < MAX_BULK_ALERTS) next.add(id);
    }
    if (isTicked && ids.some((id) => !next.has(id))) message.warning(`一次最多处置 ${MAX_BULK_ALERTS} 条预警，已选前 ${MAX_BULK_ALERTS} 条`);
    setTickedIds(next);
  };

  const actions = {
    onAcknowledge: (alert: Alert) => void withBusy(alert, '已确认', () => acknowledge(alert.id)),
    onAssign: (alert: Alert) => setAssigning(alert),
    onResolve: (alert: Alert) => setResolving(alert),
  };

  // J/K from anywhere on the page (not while typing) moves into the list
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target !== document.body || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key !== 'j' && event.key !== 'k') return;
      const listElement = document.querySelector<HTMLElement>('[data-testid="alert-list"]');
      listElement?.focus();
      listElement?.dispatchEvent(new KeyboardEvent('keydown', { key: event.key, bubbles: true }));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const toggleSound = (on: boolean) => {
    if (on && !unlockAudio()) {
      message.warning('此浏览器不支持声音提醒');
      return;
    }
    setSoundOn(on);
    if (on) playBeep('yellow');
  };
  const toggleNotify = async (on: boolean) => {
    if (on && !(await requestNotifyPermission())) {
      message.warning('浏览器未允许通知：请在地址栏左侧的网站设置中允许通知后再开启');
      return;
    }
    setNotifyOn(on);
  };

  return (
    <div className={styles.wall} style={LEVEL_CSS_VARIABLES} data-testid="alert-wall">
      <header className={styles.head}>
        <h1 className={styles.title}>监督总览</h1>
        <span className={styles.scope}>
          {props.scopeName}
          {props.isDepartmentView ? '（本部门，只读）' : props.canAct ? '' : '（只读）'} · {asOf ? '历史回看' : '未解除预警实时监督'}
        </span>
        {asOf && <AsOfBanner asOf={asOf} query={query} />}
        <div className={styles.headTools}>
          <AsOfPicker query={query} />
          {!asOf && (
            <>
              {wall.lastChangeAt !== null && <span className={styles.updated}>最近变化 {formatClock(wall.lastChangeAt)}</span>}
              <label className={styles.toggle} title="新预警到达或预警升级时播放提示音">
                <SoundOutlined />
                声音提醒
                <Switch size="small" checked={isSoundOn} onChange={toggleSound} aria-label="声音提醒" data-testid="toggle-sound" />
              </label>
              <label className={styles.toggle} title="本页面不在前台时，以浏览器通知提示新预警">
                <BellOutlined />
                桌面通知
                <Switch size="small" checked={isNotifyOn} onChange={(on) => void toggleNotify(on)} aria-label="桌面通知" data-testid="toggle-notify" />
              </label>
              <ConnectionStatusBadge />
            </>
          )}
        </div>
      </header>

      <LevelCounters
        summary={summary}
        status={wall.summaryStatus}
        activeLevel={query.level}
        onSelectLevel={(level) => patchQuery({ level })}
        onRetry={wall.retrySummary}
      />

      <section className={`${styles.panel} ${styles.listPanel}`} aria-label="预警列表">
        <AlertFilters
          query={query}
          onChange={changeQuery}
          grouping={grouping}
          onGroupingChange={setGrouping}
          knownDepartments={knownDepartments}
          shownCount={list.state.rows.length}
          hasMore={list.state.hasMore}
          isDepartmentView={props.isDepartmentView}
        />
        {props.canAct && (
          <BulkActionBar
            ids={tickedAlive}
            sample={tickedAlive.length > 0 ? (rowsById.get(tickedAlive[0]!) ?? null) : null}
            onClear={() => setTickedIds(new Set())}
            onDone={(result) => {
              // the applied ones arrive over the socket; the refused stay ticked, so their reasons can be acted on
              const refused = new Set(result.refused.map((entry) => entry.id));
              setTickedIds(new Set(tickedAlive.filter((id) => refused.has(id))));
            }}
          />
        )}
        <AlertListView
          rows={list.state.rows}
          grouping={grouping}
          tickedIds={tickedSet}
          onTick={tick}
          status={list.status}
          error={list.error}
          hasMore={list.state.hasMore}
          isLoadingMore={list.isLoadingMore}
          loadMoreError={list.loadMoreError}
          highlights={wall.highlights}
          selectedId={selectedId}
          onSelect={setSelectedId}
          busyIds={busyIds}
          canAct={props.canAct}
          nowMs={nowMs}
          isFiltered={!isDefaultWallQuery(query)}
          actions={actions}
          onRetry={wall.retryList}
          onLoadMore={wall.loadMore}
          onClearFilters={() => changeQuery({ state: 'unresolved', ...(asOf ? { asOf } : {}) })}
        />
      </section>

      <aside className={styles.side}>
        <DomainBreakdown summary={summary} activeDomain={query.domain} onSelect={(domain) => patchQuery({ domain })} />
        {!props.isDepartmentView && (
          <DepartmentRanking
            summary={summary}
            activeDepartmentId={query.departmentId}
            onSelect={(departmentId) => patchQuery({ departmentId })}
          />
        )}
        <DailyChart initial={props.initial?.daily ?? null} query={query} />
      </aside>

      <ResolveDialog
        alert={resolving}
        onCancel={() => setResolving(null)}
        onSubmit={async (alert, reason) => {
          if (await withBusy(alert, '已解除', () => resolve(alert.id, reason))) setResolving(null);
        }}
      />
      <AssignDialog
        alert={assigning}
        onCancel={() => setAssigning(null)}
        onSubmit={async (alert, departmentId, positionId) => {
          if (await withBusy(alert, '已指派', () => assign(alert.id, departmentId, positionId))) setAssigning(null);
        }}
      />
    </div>
  );
}
