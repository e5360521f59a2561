import { Card, Skeleton } from 'antd';

export default function Loading() {
  return (
    <Card title="监督规则">
      <Skeleton active paragraph={{ rows: 8 }} />
    </Card>
  );
}
