'use client';

// 解除 (a reason is required) and 指派 (a department of the alert's region, optionally a position).
import { Alert as Notice, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Alert } from '../../../lib/alerts/alert';
import type { Assignee } from '../../../lib/alerts/assign-alert';
import { LEVEL_NAMES } from '../../../lib/alerts/labels';
import { fetchAssignees } from './wall-api';

function AlertLine({ alert }: { alert: Alert }) {
  return (
    <Typography.Paragraph style={{ marginBottom: 16, background: '#f7f8fa', padding: '8px 12px', borderRadius: 4 }}>
      <Typography.Text strong>{LEVEL_NAMES[alert.level]}</Typography.Text>
      <Typography.Text type="secondary"> · {alert.departmentName}</Typography.Text>
      <br />
      <Typography.Text>{alert.subject.title}</Typography.Text>
      <br />
      <Typography.Text type="danger">{alert.message}</Typography.Text>
    </Typography.Paragraph>
  );
}

/** 解除 with a reason, for one alert or many: what is resolved goes in `children`. */
export function ResolveReasonDialog(props: {
  open: boolean;
  title: string;
  placeholder: string;
  children: ReactNode;
  onCancel: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [isSaving, setSaving] = useState(false);
  const { open } = props;

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const { reason } = await form.validateFields();
    setSaving(true);
    try {
      await props.onSubmit(reason.trim());
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={props.title}
      open={open}
      okText="解除"
      okButtonProps={{ danger: true, loading: isSaving }}
      cancelText="取消"
      onOk={() => void submit().catch(() => {})}
      onCancel={props.onCancel}
      destroyOnHidden
      width={520}
    >
      {props.children}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label="解除原因"
          rules={[
            { required: true, whitespace: true, message: '请填写解除原因' },
            { min: 2, message: '解除原因至少 2 个字' },
            { max: 500, message: '解除原因不超过 500 字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={props.placeholder} autoFocus data-testid="resolve-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ResolveDialog(props: {
  alert: Alert | null;
  onCancel: () => void;
  onSubmit: (alert: Alert, reason: string) => Promise<void>;
}) {
  const { alert } = props;
  return (
    <ResolveReasonDialog
      open={alert !== null}
      title="解除预警"
      placeholder="例如：经核实已在政务服务中心公开栏公开"
      onCancel={props.onCancel}
      onSubmit={(reason) => (alert ? props.onSubmit(alert, reason) : Promise.resolve())}
    >
      {alert && <AlertLine alert={alert} />}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        人工解除视为已接受的例外：该事项再次变更前，同一规则不会对其重复预警。
      </Typography.Paragraph>
    </ResolveReasonDialog>
  );
}

export function AssignDialog(props: {
  /** The alert, or for a bulk assignment one of the ticked alerts: its region's departments are offered. */
  alert: Alert | null;
  /** How many alerts a bulk assignment hands over; absent for one alert. */
  count?: number;
  onCancel: () => void;
  onSubmit: (alert: Alert, departmentId: number, positionId: number | null) => Promise<void>;
}) {
  const [form] = Form.useForm<{ departmentId: number; positionId?: number }>();
  const [assignees, setAssignees] = useState<Assignee[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const departmentId = Form.useWatch('departmentId', form);
  const { alert } = props;

  useEffect(() => {
    if (!alert) return;
    let isCurrent = true;
    form.setFieldsValue({
      departmentId: alert.assignedDepartmentId ?? alert.departmentId,
      positionId: alert.assignedPositionId ?? undefined,
    });
    fetchAssignees(alert.id).then(
      (page) => {
        if (!isCurrent) return;
        setAssignees(page.data);
        setLoadError(null);
      },
      (error: Error) => {
        if (isCurrent) setLoadError(error.message);
      },
    );
    return () => {
      isCurrent = false;
      setAssignees(null);
    };
  }, [alert, form]);

  const positions = useMemo(
    () => assignees?.find((entry) => entry.departmentId === departmentId)?.positions ?? [],
    [assignees, departmentId],
  );
  // until the list arrives, the preselected department shows by name, not by its id
  const departmentOptions = useMemo(() => {
    if (assignees) return assignees.map((entry) => ({ value: entry.departmentId, label: entry.departmentName }));
    if (!alert) return [];
    const id = alert.assignedDepartmentId ?? alert.departmentId;
    return [{ value: id, label: (alert.assignedDepartmentId ? alert.assignedDepartmentName : alert.departmentName) ?? '' }];
  }, [assignees, alert]);

  const submit = async () => {
    if (!alert) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      await props.onSubmit(alert, values.departmentId, values.positionId ?? null);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={props.count === undefined ? '指派预警' : `批量指派 ${props.count} 条预警`}
      open={alert !== null}
      okText="指派"
      okButtonProps={{ loading: isSaving, disabled: !assignees }}
      cancelText="取消"
      onOk={() => void submit().catch(() => {})}
      onCancel={props.onCancel}
      destroyOnHidden
      width={520}
    >
      {alert && props.count === undefined && <AlertLine alert={alert} />}
      {props.count !== undefined && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          只能指派给预警所在区域的部门，其他区域的预警将说明原因、不予指派。
        </Typography.Paragraph>
      )}
      {loadError && <Notice type="error" showIcon message={`可指派部门加载失败：${loadError}`} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="departmentId" label="指派给部门" rules={[{ required: true, message: '请选择指派部门' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={!assignees && !loadError}
            placeholder="选择预警所在区域的部门"
            options={departmentOptions}
            onChange={() => form.setFieldValue('positionId', undefined)}
          />
        </Form.Item>
        <Form.Item name="positionId" label="岗位（可选）">
          <Select
            allowClear
            placeholder={positions.length > 0 ? '不指定岗位' : '该部门未设岗位'}
            disabled={positions.length === 0}
            options={positions.map((position) => ({ value: position.id, label: position.name }))}
          />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">未确认的预警在指派时一并确认。</Typography.Text>
    </Modal>
  );
}
