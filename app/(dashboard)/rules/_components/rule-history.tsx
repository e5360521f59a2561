'use client';

import { Alert as Notice, Modal, Skeleton, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { LEVEL_NAMES } from '../../../../lib/alerts/labels';
import type { RuleVersionView, RuleView } from '../../../../lib/rules/store/list-rules';
import { describeParams } from '../../../../lib/rules/param-labels';
import { formatTime } from '../../../../lib/format/shanghai-time';
import { StaffName } from '../../_components/staff-name';

type State = { versions: RuleVersionView[] | null; error: string | null };

export function RuleHistory({ rule, onClose }: { rule: RuleView; onClose: () => void }) {
  const [state, setState] = useState<State>({ versions: null, error: null });

  useEffect(() => {
    let isCurrent = true;
    void (async () => {
      const response = await fetch(`/api/v1/rules/${rule.id}/versions`).catch(() => null);
      const body = response ? await response.json().catch(() => null) : null;
      if (!isCurrent) return;
      if (response?.ok && body) setState({ versions: body.data as RuleVersionView[], error: null });
      else setState({ versions: null, error: body?.error?.message ?? '加载失败，请检查网络后重试' });
    })();
    return () => {
      isCurrent = false;
    };
  }, [rule.id]);

  return (
    <Modal open title={`版本历史：${rule.name}`} width={760} footer={null} onCancel={onClose}>
      {state.error && <Notice type="error" showIcon message={state.error} />}
      {!state.error && !state.versions && <Skeleton active />}
      {state.versions && (
        <Table<RuleVersionView>
          size="small"
          rowKey="version"
          dataSource={state.versions}
          pagination={false}
          locale={{ emptyText: `当前为初始版本 v${rule.version}，尚未修改过` }}
          columns={[
            { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => <Tag>v{v}</Tag> },
            { title: '参数', dataIndex: 'params', render: (params: Record<string, unknown>) => describeParams(rule.kind, params) },
            ...(rule.kind === 'deadline'
              ? []
              : [{ title: '级别', dataIndex: 'level', width: 100, render: (level: keyof typeof LEVEL_NAMES) => LEVEL_NAMES[level] }]),
            { title: '状态', dataIndex: 'enabled', width: 70, render: (enabled: boolean) => (enabled ? '启用' : '停用') },
            {
              title: '修改人',
              dataIndex: 'changedBy',
              width: 150,
              render: (by: string, row) => (by === 'system' ? '初始' : <StaffName actor={by} name={row.changedByName} />),
            },
            { title: '时间', dataIndex: 'changedAt', width: 150, render: (at: string) => formatTime(at) },
          ]}
        />
      )}
    </Modal>
  );
}
