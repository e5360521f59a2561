'use client';

// The alert list: newest opened first, rows that arrive live briefly highlighted, one or two clicks per
// action, and the keyboard: J/K or ↑/↓ choose a row, Enter opens its item.
import { CheckOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Empty, Result, Skeleton, Tooltip } from 'antd';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Alert } from '../../../lib/alerts/alert';
import type { AlertRow } from '../../../lib/alerts/alert-list';
import { domainLabel, RULE_KIND_LABELS, STATE_LABELS } from '../../../lib/alerts/labels';
import { LevelTag } from '../_components/level-tag';
import { staffText } from '../_components/staff-name';
import { formatAge, formatDayTime, formatFullTime } from '../../../lib/format/shanghai-time';
import type { Highlight, LoadStatus } from './use-alert-wall';
import styles from './wall.module.css';

export interface AlertActions {
  onAcknowledge: (alert: Alert) => void;
  onAssign: (alert: Alert) => void;
  onResolve: (alert: Alert) => void;
}

// the record an alert is about: a complaint's alert (SLA, 属实) opens the complaint with its actions, even when
// the complaint names an item; others open the item's replay
const subjectHref = (alert: Alert) =>
  alert.subject.type === 'complaint' && alert.complaintId !== null
    ? `/complaints/${alert.complaintId}`
    : alert.itemId !== null
      ? `/items/${alert.itemId}`
      : alert.complaintId !== null
        ? `/complaints/${alert.complaintId}`
        : null;

function Row(props: {
  row: AlertRow;
  highlight: Highlight | undefined;
  isSelected: boolean;
  canAct: boolean;
  isBusy: boolean;
  nowMs: number | null;
  actions: AlertActions;
  onSelect: () => void;
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
          <span>{domainLabel(alert.domain)}</span>
          <span>{RULE_KIND_LABELS[alert.rule.kind]}</span>
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
  onRetry: () => void;
  onLoadMore: () => void;
  onClearFilters: () => void;
}) {
  const router = useRouter();
  const scrollRef = useRef<HTMLDivElement>(null);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const { rows, selectedId, onSelect, onLoadMore, hasMore } = props;

  // infinite scroll: the next page when the end of the list comes into view
  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || !hasMore) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onLoadMore(), {
      root: scrollRef.current,
      rootMargin: '200px',
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasMore, onLoadMore, rows.length]);

  useEffect(() => {
    if (selectedId !== null) document.getElementById(`alert-row-${selectedId}`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target !== event.currentTarget && target.closest('button, a, input, textarea, [role="combobox"]')) return;
    const index = rows.findIndex((row) => row.alert.id === selectedId);
    const move = (to: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, to))];
      if (row) onSelect(row.alert.id);
      event.preventDefault();
    };
    if (event.key === 'j' || event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'k' || event.key === 'ArrowUp') move(index < 0 ? 0 : index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(rows.length - 1);
    else if (event.key === 'Enter' && index >= 0) {
      const href = subjectHref(rows[index]!.alert);
      if (href) router.push(href);
      event.preventDefault();
    } else if (event.key === 'Escape') onSelect(null);
  };

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
        {rows.map((row) => (
          <Row
            key={row.alert.id}
            row={row}
            highlight={props.highlights.get(row.alert.id)?.kind}
            isSelected={row.alert.id === selectedId}
            canAct={props.canAct}
            isBusy={props.busyIds.has(row.alert.id)}
            nowMs={props.nowMs}
            actions={props.actions}
            onSelect={() => onSelect(row.alert.id)}
          />
        ))}
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
      className={`${styles.listScroll} ${props.canAct ? '' : styles.readOnly}`}
      tabIndex={0}
      role="listbox"
      aria-label="预警列表（J/K 或 ↑/↓ 选择，Enter 打开事项）"
      aria-activedescendant={selectedId !== null ? `alert-row-${selectedId}` : undefined}
      onKeyDown={onKeyDown}
      data-testid="alert-list"
    >
      <div className={styles.listHeader} aria-hidden>
        <span>级别</span>
        <span>预警内容</span>
        <span>状态</span>
        <span>发生时间</span>
        <span style={{ textAlign: 'right' }}>{props.canAct ? '操作' : ''}</span>
      </div>
      {body}
    </div>
  );
}
