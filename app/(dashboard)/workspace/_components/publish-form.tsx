'use client';

// 报送信息: publish or correct an item by hand. Choosing a catalog entry shows its required elements as fields and
// its channels; the side panel holds the draft against them with the completeness rule's own functions, so the
// department sees before it submits what the check will find. Submitting posts to POST /api/v1/items (the CMS
// path): an incomplete item is accepted with its alert, like the API, and the answer says so.
import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert as Notice,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import Link from 'next/link';
import { useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { MODE_LABELS } from '../../../../lib/catalog/domains';
import { isPeriodLimit } from '../../../../lib/obligations/periods';
import { requirementsReport, type RequirementsReport } from '../../../../lib/catalog/requirements-report';
import { completenessMessage } from '../../../../lib/rules/completeness-message';
import { CHANNEL_LABELS, CHANNELS, channelMessage } from '../../../../lib/rules/evaluate-channels';
import { elementLabel } from '../../../../lib/rules/evaluate-completeness';
import { completenessParamsSchema } from '../../../../lib/rules/rule';
import type { ItemDraft, PublishableEntry, PublishForm as PublishFormData } from '../../../../lib/workspace/get-publish-form';
import { formFieldOf, publishPayload } from '../../../../lib/workspace/publish-payload';

const { Text } = Typography;

interface FormValues {
  entryId?: number;
  title?: string;
  formedDay?: Dayjs;
  eventDay?: Dayjs;
  isPublished: boolean;
  publishedAt?: Dayjs;
  channels: string[];
  url?: string;
  indexNo?: string;
  docNo?: string;
  publisher?: string;
  summary?: string;
  body?: string;
  attachments?: { name?: string; url?: string; note?: string }[];
  fields?: Record<string, string | undefined>;
}

interface Submitted {
  id: number;
  title: string;
  created: boolean;
  changed: boolean;
  isPublished: boolean;
  report: RequirementsReport;
  entry: PublishableEntry;
}

const CORE_ELEMENTS = ['indexNo', 'docNo', 'publisher', 'summary', 'body'] as const;
// the clock skew ingest allows between publishedAt and the time it receives the item (MAX_CLOCK_SKEW_MS)
const PUBLISHED_AT_SKEW_MS = 5 * 60_000;

const noSubscribe = () => () => {};
/** The form reads the browser's clock and time zone: it renders in the browser only, after a skeleton. */
const useIsBrowser = () => useSyncExternalStore(noSubscribe, () => true, () => false);

// unique within the department (ingest upserts by department and externalId); a retry after an error reuses it
const newExternalId = () => `manual-${dayjs().format('YYYYMMDDHHmmss')}-${Math.random().toString(36).slice(2, 8)}`;

function initialValues(item: ItemDraft | null, entry: PublishableEntry | undefined, now: string): FormValues {
  if (!item) {
    return { entryId: entry?.id, isPublished: true, formedDay: dayjs(now), publishedAt: dayjs(now), channels: entry ? [...entry.channels] : [], fields: {} };
  }
  return {
    entryId: item.entryId,
    title: item.title,
    formedDay: dayjs(item.formedAt),
    eventDay: item.eventAt ? dayjs(item.eventAt) : undefined,
    isPublished: true,
    // an unpublished item is usually corrected to publish it now
    publishedAt: dayjs(item.publishedAt ?? now),
    // publishing an item reported unpublished: on every channel the catalog names, unless it already says where
    channels: item.publishedAt === null && item.channels.length === 0 && entry ? [...entry.channels] : [...item.channels],
    url: item.url ?? undefined,
    indexNo: item.indexNo ?? undefined,
    docNo: item.docNo ?? undefined,
    publisher: item.publisher ?? undefined,
    summary: item.summary ?? undefined,
    body: item.body ?? undefined,
    attachments: item.attachments.map((a) => ({ ...a })),
    fields: { ...item.fields },
  };
}

/** The draft's elements as the completeness rule reads an item. */
function draftReport(values: Partial<FormValues>, entry: PublishableEntry, department: PublishFormData['department'], now: string): RequirementsReport {
  return requirementsReport({
    item: {
      indexNo: values.indexNo,
      docNo: values.docNo,
      publisher: values.publisher,
      summary: values.summary,
      body: values.body,
      url: values.url,
      attachments: (values.attachments ?? [])
        .map((a) => ({ name: a?.name ?? '', url: a?.url ?? '' }))
        .filter((a) => a.name.trim() !== '' || a.url.trim() !== ''),
      fields: Object.fromEntries(Object.entries(values.fields ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '')),
      formedAt: (values.formedDay ?? dayjs(now)).toDate(),
      channels: values.channels ?? [],
    },
    entry,
    department,
    // with the check switched off the form still shows the catalog's requirements, by the default rules (as the item page)
    params: entry.completeness ?? completenessParamsSchema.parse({}),
  });
}

/** The field names of the entry's fields.<name> elements, then any other the item already has. */
function entryFieldNames(entry: PublishableEntry | undefined, item: ItemDraft | null): string[] {
  const named = (entry?.requiredElements ?? []).filter((key) => key.startsWith('fields.')).map((key) => key.slice('fields.'.length));
  return [...new Set([...named, ...Object.keys(item?.fields ?? {})])];
}

export function PublishForm(props: { form: PublishFormData; entryId?: number; now: string }) {
  const isBrowser = useIsBrowser();
  if (!isBrowser) {
    return (
      <Card style={{ maxWidth: 1280, margin: '0 auto' }} data-testid="publish-loading">
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  }
  return <PublishFormBody {...props} />;
}

function PublishFormBody({ form: data, entryId, now }: { form: PublishFormData; entryId?: number; now: string }) {
  const { department, entries, item } = data;
  const [form] = Form.useForm<FormValues>();
  const startEntry = entries.find((e) => e.id === (item?.entryId ?? entryId)) ?? (entries.length === 1 ? entries[0] : undefined);
  const initial = useMemo(() => initialValues(item, startEntry, now), [item, startEntry, now]);
  const values = (Form.useWatch((all: FormValues) => all, form) ?? initial) as Partial<FormValues>;
  const entry = entries.find((e) => e.id === values.entryId);
  const report = entry ? draftReport(values, entry, department, now) : null;
  const fieldNames = entryFieldNames(entry, item);
  const externalId = useRef<string | null>(item?.externalId ?? null);
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const isPublishedBefore = item?.publishedAt != null;

  if (submitted) return <SubmittedView submitted={submitted} />;

  function chooseEntry(id: number) {
    const chosen = entries.find((e) => e.id === id);
    // a new item starts on every channel the catalog names
    if (chosen && !item) form.setFieldValue('channels', [...chosen.channels]);
  }

  async function submit(v: FormValues) {
    const chosen = entries.find((e) => e.id === v.entryId);
    if (!chosen || !v.formedDay) return;
    setSaving(true);
    setError(null);
    externalId.current ??= newExternalId();
    // a day left as it was keeps the stored instant, so a correction does not move the clock by hours
    const keepDay = (stored: string | null | undefined, picked: Dayjs | undefined) =>
      picked === undefined ? null : stored && dayjs(stored).isSame(picked, 'day') ? stored : picked.format('YYYY-MM-DD');
    const publishedAt =
      v.isPublished && v.publishedAt ? (item?.publishedAt && dayjs(item.publishedAt).isSame(v.publishedAt) ? item.publishedAt : v.publishedAt.toISOString()) : null;
    const payload = publishPayload({
      externalId: externalId.current,
      catalogCode: chosen.code,
      title: v.title ?? '',
      formedAt: keepDay(item?.formedAt, v.formedDay) ?? v.formedDay.format('YYYY-MM-DD'),
      eventAt: chosen.timeLimit.kind === 'before_event' ? keepDay(item?.eventAt, v.eventDay) : null,
      publishedAt,
      channels: v.channels ?? [],
      url: v.url,
      indexNo: v.indexNo,
      docNo: v.docNo,
      publisher: v.publisher,
      summary: v.summary,
      body: v.body,
      attachments: v.attachments,
      fields: v.fields,
    });
    const response = await fetch('/api/v1/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    }).catch(() => null);
    const json = response ? await response.json().catch(() => null) : null;
    setSaving(false);
    if (!response || !response.ok || typeof json?.id !== 'number') {
      const fields = Object.entries((json?.error?.fields ?? {}) as Record<string, string>);
      const placed = fields.flatMap(([key, message]) => {
        const name = formFieldOf(key);
        return name ? [{ name, errors: [message] }] : [];
      });
      if (placed.length > 0) form.setFields(placed as never);
      setError(response ? (json?.error?.message ?? `提交失败（${response.status}），请稍后重试`) : '提交失败，请检查网络后重试');
      return;
    }
    setSubmitted({
      id: json.id,
      title: v.title ?? '',
      created: response.status === 201,
      changed: json.changed === true,
      isPublished: publishedAt !== null,
      report: draftReport(v, chosen, department, now),
      entry: chosen,
    });
  }

  const required = new Set(entry?.requiredElements ?? []);
  const requiredTag = (key: string) =>
    required.has(key) ? (
      <Tag color="red" style={{ marginInlineStart: 6 }}>
        目录要求
      </Tag>
    ) : null;
  const elementProblems = (key: string) => report?.elements.find((e) => e.key === key && e.status !== 'ok')?.messages.join('；');

  return (
    <div style={{ maxWidth: 1280, margin: '0 auto' }}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link href="/workspace">我的工作台</Link> }, { title: item ? '更正信息' : '报送信息' }]}
      />
      <Row gutter={16} align="top">
        <Col span={15}>
          <Card title={item ? `更正信息：${item.title}` : '报送信息'} data-testid="publish-form">
            {item?.withdrawnAt && (
              <Notice type="warning" showIcon style={{ marginBottom: 16 }} title="该信息已撤回" description="更正后仍为已撤回状态；如需重新公开，请作为新信息报送。" />
            )}
            {error && <Notice type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={error} data-testid="publish-error" />}
            {entries.length === 0 && (
              <Notice type="info" showIcon style={{ marginBottom: 16 }} title="本部门没有负责的公开事项" description="请联系本级政务公开办在公开目录中为本部门设置事项后再报送。" />
            )}
            {entry && isPeriodLimit(entry.timeLimit) && !item && (
              <Notice
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title="定期公开事项"
                description="发布后，将履行本部门该事项最早一期尚未履行的公开义务（逾期的仍记为逾期公开）。"
                data-testid="publish-period-note"
              />
            )}
            <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit} scrollToFirstError>
              <Form.Item name="entryId" label="目录事项" rules={[{ required: true, message: '请选择目录事项' }]} extra={item ? '已报送信息的目录事项不能更改' : undefined}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  disabled={item !== null}
                  placeholder="选择本部门负责的公开事项"
                  onChange={chooseEntry}
                  options={entries.map((e) => ({ value: e.id, label: `${e.code} ${e.name}` }))}
                  data-testid="entry-select"
                />
              </Form.Item>
              <Form.Item
                name="title"
                label="标题"
                rules={[
                  { required: true, whitespace: true, message: '请填写标题' },
                  { max: 500, message: '标题不能超过 500 个字符' },
                ]}
              >
                <Input placeholder="如：关于某建设项目环境影响报告表的批复" />
              </Form.Item>
              <Row gutter={16}>
                <Col span={entry?.timeLimit.kind === 'before_event' ? 8 : 12}>
                  <Form.Item
                    name="formedDay"
                    label="信息形成日期"
                    rules={[{ required: true, message: '请选择信息形成日期' }]}
                    extra="时限自形成次日起计算"
                  >
                    <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} data-testid="formed-day" />
                  </Form.Item>
                </Col>
                {entry?.timeLimit.kind === 'before_event' && (
                  <Col span={8}>
                    <Form.Item name="eventDay" label="事件（会议）日期" rules={[{ required: true, message: '该事项须在事件前公开，请选择事件日期' }]}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                )}
                <Col span={entry?.timeLimit.kind === 'before_event' ? 8 : 12}>
                  <Form.Item label="发布时间" htmlFor="publishedAt" required={values.isPublished}>
                    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                      <Form.Item name="isPublished" valuePropName="checked" noStyle>
                        <Switch checkedChildren="已发布" unCheckedChildren="未发布" disabled={isPublishedBefore} />
                      </Form.Item>
                      <Form.Item
                        name="publishedAt"
                        noStyle
                        dependencies={['isPublished', 'formedDay']}
                        rules={[
                          ({ getFieldValue }) => ({
                            validator: async (_, value: Dayjs | undefined) => {
                              if (!getFieldValue('isPublished')) return;
                              if (!value) throw new Error('请选择发布时间');
                              if (value.valueOf() > Date.now() + PUBLISHED_AT_SKEW_MS) throw new Error('发布时间不能晚于现在，请在实际发布后再报送');
                              const formed = getFieldValue('formedDay') as Dayjs | undefined;
                              if (formed && value.isBefore(formed.startOf('day'))) throw new Error('发布时间早于信息形成日期');
                            },
                          }),
                        ]}
                      >
                        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabled={!values.isPublished} style={{ flex: 1 }} data-testid="published-at" />
                      </Form.Item>
                    </div>
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="channels" label="公开渠道" extra={entry ? '标注“目录要求”的渠道均须发布，缺一将产生渠道预警' : undefined}>
                <Checkbox.Group
                  options={CHANNELS.map((channel) => ({
                    value: channel,
                    label: (
                      <span>
                        {CHANNEL_LABELS[channel]}
                        {entry?.channels.includes(channel) && (
                          <Text type="danger" style={{ fontSize: 12 }}>
                            （目录要求）
                          </Text>
                        )}
                      </span>
                    ),
                  }))}
                />
              </Form.Item>
              <Form.Item name="url" label="链接地址" extra={<Problem text={elementProblems('url')} />}>
                <Input placeholder="https://…（信息在政府网站上的地址）" />
              </Form.Item>

              <Typography.Title level={5} style={{ marginTop: 8 }}>
                公开要素
              </Typography.Title>
              {CORE_ELEMENTS.map((key) => {
                const problem = elementProblems(key);
                const label = (
                  <span>
                    {elementLabel(key)}
                    {requiredTag(key)}
                  </span>
                );
                const placeholder =
                  key === 'indexNo'
                    ? `${department.orgCode}/${dayjs().year()}-00001`
                    : key === 'publisher'
                      ? department.name
                      : key === 'summary'
                        ? `不超过 ${(entry?.completeness ?? completenessParamsSchema.parse({})).maxSummaryLength} 字`
                        : undefined;
                return (
                  <Form.Item key={key} name={key} label={label} extra={<Problem text={problem} />}>
                    {key === 'body' ? (
                      <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} placeholder="正文" />
                    ) : key === 'summary' ? (
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={placeholder} showCount />
                    ) : (
                      <Input placeholder={placeholder} />
                    )}
                  </Form.Item>
                );
              })}
              <Form.Item
                label={
                  <span>
                    附件{requiredTag('attachments')}
                  </span>
                }
                extra={<Problem text={elementProblems('attachments')} />}
              >
                <Form.List name="attachments">
                  {(rows, { add, remove }) => (
                    <div>
                      {rows.map((row) => (
                        <Space key={row.key} align="baseline" style={{ display: 'flex', marginBottom: 8 }}>
                          <Form.Item name={[row.name, 'name']} noStyle>
                            <Input placeholder="附件名称" style={{ width: 200 }} />
                          </Form.Item>
                          <Form.Item name={[row.name, 'url']} noStyle>
                            <Input placeholder="https://…" style={{ width: 280 }} />
                          </Form.Item>
                          <Form.Item name={[row.name, 'note']} noStyle>
                            <Input placeholder="说明（空表时写明原因）" style={{ width: 180 }} />
                          </Form.Item>
                          <Button type="text" aria-label="删除附件" icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} />
                        </Space>
                      ))}
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', url: '' })}>
                        添加附件
                      </Button>
                    </div>
                  )}
                </Form.List>
              </Form.Item>
              {fieldNames.map((name) => {
                const problem = elementProblems(`fields.${name}`);
                return (
                  <Form.Item
                    key={name}
                    name={['fields', name]}
                    label={
                      <span>
                        {name}
                        {requiredTag(`fields.${name}`)}
                      </span>
                    }
                    extra={<Problem text={problem} />}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder={`${name}的内容或链接；为空表时写明原因`} />
                  </Form.Item>
                );
              })}
              <Form.Item style={{ marginBottom: 0, marginTop: 8 }}>
                <Space>
                  <Button type="primary" htmlType="submit" loading={isSaving} size="large" data-testid="publish-submit">
                    {item ? '提交更正' : '提交报送'}
                  </Button>
                  <Button href="/workspace" size="large">
                    取消
                  </Button>
                  <Text type="secondary">外部编号：{item ? item.externalId : '提交时自动生成'}</Text>
                </Space>
              </Form.Item>
            </Form>
          </Card>
        </Col>
        <Col span={9} style={{ position: 'sticky', top: 16 }}>
          <RequirementsPanel entry={entry} report={report} isPublished={values.isPublished !== false} />
        </Col>
      </Row>
    </div>
  );
}

