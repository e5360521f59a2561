'use client';

import { Alert as Notice } from 'antd';
import Link from 'next/link';

// While next year's arrangement is not loaded, deadlines that run into it are provisional (DESIGN §1).
export function CalendarBanner({ year, isAdmin }: { year: number; isAdmin: boolean }) {
  return (
    <Notice
      type="warning"
      showIcon
      banner
      data-testid="calendar-banner"
      style={{ marginBottom: 16 }}
      message={
        <span>
          {year} 年节假日安排尚未载入，跨入 {year} 年的公开时限暂按周末计算（暂定）。
          {isAdmin ? <Link href={`/calendar?year=${year}`}>前往载入</Link> : '请联系管理员载入。'}
        </span>
      }
    />
  );
}
