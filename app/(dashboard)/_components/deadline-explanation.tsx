'use client';

// 计算依据 beside a due date: the one deadline module's explanation (lib/deadlines/deadline-view.ts) — the
// start, the limit, each run of days not counted and why, 调休 days counted, the thresholds — so a department
// questioning an alert can check the count by hand.
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Popover } from 'antd';
import type { DeadlineView } from '../../../lib/deadlines/deadline-view';

export function DeadlineExplanation({ deadline }: { deadline: DeadlineView }) {
  const content = (
    <ol data-testid="deadline-explanation" style={{ margin: 0, paddingInlineStart: 18, maxWidth: 420, lineHeight: '24px' }}>
      {deadline.explanation.map((line, index) => (
        <li key={index} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {line}
        </li>
      ))}
    </ol>
  );
  return (
    <Popover trigger="click" title="期限如何计算" content={content} placement="bottomLeft">
      <Button type="link" size="small" icon={<QuestionCircleOutlined />} style={{ paddingInline: 4, height: 22 }} data-testid="deadline-explain">
        计算依据
      </Button>
    </Popover>
  );
}

/** A table cell: the due day and its 计算依据. */
export function DueDayCell({ deadline }: { deadline: DeadlineView }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {deadline.dueDay} 前 <DeadlineExplanation deadline={deadline} />
    </span>
  );
}
