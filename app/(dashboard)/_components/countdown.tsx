'use client';

// The countdown of every queue (complaints, requests) and record page: time left to the step's due time, or
// how long ago it passed, in the colour of its level (DESIGN §1); — once nothing is waiting.
import { timeLeft } from '../../../lib/complaints/time-left';
import type { Level } from '../../../lib/rules/level';
import { LEVEL_COLORS } from './level-colors';

/** 剩余 2 天 3 小时 / 已超时 5 小时. */
export function Countdown({ dueAt, level, nowMs }: { dueAt: string | null; level: Level; nowMs: number | null }) {
  if (!dueAt) return <span style={{ color: '#999' }}>—</span>;
  if (nowMs === null) return <span>…</span>;
  const left = timeLeft(dueAt, nowMs);
  const color = level === 'none' ? '#2e7d32' : LEVEL_COLORS[level].ink;
  return (
    <span style={{ color, fontWeight: level === 'none' ? 400 : 600, whiteSpace: 'nowrap' }} data-testid="countdown">
      {left.text}
    </span>
  );
}
