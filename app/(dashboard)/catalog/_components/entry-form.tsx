'use client';

import { Alert as Notice, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { describeTimeLimit, TIME_LIMIT_KIND_LABELS } from '../../../../lib/catalog/describe-time-limit';
import { AUDIENCE_LABELS, DOMAIN_LABELS, DOMAINS, MODE_LABELS, DISCLOSURE_MODES } from '../../../../lib/catalog/domains';
import { CORE_ELEMENT_KEYS, type EntryInput } from '../../../../lib/catalog/entry-input';
import { parseTimeLimit } from '../../../../lib/catalog/parse-time-limit';
import type { RegionSummary } from '../../../../lib/regions/queries';
import { CHANNEL_LABELS, CHANNELS } from '../../../../lib/rules/evaluate-channels';
import { elementLabel } from '../../../../lib/rules/evaluate-completeness';
import { useDepartments } from '../../admin/_components/use-departments';

export type EntryFormValues = Omit<EntryInput, 'positionId'> & { regionId: string };

interface Props {
  /** Revising an existing entry: its id (any version) — the code cannot change. */
  entryId?: number;
  regions: RegionSummary[];
  initial?: Partial<EntryFormValues>;
}

const EXAMPLES = ['信息形成或变更之日起20个工作日内', '批准后20日内', '每季度', '每年1月31日前', '会议召开前3日'];

/** The structured reading of a time limit, shown while it is typed so the office can confirm it. */
function TimeLimitParse({ text }: { text: string }) {
  const limit = useMemo(() => (text.trim() ? parseTimeLimit(text) : null), [text]);
  if (!limit) return <Typography.Text type="secondary">按目录原文填写，如：{EXAMPLES.join('；')}</Typography.Text>;
  const isMeasurable = limit.kind !== 'unmeasurable';
  return (
    <Space size={8} data-testid="time-limit-parse">
      <Tag color={isMeasurable ? 'blue' : 'orange'}>{TIME_LIMIT_KIND_LABELS[limit.kind]}</Tag>
      <Typography.Text type={isMeasurable ? undefined : 'warning'}>
        {isMeasurable ? `系统理解为：${describeTimeLimit(limit)}` : '无法量化检查，保存后将列入“待完善”'}
      </Typography.Text>
    </Space>
  );
}

export function EntryForm({ entryId, regions, initial }: Props) {
  const router = useRouter();
  const [form] = Form.useForm<EntryFormValues>();
  const regionId = Form.useWatch('regionId', form);
  const mode = Form.useWatch('mode', form);
  const timeLimitText = Form.useWatch('timeLimitText', form) ?? '';
  const { departments, isLoading } = useDepartments(regionId);
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isRevision = entryId !== undefined;

  async function submit(values: EntryFormValues) {
    setSaving(true);
    setError(null);
    const { regionId: region, ...input } = values;
    const body = { ...input, withheldReason: values.mode === 'withheld' ? values.withheldReason : null };
    const response = await fetch(isRevision ? `/api/v1/catalog/${entryId}/versions` : '/api/v1/catalog/entries', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(isRevision ? body : { ...body, regionId: region }),
    }).catch(() => null);
    const json = response ? await response.json().catch(() => null) : null;
    setSaving(false);
    if (!response?.ok) {
      const fields = Object.entries((json?.error?.fields ?? {}) as Record<string, string>).map(([name, message]) => ({ name: name.split('.')[0]!, errors: [message] }));
      if (fields.length > 0) form.setFields(fields as never);
      setError(json?.error?.message ?? '保存失败，请检查网络后重试');
      return;
    }
    router.push(`/catalog/${json.id}?saved=${json.status}`);
    router.refresh();
  }

  return (
    <Card title={isRevision ? `修改事项 ${initial?.code ?? ''}` : '新建公开事项'} style={{ maxWidth: 1080, margin: '0 auto' }}>
      {isRevision && (
        <Notice
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="保存后生成新版本：此后形成的公开义务按新版本计算，已形成的义务仍按原版本。"
        />
      )}
      <Form<EntryFormValues>
        form={form}
        layout="vertical"
        initialValues={{ domain: 'other', audience: 'public', mode: 'proactive', level: 'county', requiredElements: [], channels: ['website'], category: '', ...initial }}
        onFinish={submit}
        scrollToFirstError
      >
        <Row gutter={24}>
          <Col span={8}>
            <Form.Item name="regionId" label="所属区域" rules={[{ required: true, message: '请选择区域' }]}>
              <Select disabled={isRevision} showSearch optionFilterProp="label" options={regions.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="code" label="编码" rules={[{ required: true, message: '请填写编码' }, { pattern: /^[0-9A-Za-z][0-9A-Za-z_.-]*$/, message: '编码只能由字母、数字和 _.- 组成' }]}>
              <Input disabled={isRevision} maxLength={64} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="name" label="事项名称" rules={[{ required: true, whitespace: true, message: '请填写事项名称' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="domain" label="领域" rules={[{ required: true, message: '请选择领域' }]}>
              <Select options={DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[d] }))} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="category" label="类别（一级 › 二级事项）">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="basis" label="公开依据" rules={[{ required: true, whitespace: true, message: '请填写公开依据' }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="content" label="公开内容" rules={[{ required: true, whitespace: true, message: '请填写公开内容' }]}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="departmentId" label="责任部门（公开主体）" rules={[{ required: true, message: '请选择责任部门' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={isLoading}
                disabled={!regionId}
                placeholder={regionId ? '选择部门' : '请先选择区域'}
                options={departments.map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="requiredElements" label="必备要素" extra="可输入自定义字段名（如 三公经费表）后回车">
              <Select
                mode="tags"
                options={CORE_ELEMENT_KEYS.map((key) => ({ value: key, label: elementLabel(key) }))}
                // a typed name that is not a core element becomes an entry-specific field
                onChange={(values: string[]) =>
                  form.setFieldValue(
                    'requiredElements',
                    values.map((v) => ((CORE_ELEMENT_KEYS as readonly string[]).includes(v) || v.startsWith('fields.') ? v : `fields.${v}`)),
                  )
                }
                tagRender={({ value, closable, onClose }) => (
                  <Tag closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }}>
                    {elementLabel(String(value))}
                  </Tag>
                )}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="timeLimitText" label="公开时限（按目录原文）" rules={[{ required: true, whitespace: true, message: '请填写公开时限' }]} extra={<TimeLimitParse text={timeLimitText} />}>
              <Input maxLength={500} placeholder={EXAMPLES[0]} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="channels" label="公开渠道">
              <Checkbox.Group options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="mode" label="公开方式">
              <Radio.Group options={DISCLOSURE_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="audience" label="公开对象">
              <Radio.Group options={(['public', 'specific'] as const).map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="level" label="层级">
              <Radio.Group options={[{ value: 'county', label: '县级' }, { value: 'township', label: '乡镇' }]} />
            </Form.Item>
          </Col>
          {mode === 'withheld' && (
            <Col span={24}>
              <Notice type="warning" showIcon style={{ marginBottom: 12 }} message="不予公开须写明法律依据（公开依据）和理由，提交后经设区市政务公开办审批方生效。" />
              <Form.Item name="withheldReason" label="不予公开理由" rules={[{ required: true, whitespace: true, message: '不予公开的事项须写明理由' }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </Col>
          )}
        </Row>
        {error && <Notice type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={isSaving}>
            {isRevision ? '保存为新版本' : '创建事项'}
          </Button>
          <Button onClick={() => router.back()}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
