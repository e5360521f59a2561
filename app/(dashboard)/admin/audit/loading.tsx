import { Card, Skeleton } from 'antd';

export default function Loading() {
  return (
    <Card title="审计日志">
      <Skeleton active paragraph={{ rows: 8 }} />
    </Card>
  );
}
