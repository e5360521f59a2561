'use client';

// 核实结果: the handler's finding at 办结, and for 属实 the violation recorded against the responsible
// department — the entry (and item) not properly published, the alert it raised and where that stands, and
// a withdrawal with its reason.
import { Card, Descriptions, Tag, Typography } from 'antd';
import Link from 'next/link';
import { FINDING_LABELS, type ComplaintFinding } from '../../../../lib/complaints/complaint';
import type { ComplaintViolation } from '../../../../lib/complaints/find-violation';
import { formatFullTime } from '../../../../lib/format/shanghai-time';
import { LevelTag } from '../../_components/level-tag';

const { Text } = Typography;

function alertState(alert: NonNullable<ComplaintViolation['alert']>) {
  if (alert.state === 'open') return '待处置';
  if (alert.state === 'acknowledged') return '已确认，待处置';
  if (alert.resolution === 'auto') return `已解除（部门已公开，${formatFullTime(alert.resolvedAt!)}）`;
  return `已解除（${alert.resolveReason ?? '人工解除'}）`;
}

export function ViolationCard({ finding, violation }: { finding: ComplaintFinding; violation: ComplaintViolation | null }) {
  const isWithdrawn = violation?.withdrawnAt != null;
  const title = (
    <span>
      核实结果{' '}
      <Tag color={finding === 'substantiated' && !isWithdrawn ? 'red' : 'default'} data-testid="complaint-finding">
        {FINDING_LABELS[finding]}
        {isWithdrawn ? '（认定已撤销）' : ''}
      </Tag>
    </span>
  );
  if (!violation) {
    return (
      <Card title={title} style={{ marginBottom: 16 }}>
        <Text type="secondary">经核实投诉不属实，不记违规。</Text>
      </Card>
    );
  }
  return (
    <Card title={title} style={{ marginBottom: 16 }} data-testid="complaint-violation">
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label="违规部门">{violation.departmentName}</Descriptions.Item>
        <Descriptions.Item label="认定">
          {violation.foundByName}，{formatFullTime(violation.foundAt)}
        </Descriptions.Item>
        <Descriptions.Item label="未按规定公开的事项" span={2}>
          <Link href={`/catalog/${violation.catalogEntry.id}`}>
            {violation.catalogEntry.code} {violation.catalogEntry.name}
          </Link>
        </Descriptions.Item>
        {violation.item && (
          <Descriptions.Item label="公开信息" span={2}>
            <Link href={`/items/${violation.item.id}`}>{violation.item.title}</Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="违规预警" span={2}>
          {violation.alert ? (
            <span data-testid="violation-alert">
              <LevelTag level={violation.alert.level} isDeadline={false} /> {alertState(violation.alert)}
            </span>
          ) : (
            <Text type="secondary">投诉属实规则已停用，未生成预警</Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="考核" span={2}>
          {isWithdrawn ? <Text type="secondary">认定已撤销，不扣分</Text> : <Text type="danger">计入责任部门当月考核扣分</Text>}
        </Descriptions.Item>
        {isWithdrawn && (
          <Descriptions.Item label="撤销" span={2}>
            {violation.withdrawnByName}，{formatFullTime(violation.withdrawnAt!)}：{violation.withdrawReason}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
