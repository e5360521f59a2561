'use client';

import { Skeleton } from 'antd';
import type { AlertLevel } from '../../../lib/rules/rule';
import type { AlertSummary, LevelCounts } from '../../../lib/alerts/alert-summary';
import { DOMAIN_LABELS, LEVEL_NAMES, type Domain } from '../../../lib/alerts/labels';
import { formatCount } from '../../../lib/format/shanghai-time';
import styles from './wall.module.css';

const STACK: AlertLevel[] = ['red', 'orange', 'yellow'];
const RANKED_DEPARTMENTS = 7;

function StackedBar({ counts, max }: { counts: LevelCounts; max: number }) {
  const title = STACK.map((level) => `${LEVEL_NAMES[level]} ${counts[level]}`).join('，');
  return (
    <span className={styles.track} title={title} aria-hidden>
      {STACK.map((level) =>
        counts[level] > 0 ? (
          <span key={level} className={styles[`segment_${level}`]} style={{ width: `${(counts[level] / max) * 100}%` }} />
        ) : null,
      )}
    </span>
  );
}

function Panel(props: { title: string; extra?: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className={styles.panel} aria-label={props.title} data-testid={props.testId}>
      <header className={styles.panelHead}>
        <h2 className={styles.panelTitle}>{props.title}</h2>
        {props.extra && <span className={styles.panelExtra}>{props.extra}</span>}
      </header>
      <div className={styles.panelBody}>{props.children}</div>
    </section>
  );
}

export function DomainBreakdown(props: {
  summary: AlertSummary | null;
  activeDomain: Domain | undefined;
  onSelect: (domain: Domain | undefined) => void;
}) {
  const { summary } = props;
  if (!summary) {
    return (
      <Panel title="领域分布">
        <Skeleton active title={false} paragraph={{ rows: 6 }} />
      </Panel>
    );
  }
  const max = Math.max(1, ...summary.byDomain.map((entry) => entry.total));
  return (
    <Panel title="领域分布" extra="未解除预警 · 点击筛选" testId="domain-breakdown">
      <div className={styles.bars}>
        {summary.byDomain.map((entry) => {
          const isActive = props.activeDomain === entry.domain;
          return (
            <button
              key={entry.domain}
              type="button"
              className={`${styles.barRow} ${isActive ? styles.barRowActive : ''}`}
              onClick={() => props.onSelect(isActive ? undefined : entry.domain)}
              aria-pressed={isActive}
            >
              <span className={styles.barLabel}>{DOMAIN_LABELS[entry.domain]}</span>
              <StackedBar counts={entry.byLevel} max={max} />
              <span className={`${styles.barValue} ${entry.total === 0 ? styles.barZero : ''}`}>{formatCount(entry.total)}</span>
            </button>
          );
        })}
      </div>
    </Panel>
  );
}

export function DepartmentRanking(props: {
  summary: AlertSummary | null;
  activeDepartmentId: number | undefined;
  onSelect: (departmentId: number | undefined) => void;
}) {
  const { summary } = props;
  if (!summary) {
    return (
      <Panel title="部门预警排行">
        <Skeleton active title={false} paragraph={{ rows: 5 }} />
      </Panel>
    );
  }
  const ranked = summary.topDepartments.slice(0, RANKED_DEPARTMENTS);
  const max = Math.max(1, ...ranked.map((entry) => entry.total));
  return (
    <Panel title="部门预警排行" extra={`前 ${RANKED_DEPARTMENTS} 名 · 点击筛选`} testId="department-ranking">
      {ranked.length === 0 ? (
        <div className={styles.sideEmpty}>暂无未解除预警</div>
      ) : (
        <div className={styles.bars}>
          {ranked.map((entry, index) => {
            const isActive = props.activeDepartmentId === entry.departmentId;
            return (
              <button
                key={entry.departmentId}
                type="button"
                className={`${styles.barRow} ${styles.rankRow} ${isActive ? styles.barRowActive : ''}`}
                onClick={() => props.onSelect(isActive ? undefined : entry.departmentId)}
                aria-pressed={isActive}
                title={entry.departmentName}
              >
                <span className={`${styles.rank} ${index < 3 ? styles.rankTop : ''}`}>{index + 1}</span>
                <span className={styles.barLabel}>{entry.departmentName}</span>
                <StackedBar counts={entry.byLevel} max={max} />
                <span className={styles.barValue}>{formatCount(entry.total)}</span>
              </button>
            );
          })}
        </div>
      )}
    </Panel>
  );
}
