'use client';

import { LeftOutlined, RightOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert as Notice, Button, Card, Space, Tag, Typography } from 'antd';
import Link from 'next/link';
import { useState, type KeyboardEvent } from 'react';
import type { CalendarYearView } from '../../../../lib/calendar/store/year-view';
import { addDaysToDay, dayFromParts, dayOfWeek, type Ymd } from '../../../../lib/calendar/ymd';
import { formatTime } from '../../../../lib/format/shanghai-time';
import { StaffName } from '../../_components/staff-name';
import { EditDayDialog } from './edit-day-dialog';
import { LoadYearDialog } from './load-year-dialog';
import styles from './calendar.module.css';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

function Month({ year, month, holidays, workdays, names, today, onPick }: {
  year: number;
  month: number;
  holidays: Set<Ymd>;
  workdays: Set<Ymd>;
  names: Map<Ymd, string>;
  today: Ymd;
  /** Set when the admin may correct a day: a click or Enter on it opens 修改单日. */
  onPick?: (day: Ymd) => void;
}) {
  const first = dayFromParts(year, month, 1);
  // Monday-first grid: blanks before the 1st
  const lead = (dayOfWeek(first) + 6) % 7;
  const cells: (Ymd | null)[] = Array.from({ length: lead }, () => null);
  for (let day = first; Number(day.slice(5, 7)) === month && day.startsWith(String(year)); day = addDaysToDay(day, 1)) cells.push(day);
  return (
    <div className={styles.month}>
      <div className={styles.monthTitle}>{month} 月</div>
      <div className={styles.grid}>
        {WEEKDAYS.map((w) => (
          <div key={w} className={styles.weekday}>
            {w}
          </div>
        ))}
        {cells.map((day, index) => {
          if (!day) return <div key={`blank-${index}`} />;
          const weekday = dayOfWeek(day);
          const kind = holidays.has(day) ? 'holiday' : workdays.has(day) ? 'workday' : weekday === 0 || weekday === 6 ? 'weekend' : 'normal';
          const label = kind === 'holiday' ? '休' : kind === 'workday' ? '班' : '';
          const title = `${day}${names.get(day) ? ` ${names.get(day)}` : ''}${kind === 'holiday' ? ' 放假' : kind === 'workday' ? ' 调休上班' : ''}`;
          return (
            <div
              key={day}
              className={`${styles.day} ${styles[kind]} ${day === today ? styles.today : ''} ${onPick ? styles.editable : ''}`}
              title={onPick ? `${title}（点击修改）` : title}
              data-day={day}
              {...(onPick && {
                role: 'button',
                tabIndex: 0,
                'aria-label': `修改 ${title}`,
                onClick: () => onPick(day),
                onKeyDown: (event: KeyboardEvent) => {
                  if (event.key !== 'Enter' && event.key !== ' ') return;
                  event.preventDefault();
                  onPick(day);
                },
              })}
            >
              {Number(day.slice(8))}
              {label && <span className={styles.mark}>{label}</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}

export function CalendarYear({ view, today, canLoad }: { view: CalendarYearView; today: Ymd; canLoad: boolean }) {
  const [isLoading, setLoading] = useState(false);
  const [editing, setEditing] = useState<Ymd | null>(null);
  const holidays = new Set(view.holidays.map((d) => d.day));
  const workdays = new Set(view.workdays.map((d) => d.day));
  const names = new Map([...view.holidays, ...view.workdays].filter((d) => d.name).map((d) => [d.day, d.name!] as const));
  return (
    <Card
      title={
        <Space>
          <Link href={`/calendar?year=${view.year - 1}`} aria-label="上一年">
            <Button size="small" icon={<LeftOutlined />} />
          </Link>
          <span>{view.year} 年工作日历</span>
          <Link href={`/calendar?year=${view.year + 1}`} aria-label="下一年">
            <Button size="small" icon={<RightOutlined />} />
          </Link>
          {view.loaded ? <Tag color="green">已载入</Tag> : <Tag color="red">未载入</Tag>}
        </Space>
      }
      extra={
        canLoad && (
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setLoading(true)} data-testid="load-year">
            {view.loaded ? `替换 ${view.year} 年安排` : `载入 ${view.year} 年安排`}
          </Button>
        )
      }
    >
      {view.loaded ? (
        <Typography.Paragraph type="secondary">
          来源：{view.loaded.source} · <StaffName actor={view.loaded.loadedBy} name={view.loaded.loadedByName} /> 于 {formatTime(view.loaded.loadedAt)} 载入或修改 · 放假{' '}
          {view.holidays.length} 天，调休上班 {view.workdays.length} 天{canLoad && ' · 点击某一天可单独修改'}
        </Typography.Paragraph>
      ) : (
        <Notice
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${view.year} 年的节假日安排尚未载入`}
          description="跨入该年的公开时限暂按周末计算，标记为“暂定”；国务院办公厅公布安排后请管理员载入，暂定时限将自动重算。"
        />
      )}
      <div className={styles.legend}>
        <span className={`${styles.swatch} ${styles.holiday}`} />
        放假
        <span className={`${styles.swatch} ${styles.workday}`} />
        调休上班
        <span className={`${styles.swatch} ${styles.weekend}`} />
        周末
      </div>
      <div className={styles.year}>
        {Array.from({ length: 12 }, (_, i) => (
          <Month
            key={i}
            year={view.year}
            month={i + 1}
            holidays={holidays}
            workdays={workdays}
            names={names}
            today={today}
            onPick={canLoad && view.loaded ? setEditing : undefined}
          />
        ))}
      </div>
      {isLoading && <LoadYearDialog year={view.year} onClose={() => setLoading(false)} />}
      {editing && (
        <EditDayDialog
          day={editing}
          kind={holidays.has(editing) ? 'holiday' : workdays.has(editing) ? 'workday' : 'normal'}
          name={names.get(editing) ?? null}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
