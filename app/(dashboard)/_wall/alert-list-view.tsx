'use client';

// The alert list: newest opened first (the time shown is when each opened), rows that arrive live briefly
// highlighted, one or two clicks per action, rows ticked for a bulk action, optionally grouped (wall-entries.ts),
// and only the rows in view drawn, so a burst of ten thousand scrolls smoothly. The keyboard: J/K or ↑/↓
// choose a row, Space ticks it, Enter opens its item.
import { CaretDownOutlined, CaretRightOutlined, CheckOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Result, Skeleton, Tooltip } from 'antd';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Alert } from '../../../lib/alerts/alert';
import type { AlertRow } from '../../../lib/alerts/alert-list';
import { domainLabel, LEVEL_NAMES, RULE_KIND_LABELS, STATE_LABELS } from '../../../lib/alerts/labels';
import {
  entryOffsets,
  visibleRange,
  wallEntries,
  type AlertGroup,
  type WallGrouping,
} from '../../../lib/alerts/wall-entries';
import { LevelTag } from '../_components/level-tag';
import { staffText } from '../_components/staff-name';
import { formatAge, formatDayTime, formatFullTime } from '../../../lib/format/shanghai-time';
import type { Highlight, LoadStatus } from './use-alert-wall';
import styles from './wall.module.css';

// .listHeader's height in wall.module.css: the rows start below it
const LIST_HEADER_HEIGHT_PX = 34;

export interface AlertActions {
  onAcknowledge: (alert: Alert) => void;
  onAssign: (alert: Alert) => void;
  onResolve: (alert: Alert) => void;
}

// the record an alert is about: a complaint's alert (SLA, 属实) opens the complaint with its actions, even when
// the complaint names an item; a request's (依申请公开) opens the request; others open the item's replay
function subjectHref(alert: Alert): string | null {
  if (alert.subject.type === 'request' && alert.requestId !== null) return `/requests/${alert.requestId}`;
  if (alert.subject.type === 'complaint' && alert.complaintId !== null) return `/complaints/${alert.complaintId}`;
  if (alert.itemId !== null) return `/items/${alert.itemId}`;
  return alert.complaintId !== null ? `/complaints/${alert.complaintId}` : null;
}

