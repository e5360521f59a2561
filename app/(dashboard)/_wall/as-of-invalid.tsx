'use client';

// An `asOf` the wall cannot show (unreadable, or still to come): say why, and offer 实时 or another moment.
import { Button, Result } from 'antd';
import type { WallQuery } from '../../../lib/alerts/wall-query';
import { AsOfPicker } from './as-of-picker';
import { useGoToMoment } from './use-go-to-moment';

export function AsOfInvalid({ message, query }: { message: string; query: WallQuery }) {
  const goTo = useGoToMoment(query);
  return (
    <Result
      status="warning"
      title="无法回看该时刻"
      subTitle={message}
      data-testid="as-of-invalid"
      extra={[
        <Button key="live" type="primary" onClick={() => goTo(undefined)}>
          返回实时
        </Button>,
        <AsOfPicker key="pick" query={query} />,
      ]}
    />
  );
}
