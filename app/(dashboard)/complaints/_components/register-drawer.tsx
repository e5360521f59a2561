'use client';

// 登记投诉: a handler registers a phone or on-site complaint (or one brought in from another online source)
// in one form; the API assigns the tracking code and the SLA due times. Region and department are optional,
// as on the public form: a caller who cannot say which department is responsible is dispatched (派单) later.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import type { DepartmentOption } from '../../../../lib/complaints/queries';

/** The explicit 不清楚由哪个部门负责 choice: sent as no departmentId at all. */
const UNKNOWN_DEPARTMENT = 'unknown';

interface Values {
  channel: 'phone' | 'onsite' | 'online';
  name?: string;
  phone: string;
  regionId?: string;
  departmentId?: number | typeof UNKNOWN_DEPARTMENT;
  catalogCode?: string;
  content: string;
  attachments?: { name: string; url: string }[];
}

export function RegisterDrawer(props: { open: boolean; departments: DepartmentOption[]; onClose: () => void; onFiled: (id: number) => void }) {
  const [form] = Form.useForm<Values>();
  const [isSaving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const regionId = Form.useWatch('regionId', form);
  const regions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const d of props.departments) seen.set(d.regionId, d.regionName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [props.departments]);
  const departmentOptions = props.departments
    .filter((d) => !regionId || d.regionId === regionId)
    .map((d) => ({ value: d.id, label: regionId ? d.name : `${d.name}（${d.regionName}）` }));

  async function submit(values: Values) {
    setSaving(true);
    setFailure(null);
    const body = {
      channel: values.channel,
      content: values.content,
      phone: values.phone,
      ...(values.regionId ? { regionId: values.regionId } : {}),
      ...(typeof values.departmentId === 'number' ? { departmentId: values.departmentId } : {}),
      ...(values.name?.trim() ? { name: values.name.trim() } : {}),
      ...(values.catalogCode?.trim() ? { catalogCode: values.catalogCode.trim() } : {}),
      ...(values.attachments?.length ? { attachments: values.attachments.map((a) => ({ name: a.name.trim(), url: a.url.trim() })) } : {}),
    };
    const response = await fetch('/api/v1/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => null);
    setSaving(false);
    if (!response) return setFailure('网络异常，请稍后重试');
    const answer = (await response.json().catch(() => ({}))) as { id?: number; error?: { message: string; fields?: Record<string, string> } };
    if (response.ok && answer.id) {
      form.resetFields();
      return props.onFiled(answer.id);
    }
    const fields = answer.error?.fields ?? {};
    form.setFields(Object.entries(fields).filter(([name]) => name in body || name === 'regionId' || name === 'departmentId').map(([name, message]) => ({ name: name as keyof Values, errors: [message] })));
    setFailure(answer.error?.message ?? '登记失败，请稍后重试');
  }

  return (
    <Drawer
      title="登记投诉"
      open={props.open}
      onClose={props.onClose}
      size="large"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={isSaving} onClick={() => form.submit()} data-testid="register-submit">
            登记
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ channel: 'phone' }} onFinish={submit} requiredMark="optional">
        <Form.Item name="channel" label="投诉渠道" rules={[{ required: true, message: '请选择投诉渠道' }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'phone', label: '电话' },
              { value: 'onsite', label: '现场' },
              { value: 'online', label: '网上' },
            ]}
          />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }} align="start">
          <Form.Item name="name" label="投诉人姓名" style={{ width: 240 }} rules={[{ max: 50, message: '姓名不超过 50 个字' }]}>
            <Input placeholder="可不填" maxLength={50} />
          </Form.Item>
          <Form.Item
            name="phone"
            label="联系电话"
            style={{ width: 280 }}
            rules={[
              { required: true, message: '请填写联系电话' },
              { pattern: /^[0-9+\-\s()]{7,20}$/, message: '请填写正确的电话号码' },
            ]}
          >
            <Input placeholder="手机或带区号的固话" maxLength={20} />
          </Form.Item>
        </Space>
        <Space size={16} style={{ display: 'flex' }} align="start">
          <Form.Item name="regionId" label="所在地区" style={{ width: 240 }} extra="不选则进入本级待派单">
            <Select
              placeholder="选择地区"
              allowClear
              options={regions}
              onChange={() => form.setFieldValue('departmentId', undefined)}
              data-testid="register-region-select"
            />
          </Form.Item>
          <Form.Item name="departmentId" label="投诉涉及的部门" style={{ width: 400 }} extra="不清楚的，登记后再派单">
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              placeholder="输入部门或区域名称查找"
              options={[{ value: UNKNOWN_DEPARTMENT, label: '不清楚由哪个部门负责' }, ...departmentOptions]}
              data-testid="register-department-select"
            />
          </Form.Item>
        </Space>
        <Form.Item name="catalogCode" label="公开事项目录编码" extra="投诉涉及某一公开事项时填写，可不填">
          <Input maxLength={64} placeholder="如 HB-001" />
        </Form.Item>
        <Form.Item
          name="content"
          label="投诉内容"
          rules={[
            { required: true, message: '请填写投诉内容' },
            { min: 10, message: '投诉内容至少 10 个字' },
          ]}
        >
          <Input.TextArea rows={8} maxLength={2000} showCount placeholder="群众反映的问题、涉及的信息、期望的处理" />
        </Form.Item>
        <Form.List name="attachments">
          {(fields, { add, remove }) => (
            <Form.Item label="附件（现场提交的材料、来电录音等，填写存放地址）">
              {fields.map((field) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写附件名称' }]}>
                    <Input placeholder="附件名称" maxLength={200} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'url']} rules={[{ required: true, type: 'url', message: '请填写有效的链接' }]}>
                    <Input placeholder="https://…" maxLength={2048} style={{ width: 380 }} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="删除附件" />
                </Space>
              ))}
              {fields.length < 10 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                  添加附件
                </Button>
              )}
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
