'use client';

import { Alert as Notice, App, Button, Form, Modal, Space, Switch, Table, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { RuleView } from '../../../../lib/rules/store/list-rules';
import { RULE_PARAM_FIELDS } from '../../../../lib/rules/param-labels';
import type { DepartmentEffectView, RuleChangePreview } from '../../../../lib/rules/store/preview-rule-change';
import { RuleParamFields } from './rule-param-fields';

type Values = Record<string, unknown> & { level: RuleView['level']; enabled: boolean };

interface ApiError {
  error?: { message?: string; fields?: Record<string, string> };
}

export function RuleEditor({ rule, onClose }: { rule: RuleView; onClose: () => void }) {
  const router = useRouter();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [preview, setPreview] = useState<RuleChangePreview | null>(null);
  const [isBusy, setBusy] = useState<'preview' | 'save' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fields = RULE_PARAM_FIELDS[rule.kind];

  function body(values: Values) {
    const params = Object.fromEntries(fields.map((field) => [field.key, values[field.key]]));
    return { ...(fields.length > 0 ? { params } : {}), level: values.level, enabled: values.enabled };
  }

  async function send(dryRun: boolean): Promise<unknown> {
    const values = await form.validateFields();
    setError(null);
    setBusy(dryRun ? 'preview' : 'save');
    try {
      const response = await fetch(`/api/v1/rules/${rule.id}${dryRun ? '?dryRun=1' : ''}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body(values)),
      }).catch(() => null);
      const json = response ? await response.json().catch(() => null) : null;
      if (!response?.ok) {
        const failure = json as ApiError | null;
        const fieldErrors = Object.entries(failure?.error?.fields ?? {}).map(([name, errors]) => ({
          name: name.replace(/^params\./, ''),
          errors: [errors],
        }));
        if (fieldErrors.length > 0) form.setFields(fieldErrors);
        setError(failure?.error?.message ?? '请求失败，请检查网络后重试');
        return null;
      }
      return json;
    } finally {
      setBusy(null);
    }
  }

  async function runPreview() {
    const result = (await send(true)) as RuleChangePreview | null;
    if (result) setPreview(result);
  }

  async function save() {
    const result = await send(false);
    if (!result) return;
    message.success('规则已保存，正在按新规则重新检查，预警墙将实时更新');
    onClose();
    router.refresh();
  }

  return (
    <Modal
      open
      title={`修改规则：${rule.name}`}
      width={720}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button onClick={runPreview} loading={isBusy === 'preview'} data-testid="rule-preview">
            预览影响
          </Button>
          <Button type="primary" onClick={save} loading={isBusy === 'save'} disabled={!preview} data-testid="rule-save">
            保存
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 7 }}
        wrapperCol={{ span: 15 }}
        initialValues={{ ...(rule.params as Record<string, unknown>), level: rule.level, enabled: rule.enabled }}
        onValuesChange={() => setPreview(null)}
      >
        <RuleParamFields kind={rule.kind} />
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
      </Form>
      {error && <Notice type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {preview ? <PreviewResult preview={preview} /> : <Typography.Text type="secondary">保存前请先预览：按现有数据计算这次修改将新增和解除的预警。</Typography.Text>}
    </Modal>
  );
}

export function PreviewResult({ preview }: { preview: RuleChangePreview }) {
  const nothing = preview.wouldOpen === 0 && preview.wouldResolve === 0;
  return (
    <div data-testid="rule-preview-result">
      <Notice
        type={nothing ? 'info' : 'warning'}
        showIcon
        message={
          nothing
            ? '按现有数据，这次修改不会新增或解除预警'
            : `这次修改将新增 ${preview.wouldOpen} 条预警、解除 ${preview.wouldResolve} 条，涉及 ${preview.departments.length} 个部门`
        }
        style={{ marginBottom: 12 }}
      />
      {preview.limitsApplyToNewComplaints && (
        <Notice
          type="info"
          showIcon
          data-testid="rule-preview-new-complaints"
          message="新的办理时限从保存后的受理、派单和重办起算；已经起算的时限不变。"
          style={{ marginBottom: 12 }}
        />
      )}
      {!nothing && (
        <Table<DepartmentEffectView>
          size="small"
          rowKey="departmentId"
          dataSource={preview.departments}
          pagination={preview.departments.length > 8 ? { pageSize: 8, size: 'small' } : false}
          columns={[
            { title: '部门', dataIndex: 'departmentName' },
            { title: '区域', dataIndex: 'regionName', width: 140 },
            { title: '新增', dataIndex: 'wouldOpen', width: 80, align: 'right' },
            { title: '解除', dataIndex: 'wouldResolve', width: 80, align: 'right' },
          ]}
        />
      )}
    </div>
  );
}