/** What the completeness check will find in this element, under it (an error the API sends is shown apart). */
function Problem({ text }: { text: string | undefined }) {
  return text ? (
    <Text type="warning" style={{ fontSize: 13 }}>
      {text}
    </Text>
  ) : null;
}

/** The entry's limit and channels, and the draft held against its required elements and channels, live. */
function RequirementsPanel({ entry, report, isPublished }: { entry: PublishableEntry | undefined; report: RequirementsReport | null; isPublished: boolean }) {
  if (!entry || !report) {
    return (
      <Card title="公开要求">
        <Text type="secondary">选择目录事项后，这里列出该事项要求的公开要素和渠道，并随填写逐项核对。</Text>
      </Card>
    );
  }
  const willAlert = isPublished && ((entry.completeness !== null && report.findings.length > 0) || (entry.isChannelChecked && report.missingChannels.length > 0));
  return (
    <Card title="公开要求" data-testid="publish-requirements">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'entry', label: '事项', children: `${entry.code} ${entry.name}` },
          { key: 'limit', label: '公开时限', children: entry.timeLimit.text },
          { key: 'mode', label: '公开方式', children: MODE_LABELS[entry.mode] },
        ]}
      />
      <div style={{ marginTop: 8 }}>
        {report.elements.length === 0 && <Text type="secondary">该事项未列必填要素</Text>}
        {report.elements.map((element) => (
          <div key={element.key} style={{ display: 'flex', gap: 8, padding: '3px 0' }} data-testid="requirement-element">
            {element.status === 'ok' ? <CheckCircleFilled style={{ color: '#389e0d', marginTop: 4 }} /> : <CloseCircleFilled style={{ color: '#cf1322', marginTop: 4 }} />}
            <span>
              {element.label}
              {!element.isRequired && <Text type="secondary">（非必填）</Text>}
              {element.messages.length > 0 && (
                <Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                  {element.messages.join('；')}
                </Text>
              )}
            </span>
          </div>
        ))}
        <div style={{ marginTop: 8 }}>
          {report.channels.map((channel) => (
            <Tag key={channel.channel} color={channel.isPublished ? 'success' : channel.isRequired ? 'error' : 'default'}>
              {channel.label}
              {channel.isRequired ? '' : '（非必需）'}
            </Tag>
          ))}
        </div>
      </div>
      {willAlert ? (
        <Notice
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title="可以提交，但会产生预警"
          description="与接口报送一致：缺少要素或渠道的信息照常接收，同时产生预警；补全后预警自动解除。"
          data-testid="publish-will-alert"
        />
      ) : (
        isPublished && <Notice type="success" showIcon style={{ marginTop: 12 }} title="要素和渠道齐全" />
      )}
    </Card>
  );
}

