'use client';

import { Alert as Notice, App, Button, Form, Input, Modal, Select, Space, Switch, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { RULE_KIND_LABELS } from '../../../../lib/alerts/labels';
import { DOMAIN_LABELS, DOMAINS } from '../../../../lib/catalog/domains';
import type { RegionSummary } from '../../../../lib/regions/queries';
import { RULE_PARAM_FIELDS } from '../../../../lib/rules/param-labels';
import type { RuleChangePreview } from '../../../../lib/rules/store/preview-rule-change';
import type { RuleKind } from '../../../../lib/rules/rule';
import { PreviewResult } from './rule-editor';
import { RuleParamFields } from './rule-param-fields';

const KINDS: RuleKind[] = ['deadline', 'completeness', 'channel'];
const DEFAULTS: Record<string, unknown> = { warnWorkingDays: 3, severeWorkingDays: 10, checkIndexNoFormat: true, maxSummaryLength: 100, requirePublisherFullName: true };

type Values = Record<string, unknown> & { kind: RuleKind; name: string; scopeRegionCode: string; scopeDomain?: string; level: string; enabled: boolean };

// 新增规则: a rule for the user's region (or a region below it), previewed before it is saved
export function NewRuleDialog({ regions, onClose }: { regions: RegionSummary[]; onClose: () => void }) {
  const router = useRouter();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = (Form.useWatch('kind', form) ?? 'deadline') as RuleKind;
  const [preview, setPreview] = useState<RuleChangePreview | null>(null);
  const [isBusy, setBusy] = useState<'preview' | 'save' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function send(dryRun: boolean) {
    const values = await form.validateFields();
    const params = Object.fromEntries(RULE_PARAM_FIELDS[values.kind].map((field) => [field.key, values[field.key]]));
    setBusy(dryRun ? 'preview' : 'save');
    setError(null);
    const response = await fetch(`/api/v1/rules${dryRun ? '?dryRun=1' : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: values.kind,
        name: values.name,
        scopeRegionCode: values.scopeRegionCode,
        scopeDomain: values.scopeDomain ?? null,
        params,
        level: values.kind === 'deadline' ? 'yellow' : values.level,
        enabled: values.enabled,
      }),
    }).catch(() => null);
    const json = response ? await response.json().catch(() => null) : null;
    setBusy(null);
    if (!response?.ok) {
      setError(json?.error?.message ?? '请求失败，请检查网络后重试');
      return null;
    }
    return json;
  }

  return (
    <Modal
      open
      width={720}
      title="新增监督规则"
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button loading={isBusy === 'preview'} onClick={async () => setPreview((await send(true)) as RuleChangePreview | null)}>
            预览影响
          </Button>
          <Button
            type="primary"
            disabled={!preview}
            loading={isBusy === 'save'}
            onClick={async () => {
              if (!(await send(false))) return;
              message.success('规则已创建，正在按新规则重新检查');
              onClose();
              router.refresh();
            }}
          >
            保存
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        wrapperCol={{ span: 16 }}
        initialValues={{ kind: 'deadline', level: 'orange', enabled: true, scopeRegionCode: regions.length === 1 ? regions[0]!.code : undefined, ...DEFAULTS }}
        onValuesChange={() => setPreview(null)}
      >
        <Form.Item name="scopeRegionCode" label="适用区域" rules={[{ required: true, message: '请选择适用区域' }]} extra="规则适用于该区域及其下级区域，范围越具体越优先">
          <Select showSearch optionFilterProp="label" options={regions.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))} />
        </Form.Item>
        <Form.Item name="scopeDomain" label="限定领域">
          <Select allowClear placeholder="全部领域" options={DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[d] }))} />
        </Form.Item>
        <Form.Item name="kind" label="规则类型">
          <Select options={KINDS.map((k) => ({ value: k, label: RULE_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="name" label="规则名称" rules={[{ required: true, whitespace: true, message: '请填写规则名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <RuleParamFields kind={kind} />
        <Form.Item name="enabled" label="启用" valuePropName="checked" extra="停用的规则关闭该范围内的这类检查">
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
      </Form>
      {error && <Notice type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {preview ? <PreviewResult preview={preview} /> : <Typography.Text type="secondary">保存前请先预览：按现有数据计算新规则将新增和解除的预警。</Typography.Text>}
    </Modal>
  );
}
