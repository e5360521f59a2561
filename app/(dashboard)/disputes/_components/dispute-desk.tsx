'use client';

// The office's desk: pending disputes with 申诉成立 / 驳回, each asking for the reason the department will read;
// the API's zh-CN refusal (decided meanwhile, out of scope) is shown in the dialog.
import { App, Alert as Notice, Badge, Button, Card, Form, Input, Modal, Space, Tabs, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Dispute } from '../../../../lib/disputes/queries';
import { postDecision } from './dispute-api';
import { DisputeList } from './dispute-list';

const { Text, Title } = Typography;

type Decision = 'accept' | 'reject';

const DECISION_TEXT: Record<Decision, { title: string; ok: string; hint: string }> = {
  accept: { title: '申诉成立', ok: '确认成立', hint: '预警将作为认可的例外解除，扣分将撤销并重新计算得分。' },
  reject: { title: '驳回申诉', ok: '确认驳回', hint: '预警和扣分保持不变，部门可在申诉期限内补充材料再次申诉。' },
};

export function DisputeDesk(props: { pending: readonly Dispute[]; decided: readonly Dispute[]; names: Readonly<Record<string, string>> }) {
  const [deciding, setDeciding] = useState<{ dispute: Dispute; decision: Decision } | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const router = useRouter();
  const { message } = App.useApp();

  const open = (dispute: Dispute, decision: Decision) => {
    setError(null);
    setDeciding({ dispute, decision });
  };

  const submit = async () => {
    if (!deciding) return;
    const { reason } = await form.validateFields();
    setSaving(true);
    try {
      const result = await postDecision(deciding.dispute.id, deciding.decision, reason.trim());
      if (!result.ok) {
        setError(result.message);
        return;
      }
      void message.success(deciding.decision === 'accept' ? '已认定申诉成立' : '已驳回申诉');
      setDeciding(null);
      router.refresh();
    } finally {
      setSaving(false);
    }
  };

  const actions = (d: Dispute) =>
    d.state === 'pending' ? (
      <Space>
        <Button type="primary" size="small" onClick={() => open(d, 'accept')} data-testid="dispute-accept">
          申诉成立
        </Button>
        <Button size="small" danger onClick={() => open(d, 'reject')} data-testid="dispute-reject">
          驳回
        </Button>
      </Space>
    ) : null;

  const text = deciding ? DECISION_TEXT[deciding.decision] : null;
  return (
    <div style={{ maxWidth: 1280, margin: '0 auto' }}>
      <Title level={3} style={{ marginTop: 0 }}>
        申诉处理
      </Title>
      <Text type="secondary">部门对预警或扣分提出的申诉。申诉成立的，预警作为认可的例外解除、扣分撤销；驳回的须说明理由。</Text>
      <Card style={{ marginTop: 16 }} styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            {
              key: 'pending',
              label: (
                <Space size={6}>
                  待处理
                  <Badge count={props.pending.length} showZero={false} />
                </Space>
              ),
              children: <DisputeList disputes={props.pending} names={props.names} showDepartment empty="没有待处理的申诉" actions={actions} testId="pending-disputes" />,
            },
            {
              key: 'decided',
              label: '已处理',
              children: <DisputeList disputes={props.decided} names={props.names} showDepartment empty="还没有处理过的申诉" testId="decided-disputes" />,
            },
          ]}
        />
      </Card>
      <Modal
        title={text?.title}
        open={deciding !== null}
        okText={text?.ok}
        cancelText="取消"
        okButtonProps={{ loading: isSaving, danger: deciding?.decision === 'reject' }}
        onOk={() => void submit().catch(() => {})}
        onCancel={() => setDeciding(null)}
        destroyOnHidden
        width={560}
      >
        {deciding && (
          <>
            <Typography.Paragraph style={{ background: '#f7f8fa', padding: '8px 12px', borderRadius: 4 }}>
              <Text strong>{deciding.dispute.departmentName}</Text>
              <br />
              {deciding.dispute.subject.title}
              <br />
              <Text type="secondary">申诉理由：{deciding.dispute.reason}</Text>
            </Typography.Paragraph>
            <Text type="secondary">{text?.hint}</Text>
            {error && <Notice type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="decision-error" />}
            <Form form={form} layout="vertical" preserve={false} style={{ marginTop: 12 }}>
              <Form.Item
                name="reason"
                label="处理理由"
                rules={[
                  { required: true, whitespace: true, message: '请填写处理理由' },
                  { min: 2, message: '处理理由至少 2 个字' },
                  { max: 1000, message: '处理理由不超过 1000 字' },
                ]}
              >
                <Input.TextArea rows={3} data-testid="decision-reason" />
              </Form.Item>
            </Form>
          </>
        )}
      </Modal>
    </div>
  );
}
