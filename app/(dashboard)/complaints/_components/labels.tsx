'use client';

import { Tag } from 'antd';
import type { Channel, ComplaintState } from '../../../../lib/complaints/complaint';
import { CHANNEL_LABELS, STATE_LABELS } from '../../../../lib/complaints/complaint';
import { timeLeft } from '../../../../lib/complaints/time-left';
import type { Level } from '../../../../lib/rules/level';
import { LEVEL_COLORS } from '../../_components/level-colors';

const STATE_COLORS: Record<ComplaintState, string> = {
  received: 'blue',
  assigned: 'geekblue',
  accepted: 'cyan',
  in_progress: 'processing',
  replied: 'green',
  closed: 'default',
  returned: 'magenta',
  reopened: 'volcano',
};

export const StateTag = ({ state }: { state: ComplaintState }) => (
  <Tag color={STATE_COLORS[state]} data-testid="state-tag">
    {STATE_LABELS[state]}
  </Tag>
);

const CHANNEL_COLORS: Record<Channel, string> = { phone: 'purple', onsite: 'gold', online: 'blue' };

export const ChannelTag = ({ channel }: { channel: Channel }) => <Tag color={CHANNEL_COLORS[channel]}>{CHANNEL_LABELS[channel]}</Tag>;

/** 剩余 2 天 3 小时 / 已超时 5 小时, in the colour of the complaint's level; — once nothing is waiting. */
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
