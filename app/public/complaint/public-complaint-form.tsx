'use client';

// 网上投诉: region and department (both optional: citizens rarely know who is responsible, and the handler
// dispatches such a complaint, 派单), contact, content. The hidden 网址 field is a honeypot for bots; people
// never see it. On success the tracking code is shown in groups, to be noted down or read out.
import { Alert, Button, Card, Form, Input, Result, Select, Space, Typography } from 'antd';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { DepartmentOption } from '../../../lib/complaints/queries';

/** The explicit 不清楚由哪个部门负责 choice: sent as no departmentId at all. */
const UNKNOWN_DEPARTMENT = 'unknown';

interface Values {
  regionId?: string;
  departmentId?: number | typeof UNKNOWN_DEPARTMENT;
  name?: string;
  phone: string;
  content: string;
  website?: string;
}

export function PublicComplaintForm({ departments }: { departments: DepartmentOption[] }) {
  const [form] = Form.useForm<Values>();
  const [isSending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [filed, setFiled] = useState<string | null>(null);
  const regionId = Form.useWatch('regionId', form);
  const regions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const d of departments) seen.set(d.regionId, d.regionName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [departments]);
  const regionDepartments = departments.filter((d) => d.regionId === regionId);

  async function submit(values: Values) {
    setSending(true);
    setFailure(null);
    const response = await fetch('/api/v1/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'online',
        ...(values.regionId ? { regionId: values.regionId } : {}),
        ...(typeof values.departmentId === 'number' ? { departmentId: values.departmentId } : {}),
        phone: values.phone.trim(),
        content: values.content,
        ...(values.name?.trim() ? { name: values.name.trim() } : {}),
        ...(values.website ? { website: values.website } : {}),
      }),
    }).catch(() => null);
    setSending(false);
    if (!response) return setFailure('网络异常，请稍后重试');
    const answer = (await response.json().catch(() => ({}))) as { trackingCode?: string; error?: { message: string; fields?: Record<string, string> } };
    if (response.status === 201 && answer.trackingCode) return setFiled(answer.trackingCode);
    form.setFields(
      Object.entries(answer.error?.fields ?? {})
        .filter(([name]) => ['regionId', 'departmentId', 'name', 'phone', 'content'].includes(name))
        .map(([name, message]) => ({ name: name as keyof Values, errors: [message] })),
    );
    setFailure(answer.error?.message ?? '提交失败，请稍后重试');
  }

  if (filed) {
    return (
      <Card>
        <Result
          status="success"
          title="投诉已提交"
          subTitle="请记下查询码。凭查询码和您手机号的后4位，可随时查询办理进度、查看答复并评价。"
          extra={
            <Space direction="vertical" size={16} align="center">
              <Typography.Text
                copyable={{ text: filed, tooltips: ['复制查询码', '已复制'] }}
                style={{ fontSize: 32, fontFamily: 'ui-monospace, Menlo, monospace', letterSpacing: 3 }}
                data-testid="filed-tracking-code"
              >
                {filed}
              </Typography.Text>
              <Space>
                <Link href={`/public/track?code=${filed}`}>
                  <Button type="primary">查询办理进度</Button>
                </Link>
                <Button
                  onClick={() => {
                    form.resetFields();
                    setFiled(null);
                  }}
                >
                  继续投诉
                </Button>
              </Space>
            </Space>
          }
        />
      </Card>
    );
  }

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        网上投诉
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        对行政机关应当公开而未公开、公开不及时或内容不全的政府信息，您可以在此投诉。无需登录，地区和部门不清楚的可不选。投诉受理后 1 个工作日内派至承办部门，一般在 13 个工作日内答复。
      </Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="form-failure" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark="optional" scrollToFirstError>
        <Space size={16} style={{ display: 'flex' }} align="start">
          <Form.Item name="regionId" label="所在地区" style={{ width: 260 }} extra="不选则由省级受理后派单">
            <Select
              placeholder="选择地区"
              allowClear
              options={regions}
              onChange={() => form.setFieldValue('departmentId', undefined)}
              data-testid="region-select"
            />
          </Form.Item>
          <Form.Item name="departmentId" label="投诉涉及的部门" style={{ width: 520 }} extra="不清楚的，由工作人员确定承办部门后派单">
            <Select
              placeholder={regionId ? '选择部门' : '选择地区后可选部门'}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={[
                { value: UNKNOWN_DEPARTMENT, label: '不清楚由哪个部门负责' },
                ...regionDepartments.map((d) => ({ value: d.id, label: d.name })),
              ]}
              data-testid="department-select"
            />
          </Form.Item>
        </Space>
        <Space size={16} style={{ display: 'flex' }} align="start">
          <Form.Item name="name" label="姓名" style={{ width: 260 }} rules={[{ max: 50, message: '姓名不超过 50 个字' }]}>
            <Input placeholder="可不填" maxLength={50} autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label="手机号码"
            style={{ width: 260 }}
            extra="仅用于回访和查询，不会公开"
            rules={[
              { required: true, message: '请填写手机号码' },
              { pattern: /^[0-9+\-\s()]{7,20}$/, message: '请填写正确的电话号码' },
            ]}
          >
            <Input maxLength={20} inputMode="tel" autoComplete="tel" />
          </Form.Item>
        </Space>
        <Form.Item
          name="content"
          label="投诉内容"
          rules={[
            { required: true, whitespace: true, message: '请填写投诉内容' },
            { min: 10, message: '投诉内容至少 10 个字' },
          ]}
        >
          <Input.TextArea rows={8} maxLength={2000} showCount placeholder="请写明未公开或公开不到位的信息、您查找的网站或渠道、期望如何处理" />
        </Form.Item>
        {/* honeypot: hidden from people and from the keyboard; a bot that fills it is turned away */}
        <div aria-hidden style={{ position: 'absolute', left: -10_000, top: 'auto', width: 1, height: 1, overflow: 'hidden' }}>
          <Form.Item name="website" label="网址">
            <Input tabIndex={-1} autoComplete="off" />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" size="large" loading={isSending} data-testid="public-submit">
          提交投诉
        </Button>
      </Form>
    </Card>
  );
}
