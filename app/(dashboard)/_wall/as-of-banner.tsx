'use client';

// The banner of a wall looking back: which moment it shows, that nothing live arrives, and the way back.
import { HistoryOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import type { WallQuery } from '../../../lib/alerts/wall-query';
import { formatTime } from '../../../lib/format/shanghai-time';
import { useGoToMoment } from './use-go-to-moment';

export function AsOfBanner({ asOf, query }: { asOf: string; query: WallQuery }) {
  const goTo = useGoToMoment(query);
  return (
    <Alert
      type="warning"
      showIcon
      icon={<HistoryOutlined />}
      role="status"
      data-testid="as-of-banner"
      style={{ padding: '4px 12px' }}
      title={`正在回看 ${formatTime(asOf)} 的预警墙，实时推送已暂停`}
      action={
        <Button size="small" type="primary" onClick={() => goTo(undefined)} data-testid="as-of-back">
          返回实时
        </Button>
      }
    />
  );
}
