'use client';

import { Alert as Notice } from 'antd';
import Link from 'next/link';
import { CALENDAR_BANNER_COOKIE } from './calendar-banner-cookie';

// the office watches the wall all day: closing it buys a day, after which it asks again until the year is loaded
const CLOSED_FOR_SECONDS = 86_400;

// While next year's arrangement is not loaded, deadlines that run into it are provisional (DESIGN §1).
export function CalendarBanner({ year, isAdmin }: { year: number; isAdmin: boolean }) {
  return (
    <Notice
      type="warning"
      showIcon
      banner
      closable={{ 'aria-label': '今日不再提示' }}
      onClose={() => {
        document.cookie = `${CALENDAR_BANNER_COOKIE}=${year}; path=/; max-age=${CLOSED_FOR_SECONDS}; samesite=lax`;
      }}
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
