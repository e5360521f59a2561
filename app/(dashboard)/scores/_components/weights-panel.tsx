'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, InputNumber, Row, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { periodLabel } from '../../../../lib/scoring/period';
import { INDICATOR_KEYS, INDICATOR_LABELS, type VersionedWeights, type Weights } from '../../../../lib/scoring/weights';
import type { WhatIfRow } from '../../../../lib/scoring/store/what-if';
import { formatTotal } from './score-format';

const { Text } = Typography;

const columns: ColumnsType<WhatIfRow> = [
  { title: '新排名', dataIndex: 'newRank', width: 80, align: 'center' },
  { title: '部门', dataIndex: 'departmentName' },
  { title: '区域', dataIndex: 'regionName', width: 140 },
  { title: '现得分', dataIndex: 'currentTotal', width: 100, align: 'right', render: formatTotal },
  { title: '新得分', dataIndex: 'newTotal', width: 100, align: 'right', render: (v: number | null) => <Text strong>{formatTotal(v)}</Text> },
  { title: '现排名', dataIndex: 'currentRank', width: 80, align: 'center' },
  {
    title: '名次变化',
    key: 'move',
    width: 100,
    align: 'right',
    render: (_, row) => {
      const move = row.currentRank - row.newRank;
      if (move === 0) return <Text type="secondary">—</Text>;
      return <Text type={move > 0 ? 'success' : 'danger'}>{move > 0 ? `↑ ${move}` : `↓ ${-move}`}</Text>;
    },
  },
];

async function send(url: string, method: string, body: unknown) {
  const response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch(() => null);
  const json = response ? await response.json().catch(() => null) : null;
  return { ok: response?.ok ?? false, json };
}

export function WeightsPanel({ current, period }: { current: VersionedWeights; period: string }) {
  const router = useRouter();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Weights>();
  const [preview, setPreview] = useState<WhatIfRow[] | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);

  async function runPreview() {
    const weights = await form.validateFields();
    setBusy('preview');
    const { ok, json } = await send('/api/v1/scores/what-if', 'POST', { period, weights });
    setBusy(null);
    if (!ok) return void message.error(json?.error?.message ?? '试算失败，请稍后重试');
    setPreview(json.data as WhatIfRow[]);
  }

  async function save() {
    const weights = await form.validateFields();
    modal.confirm({
      title: '保存新的考核权重？',
      content: '将生成新的权重版本并记入审计日志，本月和上月的得分随之重算；更早月份保留原版本的得分。',
      okText: '保存',
      cancelText: '取消',
      onOk: async () => {
        setBusy('save');
        const { ok, json } = await send('/api/v1/score-weights', 'PUT', { weights });
        setBusy(null);
        if (!ok) return void message.error(json?.error?.message ?? '保存失败，请稍后重试');
        message.success(`已保存为第 ${json.version} 版`);
        router.refresh();
      },
    });
  }

  return (
    <div style={{ maxWidth: 1360, margin: '0 auto' }}>
      <Link href="/scores">
        <ArrowLeftOutlined /> 返回排名
      </Link>
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        考核权重
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        当前为{current.version === 0 ? '默认权重' : `第 ${current.version} 版`}。调整后先“试算”，查看以{periodLabel(period)}的数据重新排名的结果，确认后再保存为新版本。
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col span={9}>
          <Card title="权重与阈值">
            <Form<Weights> form={form} layout="vertical" initialValues={current.weights} requiredMark={false} onValuesChange={() => setPreview(null)}>
              <Row gutter={12}>
                {INDICATOR_KEYS.map((key) => (
                  <Col span={12} key={key}>
                    <Form.Item name={['indicators', key]} label={INDICATOR_LABELS[key]} rules={[{ required: true, message: '请输入权重' }]}>
                      <InputNumber min={0} max={100} style={{ width: '100%' }} aria-label={`${INDICATOR_LABELS[key]}权重`} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
              <Form.Item name="minCases" label="最少样本数（不足则“样本不足”）" rules={[{ required: true, message: '请输入最少样本数' }]}>
                <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="redPenalty" label="每条红色预警扣分" rules={[{ required: true, message: '请输入扣分' }]}>
                    <InputNumber min={0} max={20} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="redPenaltyCap" label="红色预警扣分上限" rules={[{ required: true, message: '请输入扣分上限' }]}>
                    <InputNumber min={0} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="substantiatedPenalty" label="每件投诉属实扣分" rules={[{ required: true, message: '请输入扣分' }]}>
                    <InputNumber min={0} max={20} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="disputeWorkingDays" label="申诉期限（工作日）" rules={[{ required: true, message: '请输入工作日数' }]}>
                    <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="alertAckHours" label="预警签收时限（小时）" rules={[{ required: true, message: '请输入小时数' }]}>
                    <InputNumber min={1} max={720} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="alertResolveHours" label="预警处置时限（小时）" rules={[{ required: true, message: '请输入小时数' }]}>
                    <InputNumber min={1} max={2160} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Space>
                <Button onClick={runPreview} loading={busy === 'preview'}>
                  试算
                </Button>
                <Button type="primary" onClick={save} loading={busy === 'save'}>
                  保存为新版本
                </Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col span={15}>
          <Card title={`试算结果 · ${periodLabel(period)}`}>
            {preview === null ? (
              <Text type="secondary">修改左侧的权重后点击“试算”，这里显示新的排名与现排名的对比；试算不会保存任何数据。</Text>
            ) : (
              <Table<WhatIfRow>
                data-testid="what-if-table"
                rowKey="departmentId"
                size="small"
                columns={columns}
                dataSource={preview}
                pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 个部门` }}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