function Row(props: {
  row: AlertRow;
  highlight: Highlight | undefined;
  isSelected: boolean;
  canAct: boolean;
  isBusy: boolean;
  isTicked: boolean;
  nowMs: number | null;
  actions: AlertActions;
  onSelect: () => void;
  onTick: () => void;
}) {
  const { alert, leftAt } = props.row;
  const href = subjectHref(alert);
  const className = [
    styles.row,
    props.isSelected ? styles.rowSelected : '',
    props.highlight === 'new' ? styles.rowNew : props.highlight === 'changed' ? styles.rowChanged : '',
    leftAt !== null ? styles.rowLeft : '',
  ].join(' ');
  const assignee = alert.assignedDepartmentName
    ? `${alert.assignedDepartmentName}${alert.assignedPositionName ? ` · ${alert.assignedPositionName}` : ''}`
    : null;
  const isResolved = alert.state === 'resolved';

  return (
    <div
      id={`alert-row-${alert.id}`}
      role="option"
      aria-selected={props.isSelected}
      className={className}
      onClick={props.onSelect}
      data-testid="alert-row"
      data-alert-id={alert.id}
      data-state={alert.state}
      data-level={alert.level}
    >
      {props.canAct && (
        <span onClick={(event) => event.stopPropagation()}>
          <Checkbox
            checked={props.isTicked}
            disabled={alert.state === 'resolved'}
            onChange={props.onTick}
            aria-label={`选择：${alert.subject.title}`}
            data-testid="alert-tick"
          />
        </span>
      )}
      <LevelTag level={alert.level} isDeadline={false} look="wall" />
      <div className={styles.content}>
        {href ? (
          <Link className={styles.message} href={href} title={alert.subject.title} tabIndex={-1} data-testid="alert-subject">
            {alert.subject.title}
          </Link>
        ) : (
          <span className={styles.message} title={alert.subject.title} data-testid="alert-subject">
            {alert.subject.title}
          </span>
        )}
        <div className={styles.meta}>
          <span className={styles.metaMessage} title={alert.message} data-testid="alert-message">
            {alert.message}
          </span>
          <span className={styles.metaDept}>{alert.departmentName}</span>
          <span className={styles.metaLabel}>{domainLabel(alert.domain)}</span>
          <span className={styles.metaLabel}>{RULE_KIND_LABELS[alert.rule.kind]}</span>
          {assignee && <span className={styles.assigned}>已指派：{assignee}</span>}
          {isResolved && alert.resolution === 'manual' && alert.resolveReason && (
            <span title={alert.resolveReason}>解除原因：{alert.resolveReason}</span>
          )}
        </div>
      </div>
      <span>
        <Tooltip
          title={
            alert.acknowledgedBy && !isResolved
              ? `${staffText(alert.acknowledgedBy, alert.acknowledgedByName)} 于 ${formatDayTime(alert.acknowledgedAt!)} 确认`
              : isResolved
                ? `${alert.resolution === 'auto' ? '条件消除自动解除' : `${alert.resolvedBy ? staffText(alert.resolvedBy, alert.resolvedByName) : ''} 人工解除`}`
                : '尚无人确认'
          }
        >
          <span className={`${styles.stateTag} ${styles[`state_${alert.state}`]}`} data-testid="alert-state">
            {STATE_LABELS[alert.state]}
          </span>
        </Tooltip>
      </span>
      <span className={styles.time} title={`发生于 ${formatFullTime(alert.openedAt)}`}>
        {props.nowMs === null ? formatDayTime(alert.openedAt) : formatAge(alert.openedAt, props.nowMs)}
      </span>
      {props.canAct && (
        <div className={styles.actions} onClick={(event) => event.stopPropagation()}>
          {!isResolved && (
            <>
              <Button
                size="small"
                icon={<CheckOutlined />}
                disabled={alert.state !== 'open' || props.isBusy}
                onClick={() => props.actions.onAcknowledge(alert)}
                title={alert.state === 'open' ? '确认：由本办跟进此预警' : '已确认'}
              >
                确认
              </Button>
              <Button size="small" icon={<SendOutlined />} disabled={props.isBusy} onClick={() => props.actions.onAssign(alert)}>
                指派
              </Button>
              <Button size="small" icon={<StopOutlined />} disabled={props.isBusy} onClick={() => props.actions.onResolve(alert)}>
                解除
              </Button>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function GroupHeader(props: {
  group: AlertGroup;
  isCollapsed: boolean;
  canAct: boolean;
  /** More pages to load: the group counts only the rows loaded so far, and says so. */
  isPartial: boolean;
  tickedCount: number;
  onToggle: () => void;
  onTickAll: (isTicked: boolean) => void;
}) {
  const { group } = props;
  const tickable = group.rows.filter((row) => row.alert.state !== 'resolved').length;
  return (
    <div className={styles.groupHead} data-testid="alert-group" data-group-key={group.key}>
      {props.canAct && (
        <Checkbox
          checked={tickable > 0 && props.tickedCount === tickable}
          indeterminate={props.tickedCount > 0 && props.tickedCount < tickable}
          disabled={tickable === 0}
          onChange={(event) => props.onTickAll(event.target.checked)}
          aria-label={`选择本组：${group.label}`}
        />
      )}
      <button
        type="button"
        className={styles.groupToggle}
        onClick={props.onToggle}
        aria-expanded={!props.isCollapsed}
        data-testid="alert-group-toggle"
      >
        {props.isCollapsed ? <CaretRightOutlined /> : <CaretDownOutlined />}
        <span className={styles.groupLabel} title={group.label}>
          {group.label}
        </span>
        <span className={styles.groupCount} data-testid="alert-group-count">
          {props.isPartial ? '已加载 ' : ''}
          {group.rows.length.toLocaleString('zh-CN')} 条
        </span>
        {(['red', 'orange', 'yellow'] as const).map(
          (level) =>
            group.byLevel[level] > 0 && (
              <span key={level} className={`${styles.groupLevel} ${styles[`groupLevel_${level}`]}`}>
                {LEVEL_NAMES[level]} {group.byLevel[level]}
              </span>
            ),
        )}
      </button>
    </div>
  );
}

export function AlertListView(props: {
  rows: AlertRow[];
  status: LoadStatus;
  error: string | null;
  hasMore: boolean;
  isLoadingMore: boolean;
  loadMoreError: string | null;
  highlights: ReadonlyMap<number, { kind: Highlight }>;
  selectedId: number | null;
  onSelect: (id: number | null) => void;
  busyIds: ReadonlySet<number>;
  canAct: boolean;
  nowMs: number | null;
  isFiltered: boolean;
  actions: AlertActions;
  grouping: WallGrouping;
  /** Ticked for a bulk action. */
  tickedIds: ReadonlySet<number>;
  onTick: (ids: readonly number[], isTicked: boolean) => void;
  onRetry: () => void;
  onLoadMore: () => void;
  onClearFilters: () => void;
}) {
  const router = useRouter();
  const scrollRef = useRef<HTMLDivElement>(null);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const { rows, selectedId, onSelect, onLoadMore, hasMore, tickedIds, onTick } = props;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [view, setView] = useState({ top: 0, height: 800 });

  const entries = useMemo(() => wallEntries(rows, props.grouping, collapsed), [rows, props.grouping, collapsed]);
  const offsets = useMemo(() => entryOffsets(entries), [entries]);
  const headerHeight = LIST_HEADER_HEIGHT_PX;
  const range = visibleRange(offsets, Math.max(0, view.top - headerHeight), view.height);
  const visibleRows = useMemo(() => entries.flatMap((entry) => (entry.kind === 'row' ? [entry.row] : [])), [entries]);

  // the drawn window follows the scroll position and the list's height
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, [props.status]);

  // infinite scroll: the next page when the end of the list comes into view
  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || !hasMore) return;
    const observer = new IntersectionObserver((observed) => observed.some((e) => e.isIntersecting) && onLoadMore(), {
      root: scrollRef.current,
      rootMargin: '200px',
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasMore, onLoadMore, rows.length]);

  // the chosen row may not be drawn: scroll to where it is
  useEffect(() => {
    const element = scrollRef.current;
    if (selectedId === null || !element) return;
    const index = entries.findIndex((entry) => entry.kind === 'row' && entry.row.alert.id === selectedId);
    if (index < 0) return;
    const top = offsets[index]! + headerHeight;
    const bottom = offsets[index + 1]! + headerHeight;
    if (top - headerHeight < element.scrollTop) element.scrollTop = top - headerHeight;
    else if (bottom > element.scrollTop + element.clientHeight) element.scrollTop = bottom - element.clientHeight;
    // only when the choice changes, not when rows arrive
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target !== event.currentTarget && target.closest('button, a, input, textarea, [role="combobox"]')) return;
    const index = visibleRows.findIndex((row) => row.alert.id === selectedId);
    const move = (to: number) => {
      const row = visibleRows[Math.max(0, Math.min(visibleRows.length - 1, to))];
      if (row) onSelect(row.alert.id);
      event.preventDefault();
    };
    if (event.key === 'j' || event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'k' || event.key === 'ArrowUp') move(index < 0 ? 0 : index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(visibleRows.length - 1);
    else if (event.key === ' ' && index >= 0 && props.canAct) {
      const alert = visibleRows[index]!.alert;
      if (alert.state !== 'resolved') onTick([alert.id], !tickedIds.has(alert.id));
      event.preventDefault();
    } else if (event.key === 'Enter' && index >= 0) {
      const href = subjectHref(visibleRows[index]!.alert);
      if (href) router.push(href);
      event.preventDefault();
    } else if (event.key === 'Escape') onSelect(null);
  };

  const toggleGroup = (key: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const tickable = visibleRows.filter((row) => row.alert.state !== 'resolved');
  const tickedVisible = tickable.filter((row) => tickedIds.has(row.alert.id)).length;

  let body: React.ReactNode;
  if (props.status === 'loading') {
    body = (
      <div style={{ padding: '12px 16px' }} aria-busy="true" data-testid="alert-list-loading">
        {Array.from({ length: 7 }, (_, i) => (
          <Skeleton key={i} active title={false} paragraph={{ rows: 2, width: ['70%', '40%'] }} style={{ marginBottom: 18 }} />
        ))}
      </div>
    );
  } else if (props.status === 'error') {
    body = (
      <Result
        className={styles.listState}
        status="warning"
        title="预警列表加载失败"
        subTitle={props.error}
        extra={
          <Button type="primary" onClick={props.onRetry}>
            重试
          </Button>
        }
        data-testid="alert-list-error"
      />
    );
  } else if (rows.length === 0) {
    body = (
      <Empty
        className={styles.listState}
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <span data-testid="alert-list-empty">
            <b style={{ fontSize: 16, color: '#374151' }}>暂无预警</b>
            <br />
            {props.isFiltered ? '当前筛选条件下没有预警。' : '管辖范围内的公开事项均按时、完整公开。'}
          </span>
        }
      >
        {props.isFiltered && <Button onClick={props.onClearFilters}>清除筛选</Button>}
      </Empty>
    );
  } else {
    body = (
      <>
        <div style={{ height: offsets[range.start] }} aria-hidden />
        {entries.slice(range.start, range.end).map((entry) =>
          entry.kind === 'group' ? (
            <GroupHeader
              key={`group:${entry.group.key}`}
              group={entry.group}
              isCollapsed={entry.isCollapsed}
              isPartial={hasMore}
              canAct={props.canAct}
              tickedCount={entry.group.rows.filter((row) => tickedIds.has(row.alert.id)).length}
              onToggle={() => toggleGroup(entry.group.key)}
              onTickAll={(isTicked) =>
                onTick(
                  entry.group.rows.filter((row) => row.alert.state !== 'resolved').map((row) => row.alert.id),
                  isTicked,
                )
              }
            />
          ) : (
            <Row
              key={entry.row.alert.id}
              row={entry.row}
              highlight={props.highlights.get(entry.row.alert.id)?.kind}
              isSelected={entry.row.alert.id === selectedId}
              canAct={props.canAct}
              isBusy={props.busyIds.has(entry.row.alert.id)}
              isTicked={tickedIds.has(entry.row.alert.id)}
              nowMs={props.nowMs}
              actions={props.actions}
              onSelect={() => onSelect(entry.row.alert.id)}
              onTick={() => onTick([entry.row.alert.id], !tickedIds.has(entry.row.alert.id))}
            />
          ),
        )}
        <div style={{ height: offsets[offsets.length - 1]! - offsets[range.end]! }} aria-hidden />
        <div ref={sentinelRef} className={styles.listFoot}>
          {props.hasMore ? (
            props.loadMoreError ? (
              <span>
                加载失败：{props.loadMoreError}{' '}
                <Button size="small" onClick={onLoadMore}>
                  重试
                </Button>
              </span>
            ) : (
              <Button size="small" loading={props.isLoadingMore} onClick={onLoadMore}>
                加载更多
              </Button>
            )
          ) : (
            <span>已显示全部 {rows.length.toLocaleString('zh-CN')} 条</span>
          )}
        </div>
      </>
    );
  }

  return (
    <div
      ref={scrollRef}
      className={`${styles.listScroll} ${props.canAct ? styles.selectable : styles.readOnly}`}
      tabIndex={0}
      role="listbox"
      aria-label="预警列表（J/K 或 ↑/↓ 选择，空格勾选，Enter 打开事项）"
      aria-multiselectable={props.canAct}
      aria-activedescendant={selectedId !== null ? `alert-row-${selectedId}` : undefined}
      onKeyDown={onKeyDown}
      data-testid="alert-list"
    >
      <div className={styles.listHeader}>
        {props.canAct && (
          <Checkbox
            checked={tickable.length > 0 && tickedVisible === tickable.length}
            indeterminate={tickedVisible > 0 && tickedVisible < tickable.length}
            disabled={tickable.length === 0}
            onChange={(event) => onTick(tickable.map((row) => row.alert.id), event.target.checked)}
            aria-label="选择已显示的全部未解除预警"
            data-testid="alert-tick-all"
          />
        )}
        <span aria-hidden>级别</span>
        <span aria-hidden>预警内容</span>
        <span aria-hidden>状态</span>
        <span aria-hidden>发生时间</span>
        <span aria-hidden style={{ textAlign: 'right' }}>{props.canAct ? '操作' : ''}</span>
      </div>
      {body}
    </div>
  );
}
