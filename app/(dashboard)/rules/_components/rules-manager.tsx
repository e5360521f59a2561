'use client';

import { EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { RULE_KIND_LABELS, domainLabel } from '../../../../lib/alerts/labels';
import type { RuleView } from '../../../../lib/rules/store/list-rules';
import { describeParams } from '../../../../lib/rules/param-labels';
import { LevelTag } from '../../_components/level-tag';
import { formatTime } from '../../../../lib/format/shanghai-time';
import type { RegionSummary } from '../../../../lib/regions/queries';
import { NewRuleDialog } from './new-rule-dialog';
import { RuleEditor } from './rule-editor';
import { RuleHistory } from './rule-history';

function scopeText(rule: RuleView): string {
  const parts = [rule.scope.regionName ?? '全部区域'];
  if (rule.scope.domain) parts.push(domainLabel(rule.scope.domain));
  if (rule.scope.entryName) parts.push(`《${rule.scope.entryName}》`);
  return parts.join(' › ');
}

export function RulesManager({ rules, regions }: { rules: RuleView[]; regions: RegionSummary[] }) {
  const [editing, setEditing] = useState<RuleView | null>(null);
  const [isCreating, setCreating] = useState(false);
  const [history, setHistory] = useState<RuleView | null>(null);

  const columns: ColumnsType<RuleView> = [
    {
      title: '规则',
      dataIndex: 'name',
      render: (name: string, rule) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {RULE_KIND_LABELS[rule.kind]}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '适用范围', key: 'scope', width: 240, render: (_: unknown, rule) => scopeText(rule) },
    { title: '参数', key: 'params', render: (_: unknown, rule) => describeParams(rule.kind, rule.params as Record<string, unknown>) },
    {
      title: '预警级别',
      dataIndex: 'level',
      width: 120,
      // a deadline alert's level follows the clock (临期 → 超期 → 严重超期), not the rule
      render: (level: RuleView['level'], rule) =>
        rule.kind === 'deadline' ? <Typography.Text type="secondary">随时限升级</Typography.Text> : <LevelTag level={level} isDeadline={false} />,
    },
    {
      title: '状态',
      dataIndex: 'enabled',
      width: 90,
      render: (enabled: boolean) => (enabled ? <Badge status="success" text="启用" /> : <Badge status="default" text="停用" />),
    },
    {
      title: '版本',
      dataIndex: 'version',
      width: 150,
      render: (version: number, rule) => (
        <Tooltip title={`最近修改 ${formatTime(rule.updatedAt)}`}>
          <Tag>v{version}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatTime(rule.updatedAt).slice(0, 10)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_: unknown, rule) => (
        <Space size={4}>
          {rule.canEdit ? (
            <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(rule)}>
              修改
            </Button>
          ) : (
            <Tooltip title="由上级政务公开办设定">
              <Typography.Text type="secondary" style={{ fontSize: 12, paddingInline: 7 }}>
                上级设定
              </Typography.Text>
            </Tooltip>
          )}
          <Button size="small" type="link" icon={<HistoryOutlined />} onClick={() => setHistory(rule)}>
            历史
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="监督规则"
      extra={
        <Space>
          <Typography.Text type="secondary">范围越具体越优先：目录条目 › 领域 › 最近的区域</Typography.Text>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增规则
          </Button>
        </Space>
      }
    >
      <Table<RuleView>
        rowKey="id"
        columns={columns}
        dataSource={rules}
        pagination={false}
        locale={{ emptyText: <Empty description="本区域还没有监督规则" /> }}
      />
      {editing && <RuleEditor rule={editing} onClose={() => setEditing(null)} />}
      {history && <RuleHistory rule={history} onClose={() => setHistory(null)} />}
      {isCreating && <NewRuleDialog regions={regions} onClose={() => setCreating(false)} />}
    </Card>
  );
}
