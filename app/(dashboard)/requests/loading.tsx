'use client';

import { Card, Skeleton } from 'antd';

// While the server reads the queue: its frame with placeholders for the filters and rows.
export default function RequestsLoading() {
  return (
    <div style={{ maxWidth: 1360, margin: '0 auto' }} aria-busy="true" data-testid="requests-loading">
      <Skeleton active title={{ width: 160 }} paragraph={{ rows: 1, width: ['50%'] }} />
      <Card style={{ marginTop: 16 }}>
        <Skeleton.Input active style={{ width: 640, marginBottom: 16 }} />
        <Skeleton active title={false} paragraph={{ rows: 12 }} />
      </Card>
    </div>
  );
}
