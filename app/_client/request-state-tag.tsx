'use client';

// A request's state as a tag, the same on the staff pages and the applicant's tracking page.
import { Tag } from 'antd';
import { STATE_LABELS, type RequestState } from '../../lib/requests/request';

const STATE_COLORS: Record<RequestState, string> = {
  submitted: 'gold',
  received: 'blue',
  correction_requested: 'orange',
  consulting: 'purple',
  replied: 'green',
  delivered: 'cyan',
  closed: 'default',
  abandoned: 'default',
  withdrawn: 'default',
};

export function RequestStateTag({ state, testId = 'state-tag' }: { state: RequestState; testId?: string }) {
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId}>
      {STATE_LABELS[state]}
    </Tag>
  );
}
