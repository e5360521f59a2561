'use client';

// 修改单日: the admin marks one day of a loaded year 放假, 调休上班 or 普通; saving recomputes the deadlines
// that depend on it, as loading the year does.
import { Alert as Notice, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { DayKind } from '../../../../lib/calendar/arrangement';
import { dayOfWeek, type Ymd } from '../../../../lib/calendar/ymd';

const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'];

const dayTitle = (day: Ymd) => `${Number(day.slice(0, 4))} 年 ${Number(day.slice(5, 7))} 月 ${Number(day.slice(8))} 日（周${WEEKDAY_NAMES[dayOfWeek(day)]}）`;

export function EditDayDialog({ day, kind, name, onClose }: { day: Ymd; kind: DayKind; name: string | null; onClose: () => void }) {
  const router = useRouter();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: DayKind; name?: string }>();
  const chosen = Form.useWatch('kind', form) ?? kind;
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isWeekend = dayOfWeek(day) === 0 || dayOfWeek(day) === 6;

  async function submit() {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    const response = await fetch(`/api/v1/calendar/days/${day}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: values.kind, ...(values.kind !== 'normal' && values.name?.trim() ? { name: values.name.trim() } : {}) }),
    }).catch(() => null);
    const body = response ? await response.json().catch(() => null) : null;
    setSaving(false);
    if (!response?.ok) return setError(body?.error?.message ?? '保存失败，请检查网络后重试');
    message.success(body.moved > 0 ? `${day} 已保存，${body.moved} 项公开义务的期限随之调整` : `${day} 已保存`);
    router.refresh();
    onClose();
  }

  return (
    <Modal open title={`修改 ${dayTitle(day)}`} okText="保存" cancelText="取消" onOk={submit} confirmLoading={isSaving} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">保存后，期限跨越这一天的公开义务立即按新的安排重算，相关预警随之更新，并记入审计日志。</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ kind, name: name ?? '' }}>
        <Form.Item name="kind" label="这一天">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'holiday', label: '放假（节假日）' },
              { value: 'workday', label: '调休上班', disabled: !isWeekend },
              { value: 'normal', label: isWeekend ? '普通（周末休息）' : '普通（工作日）' },
            ]}
          />
        </Form.Item>
        {!isWeekend && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            只有周末可以设为调休上班。
          </Typography.Paragraph>
        )}
        {chosen !== 'normal' && (
          <Form.Item name="name" label="节日名称（可不填）">
            <Input maxLength={20} placeholder="如 国庆节" />
          </Form.Item>
        )}
      </Form>
      {error && <Notice type="error" showIcon title={error} />}
    </Modal>
  );
}
