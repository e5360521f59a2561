import { Card, Skeleton } from 'antd';

export default function Loading() {
  return (
    <Card title="工作日历">
      <Skeleton active paragraph={{ rows: 10 }} />
    </Card>
  );
}
