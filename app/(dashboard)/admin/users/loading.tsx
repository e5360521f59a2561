import { Card, Skeleton } from 'antd';

export default function Loading() {
  return (
    <Card title="用户管理">
      <Skeleton active paragraph={{ rows: 8 }} />
    </Card>
  );
}
