'use client';

// 登记申请: staff register an application that came by letter (received the day it was signed for) or in person
// (the day it was submitted), Art. 31; the API assigns the tracking code and starts the reply clock at receivedAt.
import { Alert, Button, Col, Drawer, Form, Radio, Row, Space } from 'antd';
import { useState } from 'react';
import { shanghaiDayOf } from '../../../../lib/calendar/ymd';
import type { DepartmentOption } from '../../../../lib/complaints/queries';
import { intakeSchema } from '../../../../lib/requests/schemas';
import {
  APPLICATION_DEFAULTS,
  APPLICATION_FIELD_PATHS,
  ApplicationFields,
  applicationBody,
  type ApplicationValues,
} from '../../../_client/application-fields';
import { schemaRule, showFieldErrors } from '../../../_client/schema-rule';
import { DayPicker } from '../../_components/day-pickers';

type Channel = 'letter' | 'in_person';
type Values = ApplicationValues & { channel: Channel; receivedAt?: string };

export function RegisterRequestDrawer(props: {
  open: boolean;
  departments: DepartmentOption[];
  onClose: () => void;
  onFiled: (id: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [isSaving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const channel = Form.useWatch('channel', form) ?? 'letter';
  const receivedAt = Form.useWatch('receivedAt', form);
  const today = shanghaiDayOf(new Date());
  // a department registers what it received itself: its one agency is chosen already
  const only = props.departments.length === 1 ? props.departments[0] : undefined;
  const ownAgency = only ? { regionId: only.regionId, departmentId: only.id } : {};
  const bodyOf = (values: Values) => ({ ...applicationBody(values, values.channel), ...(values.receivedAt ? { receivedAt: values.receivedAt } : {}) });

  async function submit(values: Values) {
    setSaving(true);
    setFailure(null);
    const response = await fetch('/api/v1/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bodyOf(values)),
    }).catch(() => null);
    setSaving(false);
    if (!response) return setFailure('网络异常，请稍后重试');
    const answer = (await response.json().catch(() => ({}))) as { id?: number; error?: { message: string; fields?: Record<string, string> } };
    if (response.ok && answer.id) {
      form.resetFields();
      return props.onFiled(answer.id);
    }
    const rest = showFieldErrors(form, answer.error?.fields ?? {}, [...APPLICATION_FIELD_PATHS, 'channel', 'receivedAt']);
    setFailure([answer.error?.message ?? '登记失败，请稍后重试', ...Object.values(rest)].join('：'));
  }

  return (
    <Drawer
      title="登记政府信息公开申请"
      open={props.open}
      onClose={props.onClose}
      size="large"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={isSaving} onClick={() => form.submit()} data-testid="register-request-submit">
            登记
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="register-request-failure" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ ...APPLICATION_DEFAULTS, channel: 'letter', receivedAt: today, delivery: 'post', format: 'paper', ...ownAgency }}
        onFinish={submit}
        requiredMark="optional"
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="channel" label="申请方式" required>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'letter', label: '信函' },
                  { value: 'in_person', label: '当面' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="receivedAt"
              label={channel === 'letter' ? '签收日期' : '当面提交日期'}
              extra="即收到申请之日，答复期限自次日起计算"
              rules={[schemaRule(() => intakeSchema.safeParse(bodyOf(form.getFieldsValue(true) as Values)), ['receivedAt'], true)]}
            >
              <DayPicker max={today} style={{ width: 200 }} aria-label="收到申请日期" />
            </Form.Item>
          </Col>
        </Row>
        <ApplicationFields form={form} departments={props.departments} channel={channel} extraBody={receivedAt ? { receivedAt } : {}} />
      </Form>
    </Drawer>
  );
}
