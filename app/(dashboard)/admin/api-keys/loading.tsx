import { Card, Skeleton } from 'antd';

export default function Loading() {
  return (
    <Card title="接口密钥">
      <Skeleton active paragraph={{ rows: 8 }} />
    </Card>
  );
}
