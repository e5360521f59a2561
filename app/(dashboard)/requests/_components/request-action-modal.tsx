'use client';

// The form of each step of a request (DESIGN §3 actions): 确认收到, 告知补正 (what and the period), 登记补正,
// 征求意见 (with whom) and its end, 延期答复 (working days, approver, reason; once), 答复 (type, text, the legal
// basis 部分公开 and 不予公开 need, attachments), 送达 (method, date), 归档 and 撤回. Every field is checked by
// the API's action schema before sending, and an API refusal naming a field is shown beside it.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { shanghaiDayOf } from '../../../../lib/calendar/ymd';
import {
  DELIVERY_LABELS,
  DELIVERY_METHODS,
  REPLY_GROUND_LABELS,
  REPLY_TYPE_LABELS,
  REPLY_TYPES,
  REPLY_TYPES_NEEDING_BASIS,
  type DeliveryMethod,
  type ReplyGround,
  type ReplyType,
  type RequestView,
} from '../../../../lib/requests/request';
import { actionSchema, MAX_EXTENSION_WORKING_DAYS, type RequestActionName } from '../../../../lib/requests/schemas';
import { ACTION_LABELS } from '../../../../lib/requests/state-machine';
import { schemaRule, showFieldErrors, type FieldPath } from '../../../_client/schema-rule';
import { DayPicker } from '../../_components/day-pickers';
import { postRequestAction } from './request-api';

const { Text } = Typography;

type ConsultedKind = 'third_party' | 'agency';
const CONSULTED_LABELS: Record<ConsultedKind, string> = { third_party: '第三方', agency: '其他机关' };

interface Values {
  at?: string;
  what?: string;
  periodWorkingDays?: number;
  note?: string;
  consultedKind?: ConsultedKind;
  consulted?: string;
  workingDays?: number;
  approver?: string;
  reason?: string;
  type?: ReplyType;
  text?: string;
  basis?: string;
  ground?: ReplyGround;
  attachments?: { name?: string; url?: string }[];
  method?: DeliveryMethod;
}

// The annual report's sub-rows (国办公开办函〔2021〕30号 part 三) that go with each reply type.
const GROUNDS_OF: Partial<Record<ReplyType, ReplyGround[]>> = {
  partly_disclosed: ['state_secret', 'prohibited_by_law', 'three_safeties', 'third_party', 'internal_affairs', 'process_info', 'enforcement_file', 'administrative_query'],
  withheld: ['state_secret', 'prohibited_by_law', 'three_safeties', 'third_party', 'internal_affairs', 'process_info', 'enforcement_file', 'administrative_query'],
  not_exist: ['not_held', 'needs_making', 'still_unclear'],
  repeated: ['repeated'],
  not_a_request: ['petition', 'publication', 'excessive', 'confirmation'],
};

/** When each step happened: required for the steps that are recorded after the fact. */
const AT_LABELS: Partial<Record<RequestActionName, string>> = {
  confirm_receipt: '确认收到日期',
  request_correction: '告知补正日期',
  record_correction: '收到补正申请日期',
  start_consultation: '开始征求意见日期',
  end_consultation: '征求意见结束日期',
  extend: '延期日期',
  reply: '答复日期',
  deliver: '送达日期',
  withdraw: '撤回日期',
};
const AT_REQUIRED: readonly RequestActionName[] = ['record_correction', 'start_consultation', 'end_consultation'];

const DEFAULT_CORRECTION_PERIOD = 15;

const text = (value: string | undefined) => value?.trim() ?? '';
const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The action's body as POST /requests/:id/actions takes it; required text stays '' so the schema names it. */
function bodyOf(action: RequestActionName, values: Values): Record<string, unknown> {
  const at = values.at ? { at: values.at } : {};
  switch (action) {
    case 'confirm_receipt':
      return { action, ...at };
    case 'request_correction':
      return { action, ...at, what: text(values.what), periodWorkingDays: values.periodWorkingDays ?? undefined };
    case 'record_correction':
    case 'end_consultation':
      return { action, ...at, note: optional(values.note) };
    case 'start_consultation':
      return { action, ...at, with: values.consulted?.trim() ? `${values.consulted.trim()}（${CONSULTED_LABELS[values.consultedKind ?? 'third_party']}）` : '' };
    case 'extend':
      return { action, ...at, workingDays: values.workingDays ?? undefined, approver: text(values.approver), reason: text(values.reason) };
    case 'reply':
      return {
        action,
        ...at,
        type: values.type,
        text: text(values.text),
        basis: optional(values.basis),
        ground: values.ground,
        attachments: values.attachments?.length ? values.attachments.map((a) => ({ name: text(a.name), url: text(a.url) })) : undefined,
      };
    case 'deliver':
      return { action, ...at, method: values.method };
    case 'close':
      return { action, note: optional(values.note) };
    case 'withdraw':
      return { action, ...at, note: optional(values.note) };
  }
}