function SubmittedView({ submitted }: { submitted: Submitted }) {
  const { report, entry } = submitted;
  const isIncomplete = submitted.isPublished && entry.completeness !== null && report.findings.length > 0;
  const isOffChannel = submitted.isPublished && entry.isChannelChecked && report.missingChannels.length > 0;
  const title = submitted.created ? '已报送' : submitted.changed ? '已更正' : '内容与上次报送相同，未作更改';
  return (
    <Card style={{ maxWidth: 960, margin: '0 auto' }} data-testid="publish-result">
      <Result
        status={isIncomplete || isOffChannel ? 'warning' : 'success'}
        title={title}
        subTitle={`${submitted.title}（${entry.code} ${entry.name}）${submitted.isPublished ? '' : '，尚未发布：发布后请更正并填写发布时间'}`}
        extra={
          <Space wrap style={{ justifyContent: 'center' }}>
            <Button type="primary" href="/workspace" data-testid="back-to-workspace">
              返回工作台
            </Button>
            {(isIncomplete || isOffChannel || !submitted.isPublished) && <Button href={`/workspace/publish?item=${submitted.id}`}>继续更正</Button>}
            <Button href={`/items/${submitted.id}`}>查看信息详情</Button>
            <Button href="/workspace/publish">再报送一条</Button>
          </Space>
        }
      >
        {isIncomplete && (
          <Notice
            type="warning"
            showIcon
            title={completenessMessage(report.findings)}
            description="信息已接收（与接口报送一致），同时产生“要素完整性”预警，显示在工作台的待处理预警中；补全后预警自动解除。"
            data-testid="publish-incomplete"
          />
        )}
        {isOffChannel && (
          <Notice
            type="warning"
            showIcon
            style={{ marginTop: isIncomplete ? 12 : 0 }}
            title={channelMessage(report.missingChannels)}
            description="信息已接收，同时产生“公开渠道”预警；在所缺渠道发布后更正渠道，预警自动解除。"
            data-testid="publish-off-channel"
          />
        )}
      </Result>
    </Card>
  );
}
