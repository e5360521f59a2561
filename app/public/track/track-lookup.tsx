'use client';

// The lookup card of 进度查询, for complaints and requests alike: a tracking code and the phone's last 4 digits,
// sent to the kind's tracking endpoint; the answer goes to the caller, a refusal is shown under the form.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';

export interface Lookup {
  code: string;
  phone4: string;
}

export function TrackLookup<Tracked>(props: {
  title: string;
  hint: string;
  phoneLabel: string;
  initialCode: string;
  /** 'track' or 'request-track': the prefix of the fields' test ids. */
  testId: string;
  /** The tracking endpoint, e.g. /api/v1/complaints/track. */
  endpoint: string;
  onFound: (tracked: Tracked, lookup: Lookup) => void;
  onMissed: () => void;
}) {
  const [form] = Form.useForm<Lookup>();
  const [failure, setFailure] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(false);

  async function find(values: Lookup) {
    setLoading(true);
    setFailure(null);
    const lookup = { code: values.code.trim().toUpperCase(), phone4: values.phone4.trim() };
    const response = await fetch(`${props.endpoint}/${encodeURIComponent(lookup.code)}?phone4=${encodeURIComponent(lookup.phone4)}`).catch(() => null);
    setLoading(false);
    if (!response) return setFailure('网络异常，请稍后重试');
    const body = (await response.json().catch(() => ({}))) as Tracked & { error?: { message: string } };
    if (!response.ok) {
      props.onMissed();
      return setFailure(body.error?.message ?? '查询失败，请稍后重试');
    }
    props.onFound(body, lookup);
  }

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {props.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{props.hint}</Typography.Paragraph>
      <Form<Lookup> form={form} layout="inline" initialValues={{ code: props.initialCode, phone4: '' }} onFinish={find}>
        <Form.Item name="code" label="查询码" rules={[{ required: true, whitespace: true, message: '请填写查询码' }]}>
          <Input placeholder="如 7K3M-Q9TX-4HPA" maxLength={20} style={{ width: 220, fontFamily: 'ui-monospace, Menlo, monospace' }} data-testid={`${props.testId}-code`} />
        </Form.Item>
        <Form.Item name="phone4" label={props.phoneLabel} rules={[{ required: true, pattern: /^[0-9]{4}$/, message: '请填写4位数字' }]}>
          <Input maxLength={4} inputMode="numeric" style={{ width: 100 }} data-testid={`${props.testId}-phone4`} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={isLoading} data-testid={`${props.testId}-submit`}>
            查询
          </Button>
        </Form.Item>
      </Form>
      {failure && <Alert type="warning" showIcon title={failure} style={{ marginTop: 16 }} data-testid={`${props.testId}-failure`} />}
    </Card>
  );
}
