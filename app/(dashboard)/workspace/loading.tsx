'use client';

import { Card, Col, Row, Skeleton } from 'antd';

// While the server reads the workspace: its frame with placeholders for the counters and lists.
export default function WorkspaceLoading() {
  return (
    <div style={{ maxWidth: 1280, margin: '0 auto' }} aria-busy="true" data-testid="workspace-loading">
      <Skeleton active title={{ width: 200 }} paragraph={{ rows: 1, width: ['40%'] }} />
      <Row gutter={16} style={{ marginTop: 16 }}>
        {[0, 1, 2, 3].map((key) => (
          <Col span={6} key={key}>
            <Card>
              <Skeleton active title={false} paragraph={{ rows: 2 }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card style={{ marginTop: 16 }}>
        <Skeleton active title={false} paragraph={{ rows: 10 }} />
      </Card>
    </div>
  );
}