// the API names the consultee `with`; the form asks for it in two fields
const formNameOf = (key: string) => (key === 'with' ? 'consulted' : key);

export function RequestActionModal(props: { action: RequestActionName; request: RequestView; onClose: () => void; onDone: (label: string) => void }) {
  const { action, request } = props;
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const type = Form.useWatch('type', form);
  const today = shanghaiDayOf(new Date());
  const lastStepDay = request.events.length > 0 ? shanghaiDayOf(new Date(request.events[request.events.length - 1]!.at)) : undefined;
  const check = () => actionSchema.safeParse(bodyOf(action, form.getFieldsValue(true) as Values));
  const rule = (path: FieldPath, isRequired = false) => [schemaRule(check, path, isRequired)];
  const isAbandoning = action === 'close' && request.state === 'correction_requested';
  const title = isAbandoning ? '视为放弃申请' : ACTION_LABELS[action];

  async function submit(values: Values) {
    setSaving(true);
    setFailure(null);
    const body = JSON.parse(JSON.stringify(bodyOf(action, values))) as Record<string, unknown>;
    const answer = await postRequestAction(request.id, body);
    setSaving(false);
    if (answer.ok) return props.onDone(title);
    const fields = Object.fromEntries(Object.entries(answer.fields).map(([key, message]) => [formNameOf(key), message]));
    const rest = showFieldErrors(form, fields, (key) => key !== '_' && key.split('.')[0]! in FIELD_NAMES);
    setFailure([answer.message, ...Object.values(rest)].join('：'));
  }

  return (
    <Modal
      title={`${title} · ${request.trackingCode}`}
      open
      width={action === 'reply' ? 760 : 560}
      okText="确定"
      cancelText="取消"
      okButtonProps={{ loading: isSaving, danger: action === 'withdraw' || isAbandoning, 'data-testid': 'action-confirm' } as never}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="action-failure" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        initialValues={{
          at: AT_REQUIRED.includes(action) ? today : undefined,
          periodWorkingDays: DEFAULT_CORRECTION_PERIOD,
          consultedKind: 'third_party',
          method: request.delivery ?? 'online',
        }}
        data-testid="action-form"
      >
        <Explanation action={action} request={request} />
        {action === 'request_correction' && (
          <>
            <Form.Item name="what" label="需要补正的内容" rules={rule(['what'], true)} extra="一次性告知申请人需要补正的事项，如：所需信息的名称、文号或时间范围">
              <Input.TextArea rows={4} maxLength={1000} showCount />
            </Form.Item>
            <Form.Item name="periodWorkingDays" label="补正期限（工作日）" rules={rule(['periodWorkingDays'])} extra="逾期未补正的，视为放弃申请">
              <InputNumber precision={0} suffix="个工作日" style={{ width: 200 }} />
            </Form.Item>
          </>
        )}
        {action === 'start_consultation' && (
          <Space align="start" size={12} style={{ display: 'flex' }}>
            <Form.Item name="consultedKind" label="征求意见的对象">
              <Radio.Group optionType="button" options={(['third_party', 'agency'] as const).map((kind) => ({ value: kind, label: CONSULTED_LABELS[kind] }))} />
            </Form.Item>
            <Form.Item name="consulted" label="名称" rules={rule(['with'], true)} style={{ flex: 1 }}>
              <Input maxLength={200} placeholder="如：某某建设有限公司 / 市自然资源和规划局" />
            </Form.Item>
          </Space>
        )}
        {action === 'extend' && (
          <>
            <Form.Item name="workingDays" label="延长期限（工作日）" rules={rule(['workingDays'], true)}>
              <InputNumber precision={0} suffix="个工作日" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="approver" label="批准人" extra="政府信息公开工作机构负责人" rules={rule(['approver'], true)}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="reason" label="延期理由" rules={rule(['reason'], true)}>
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          </>
        )}
        {action === 'reply' && (
          <>
            <Form.Item name="type" label="答复类型" rules={rule(['type'], true)}>
              <Select
                placeholder="选择答复类型"
                options={REPLY_TYPES.map((t) => ({ value: t, label: REPLY_TYPE_LABELS[t] }))}
                onChange={() => {
                  form.setFieldValue('ground', undefined);
                  void form.validateFields(['basis']).catch(() => {});
                }}
                data-testid="reply-type"
              />
            </Form.Item>
            {type && GROUNDS_OF[type] && (
              <Form.Item name="ground" label="具体情形" extra="年度报告按此统计，可不选" rules={rule(['ground'])}>
                <Select allowClear placeholder="选择具体情形" options={[...GROUNDS_OF[type]!, 'other' as const].map((g) => ({ value: g, label: REPLY_GROUND_LABELS[g] }))} />
              </Form.Item>
            )}
            <Form.Item
              name="basis"
              label="法律依据和理由"
              extra={type && REPLY_TYPES_NEEDING_BASIS.includes(type) ? '部分公开、不予公开须写明不予公开的部分、法律依据和理由' : '可不填'}
              rules={rule(['basis'], type !== undefined && REPLY_TYPES_NEEDING_BASIS.includes(type))}
            >
              <Input.TextArea rows={3} maxLength={1000} showCount placeholder="如：依据《中华人民共和国政府信息公开条例》第十五条……" />
            </Form.Item>
            <Form.Item name="text" label="答复内容" rules={rule(['text'], true)}>
              <Input.TextArea rows={6} maxLength={20000} showCount placeholder="答复申请人：所申请信息的公开情况、获取方式或告知事项" />
            </Form.Item>
            <Form.List name="attachments">
              {(fields, { add, remove }) => (
                <Form.Item label="附件（公开的信息、告知书等，填写存放地址）">
                  {fields.map((field) => (
                    <Space key={field.key} align="start" style={{ display: 'flex' }}>
                      <Form.Item name={[field.name, 'name']} rules={rule(['attachments', field.name, 'name'], true)}>
                        <Input placeholder="附件名称" maxLength={200} style={{ width: 220 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'url']} rules={rule(['attachments', field.name, 'url'], true)}>
                        <Input placeholder="https://…" maxLength={2048} style={{ width: 400 }} />
                      </Form.Item>
                      <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="删除附件" />
                    </Space>
                  ))}
                  {fields.length < 20 && (
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                      添加附件
                    </Button>
                  )}
                </Form.Item>
              )}
            </Form.List>
          </>
        )}
        {action === 'deliver' && (
          <Form.Item name="method" label="送达方式" rules={rule(['method'], true)} extra={request.delivery ? `申请人选择的获取方式：${DELIVERY_LABELS[request.delivery]}` : undefined}>
            <Radio.Group optionType="button" options={DELIVERY_METHODS.map((method) => ({ value: method, label: DELIVERY_LABELS[method] }))} />
          </Form.Item>
        )}
        {AT_LABELS[action] && (
          <Form.Item
            name="at"
            label={AT_LABELS[action]}
            extra={AT_REQUIRED.includes(action) ? '不能早于上一步，不能晚于今天' : '不填为现在；补录以前的办理时选择当天的日期'}
            rules={rule(['at'], AT_REQUIRED.includes(action))}
          >
            <DayPicker min={lastStepDay} max={today} style={{ width: 200 }} aria-label={AT_LABELS[action]} />
          </Form.Item>
        )}
        {(action === 'record_correction' || action === 'end_consultation' || action === 'close' || action === 'withdraw') && (
          <Form.Item name="note" label={action === 'withdraw' ? '撤回说明（如：申请人来电撤回）' : '说明'} rules={rule(['note'])}>
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder="可不填" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

const FIELD_NAMES: Record<string, true> = {
  at: true,
  what: true,
  periodWorkingDays: true,
  note: true,
  consulted: true,
  workingDays: true,
  approver: true,
  reason: true,
  type: true,
  text: true,
  basis: true,
  ground: true,
  attachments: true,
  method: true,
};

/** What the step means for the clock, in a line above its form. */
function Explanation({ action, request }: { action: RequestActionName; request: RequestView }) {
  const lines: Partial<Record<RequestActionName, string>> = {
    confirm_receipt: '确认收到之日为收到申请之日（条例第三十一条），答复期限自次日起计算 20 个工作日。',
    request_correction: '收到申请之日起 7 个工作日内一次性告知补正（条例第三十条）。补正期间不计算答复期限，收到补正的申请后重新计算。',
    record_correction: '收到补正后的申请之日起，重新计算 20 个工作日的答复期限。',
    start_consultation: '征求第三方或其他机关意见所需时间不计入答复期限（条例第三十二条、第三十三条）；第三方应在 15 个工作日内提出意见。',
    end_consultation: '征求意见结束后恢复计时：开始征求意见次日至结束当日的工作日不计入。',
    extend: `答复期限只能延长一次，最长 ${MAX_EXTENSION_WORKING_DAYS} 个工作日，须经政府信息公开工作机构负责人同意并告知申请人（条例第三十三条）。`,
    deliver: '记录答复送达申请人的方式和日期。',
    close: request.state === 'correction_requested' ? '申请人无正当理由逾期未补正，视为放弃申请（条例第三十条），本申请办结。' : '答复已送达，归档后本申请办结。',
    withdraw: '申请人撤回申请后，本申请办结，不再计算答复期限。',
  };
  const line = lines[action];
  return line ? <Alert type={action === 'withdraw' ? 'warning' : 'info'} showIcon title={<Text>{line}</Text>} style={{ marginBottom: 16 }} /> : null;
}
