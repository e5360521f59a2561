'use client';

// 申请政府信息公开: a person or an organisation applies online. The hidden 网址 field is a honeypot for bots;
// people never see it. On success the tracking code is shown in groups, with how the application proceeds
// and how to follow it.
import { Alert, Button, Card, Form, Input, Result, Space, Steps, Typography } from 'antd';
import Link from 'next/link';
import { useState } from 'react';
import type { DepartmentOption } from '../../../lib/complaints/queries';
import {
  APPLICATION_DEFAULTS,
  APPLICATION_FIELD_PATHS,
  ApplicationFields,
  applicationBody,
  type ApplicationValues,
} from '../../_client/application-fields';
import { showFieldErrors } from '../../_client/schema-rule';

type Values = ApplicationValues & { website?: string };

export function PublicRequestForm({ departments }: { departments: DepartmentOption[] }) {
  const [form] = Form.useForm<Values>();
  const [isSending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [filed, setFiled] = useState<string | null>(null);

  async function submit(values: Values) {
    setSending(true);
    setFailure(null);
    const body = { ...applicationBody(values, 'online'), ...(values.website ? { website: values.website } : {}) };
    const response = await fetch('/api/v1/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => null);
    setSending(false);
    if (!response) return setFailure('网络异常，请稍后重试');
    const answer = (await response.json().catch(() => ({}))) as { trackingCode?: string; error?: { message: string; fields?: Record<string, string> } };
    if (response.status === 201 && answer.trackingCode) {
      window.scrollTo({ top: 0 });
      return setFiled(answer.trackingCode);
    }
    const rest = showFieldErrors(form, answer.error?.fields ?? {}, APPLICATION_FIELD_PATHS);
    setFailure([answer.error?.message ?? '提交失败，请稍后重试', ...Object.values(rest)].join('：'));
  }

  if (filed) {
    return (
      <Card>
        <Result
          status="success"
          title="申请已提交"
          subTitle="请记下查询码。凭查询码和您联系电话的后4位，可随时查询办理进度和答复。"
          extra={
            <Space orientation="vertical" size={20} align="center">
              <Typography.Text
                copyable={{ text: filed, tooltips: ['复制查询码', '已复制'] }}
                style={{ fontSize: 32, fontFamily: 'ui-monospace, Menlo, monospace', letterSpacing: 3 }}
                data-testid="filed-tracking-code"
              >
                {filed}
              </Typography.Text>
              <Steps
                orientation="vertical"
                size="small"
                current={0}
                style={{ textAlign: 'left', maxWidth: 520 }}
                items={[
                  { title: '提交申请', description: '您的申请已进入受理机关的待办列表。' },
                  { title: '确认收到', description: '工作人员确认收到之日为收到申请之日（条例第三十一条），一般在 1 个工作日内确认。' },
                  {
                    title: '答复',
                    description: '自收到申请之日起 20 个工作日内答复；需要延长的，经批准可延长，最长不超过 20 个工作日。申请内容不明确的，工作人员会一次性告知您补正。',
                  },
                  { title: '送达', description: '答复按您选择的方式送达，也可在进度查询中查看。' },
                ]}
              />
              <Space>
                <Link href={`/public/track?kind=request&code=${filed}`}>
                  <Button type="primary">查询办理进度</Button>
                </Link>
                <Button
                  onClick={() => {
                    form.resetFields();
                    setFiled(null);
                  }}
                >
                  继续申请
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
        申请政府信息公开
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        依据《中华人民共和国政府信息公开条例》，公民、法人或者其他组织可以向行政机关申请获取政府信息。无需登录；提交后获得查询码，凭查询码和联系电话后4位查询办理进度和答复。行政机关自收到申请之日起
        20 个工作日内答复。
      </Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="form-failure" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={APPLICATION_DEFAULTS}
        onFinish={submit}
        requiredMark="optional"
        scrollToFirstError
        data-testid="request-form"
      >
        <ApplicationFields form={form} departments={departments} channel="online" />
        {/* honeypot: hidden from people and from the keyboard; a bot that fills it is turned away */}
        <div aria-hidden style={{ position: 'absolute', left: -10_000, top: 'auto', width: 1, height: 1, overflow: 'hidden' }}>
          <Form.Item name="website" label="网址">
            <Input tabIndex={-1} autoComplete="off" />
          </Form.Item>
        </div>
        <Space size={16} align="center">
          <Button type="primary" htmlType="submit" size="large" loading={isSending} data-testid="public-submit">
            提交申请
          </Button>
          <Typography.Text type="secondary">您填写的个人信息仅用于办理本申请，不会公开。</Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
