'use client';

import { KeyOutlined } from '@ant-design/icons';
import { Alert as Notice, App, Badge, Button, Card, Empty, Form, Input, Modal, Popconfirm, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { RegionSummary } from '../../../../../lib/regions/queries';
import type { ApiKeyListRow } from '../../../../../lib/users/manage-api-keys';
import { formatTime } from '../../../../../lib/format/shanghai-time';
import { StaffName } from '../../../_components/staff-name';
import { useDepartments } from '../../_components/use-departments';

function IssueKeyDialog({ regions, onClose }: { regions: RegionSummary[]; onClose: (issued: boolean) => void }) {
  const [form] = Form.useForm<{ regionCode: string; departmentId: number; label?: string }>();
  const regionCode = Form.useWatch('regionCode', form);
  const { departments, isLoading } = useDepartments(regionCode);
  const [issued, setIssued] = useState<{ key: string; department: string } | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    const values = await form.validateFields();
    setSaving(true);
    const response = await fetch('/api/v1/admin/api-keys', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ departmentId: values.departmentId, label: values.label }),
    }).catch(() => null);
    const body = response ? await response.json().catch(() => null) : null;
    setSaving(false);
    if (!response?.ok) return setError(body?.error?.message ?? '签发失败，请检查网络后重试');
    setIssued({ key: body.key as string, department: departments.find((d) => d.id === values.departmentId)?.name ?? '' });
  }

  if (issued) {
    return (
      <Modal open title="密钥已签发" okText="我已妥善保存" cancelButtonProps={{ style: { display: 'none' } }} onOk={() => onClose(true)} onCancel={() => onClose(true)}>
        <Notice type="warning" showIcon message="密钥只显示这一次，请立即复制并交给部门的网站系统管理员。" style={{ marginBottom: 12 }} />
        <Typography.Paragraph>{issued.department}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: issued.key, tooltips: ['复制', '已复制'] }} code data-testid="issued-key">
          {issued.key}
        </Typography.Paragraph>
      </Modal>
    );
  }
  return (
    <Modal open title="签发接口密钥" okText="签发" cancelText="取消" onOk={submit} confirmLoading={isSaving} onCancel={() => onClose(false)}>
      <Form form={form} layout="vertical">
        <Form.Item name="regionCode" label="区域" rules={[{ required: true, message: '请选择区域' }]}>
          <Select showSearch optionFilterProp="label" options={regions.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))} />
        </Form.Item>
        <Form.Item name="departmentId" label="部门" rules={[{ required: true, message: '请选择部门' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={isLoading}
            disabled={!regionCode}
            placeholder={regionCode ? '选择部门' : '请先选择区域'}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="label" label="备注" rules={[{ max: 100, message: '备注不超过 100 字' }]}>
          <Input placeholder="如：部门门户网站 CMS" />
        </Form.Item>
      </Form>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}

export function ApiKeyAdmin({ keys, regions }: { keys: ApiKeyListRow[]; regions: RegionSummary[]; departmentId: number | null }) {
  const router = useRouter();
  const { message } = App.useApp();
  const [isIssuing, setIssuing] = useState(false);

  async function revoke(key: ApiKeyListRow) {
    const response = await fetch(`/api/v1/admin/api-keys/${key.id}`, { method: 'DELETE' }).catch(() => null);
    const body = response ? await response.json().catch(() => null) : null;
    if (!response?.ok) return void message.error(body?.error?.message ?? '吊销失败，请检查网络后重试');
    message.success(`已吊销 ${key.keyPrefix}…，使用该密钥的请求将被拒绝`);
    router.refresh();
  }

  const columns: ColumnsType<ApiKeyListRow> = [
    { title: '密钥', dataIndex: 'keyPrefix', width: 160, render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text> },
    { title: '部门', dataIndex: 'departmentName' },
    { title: '区域', dataIndex: 'regionName', width: 150 },
    { title: '备注', dataIndex: 'label', render: (label: string) => label || '—' },
    {
      title: '签发',
      key: 'created',
      width: 230,
      render: (_: unknown, key) => (
        <span>
          <StaffName actor={key.createdBy} name={key.createdByName} /> · {formatTime(key.createdAt)}
        </span>
      ),
    },
    { title: '最近使用', dataIndex: 'lastUsedAt', width: 150, render: (at: string | null) => formatTime(at) },
    {
      title: '状态',
      dataIndex: 'revokedAt',
      width: 170,
      render: (revokedAt: string | null) => (revokedAt ? <Badge status="default" text={`已吊销 ${formatTime(revokedAt).slice(0, 10)}`} /> : <Badge status="success" text="有效" />),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_: unknown, key) =>
        key.revokedAt ? null : (
          <Popconfirm title={`吊销 ${key.keyPrefix}…？`} description="吊销后该部门系统将无法再用它推送信息。" okText="吊销" cancelText="取消" onConfirm={() => revoke(key)}>
            <Button type="link" size="small" danger>
              吊销
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title="接口密钥"
      extra={
        <Button type="primary" icon={<KeyOutlined />} onClick={() => setIssuing(true)}>
          签发密钥
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">部门的网站或 OA 系统凭密钥调用 POST /api/v1/items 推送公开信息；平台只保存密钥的摘要，签发时显示一次。</Typography.Paragraph>
      <Table<ApiKeyListRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={keys}
        locale={{ emptyText: <Empty description="还没有签发接口密钥" /> }}
        pagination={keys.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      />
      {isIssuing && (
        <IssueKeyDialog
          regions={regions}
          onClose={(issued) => {
            setIssuing(false);
            if (issued) router.refresh();
          }}
        />
      )}
    </Card>
  );
}
