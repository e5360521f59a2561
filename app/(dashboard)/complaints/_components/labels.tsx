'use client';

import { Tag } from 'antd';
import type { Channel, ComplaintState } from '../../../../lib/complaints/complaint';
import { CHANNEL_LABELS, STATE_LABELS } from '../../../../lib/complaints/complaint';

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
