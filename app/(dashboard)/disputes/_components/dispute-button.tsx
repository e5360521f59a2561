'use client';

// 申诉: the department's button beside an alert or a deduction — a reason and, optionally, attachments (name and
// link, like an item's), posted to POST /api/v1/disputes; the API's zh-CN refusal (the window closed, a dispute
// already pending) is shown in the dialog.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Alert as Notice, Button, Form, Input, Modal, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { DisputeSubjectType } from '../../../../lib/disputes/schemas';
import { postDispute, type DisputeAttachmentInput } from './dispute-api';

interface Values {
  reason: string;
  attachments?: DisputeAttachmentInput[];
}

export function DisputeButton(props: { subject: { type: DisputeSubjectType; id: number }; title: string; size?: 'small' | 'middle' }) {
  const [isOpen, setOpen] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const router = useRouter();
  const { message } = App.useApp();

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const attachments = (values.attachments ?? []).filter((a) => a && (a.name?.trim() || a.url?.trim()));
      const result = await postDispute(props.subject, values.reason.trim(), attachments);
      if (!result.ok) {
        setError(result.message);
        if (result.fields?.reason) form.setFields([{ name: 'reason', errors: [result.fields.reason] }]);
        return;
      }
      setOpen(false);
      form.resetFields();
      void message.success('申诉已提交，等待政务公开办处理');
      router.refresh();
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button size={props.size ?? 'middle'} onClick={() => setOpen(true)} data-testid="dispute-open">
        申诉
      </Button>
      <Modal
        title={props.subject.type === 'alert' ? '对预警提出申诉' : '对扣分提出申诉'}
        open={isOpen}
        okText="提交申诉"
        cancelText="取消"
        okButtonProps={{ loading: isSaving, 'data-testid': 'dispute-submit' } as ButtonProps}
        onOk={() => void submit().catch(() => {})}
        onCancel={() => {
          setOpen(false);
          setError(null);
        }}
        destroyOnHidden
        width={560}
      >
        <Typography.Paragraph style={{ background: '#f7f8fa', padding: '8px 12px', borderRadius: 4 }}>{props.title}</Typography.Paragraph>
        {error && <Notice type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="dispute-error" />}
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label="申诉理由"
            rules={[
              { required: true, whitespace: true, message: '请填写申诉理由' },
              { min: 2, message: '申诉理由至少 2 个字' },
              { max: 1000, message: '申诉理由不超过 1000 字' },
            ]}
          >
            <Input.TextArea rows={4} placeholder="说明不应预警或不应扣分的事实和依据" data-testid="dispute-reason" />
          </Form.Item>
          <Form.List name="attachments">
            {(fields, { add, remove }) => (
              <Form.Item label="证明材料（可选）" style={{ marginBottom: 0 }}>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: '请填写名称' }]}>
                      <Input placeholder="名称，如：发布页面截图" style={{ width: 180 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'url']}
                      rules={[
                        { required: true, message: '请填写链接' },
                        { pattern: /^https?:\/\/\S+$/, message: '链接应以 http:// 或 https:// 开头' },
                      ]}
                    >
                      <Input placeholder="https://" style={{ width: 260 }} />
                    </Form.Item>
                    <MinusCircleOutlined aria-label="删除附件" onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} disabled={fields.length >= 20}>
                  添加附件
                </Button>
              </Form.Item>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
