'use client';

// 投诉查询与评价: look a complaint up, follow its public steps, read the reply, rate it with the five
// 好差评 levels. Everything shown is text (React escapes it): markup in a reply stays inert.
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Radio, Result, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { EVENT_LABELS, SATISFACTION_LABELS, SATISFACTIONS, STATE_LABELS, type Satisfaction } from '../../../lib/complaints/complaint';
import type { TrackedComplaint } from '../../../lib/complaints/track-complaint';
import { dueDayOf } from '../../../lib/deadlines/due-day';
import { formatTime } from '../../../lib/format/shanghai-time';
import { TrackLookup, type Lookup } from './track-lookup';

const { Text } = Typography;

const plainText = { whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0, fontFamily: 'inherit', lineHeight: 1.7 } as const;

export function TrackView({ initialCode }: { initialCode: string }) {
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [tracked, setTracked] = useState<TrackedComplaint | null>(null);
  const [ratedNow, setRatedNow] = useState<Satisfaction | null>(null);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <TrackLookup<TrackedComplaint>
        title="投诉查询与评价"
        hint="输入提交投诉时获得的查询码和您手机号的后4位。"
        phoneLabel="手机号后4位"
        initialCode={initialCode}
        testId="track"
        endpoint="/api/v1/complaints/track"
        onFound={(found, given) => {
          setLookup(given);
          setRatedNow(null);
          setTracked(found);
        }}
        onMissed={() => setTracked(null)}
      />
      {tracked && lookup && (
        <TrackedCard
          tracked={tracked}
          lookup={lookup}
          ratedNow={ratedNow}
          onRated={(next, satisfaction) => {
            setTracked(next);
            setRatedNow(satisfaction);
          }}
        />
      )}
    </Space>
  );
}

interface TrackedCardProps {
  tracked: TrackedComplaint;
  lookup: Lookup;
  ratedNow: Satisfaction | null;
  onRated: (t: TrackedComplaint, satisfaction: Satisfaction) => void;
}

const isUnsatisfied = (s: Satisfaction) => s === 'dissatisfied' || s === 'very_dissatisfied';

function TrackedCard({ tracked, lookup, ratedNow, onRated }: TrackedCardProps) {
  return (
    <Card
      title={
        <Space>
          投诉件 <Text code>{tracked.trackingCode}</Text>
          <Tag color={tracked.state === 'closed' ? 'default' : tracked.state === 'replied' ? 'green' : 'blue'} data-testid="tracked-state">
            {STATE_LABELS[tracked.state]}
          </Tag>
        </Space>
      }
      data-testid="tracked-complaint"
    >
      <Descriptions column={2} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="提交时间">{formatTime(tracked.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="承办部门">{tracked.departmentName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="答复期限">{dueDayOf(new Date(tracked.replyDueAt))}</Descriptions.Item>
        {tracked.satisfaction && <Descriptions.Item label="您的评价">{SATISFACTION_LABELS[tracked.satisfaction]}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5}>答复</Typography.Title>
      {tracked.reply ? (
        <pre style={plainText} data-testid="tracked-reply">
          {tracked.reply}
        </pre>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="承办部门尚未答复，请耐心等待" />
      )}
      {ratedNow && (
        <Result
          status={isUnsatisfied(ratedNow) ? 'warning' : 'success'}
          title="感谢您的评价"
          subTitle={isUnsatisfied(ratedNow) ? '您的投诉已转为重办，我们将重新办理并再次答复。' : '投诉已办结。'}
        />
      )}
      {tracked.canRate && <RatingForm lookup={lookup} onRated={onRated} />}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        办理进度
      </Typography.Title>
      <Timeline
        items={tracked.events.map((event, index) => ({
          key: index,
          color: event.kind === 'reopened' ? 'red' : event.kind === 'closed' || event.kind === 'replied' ? 'green' : '#1f4e8c',
          content: (
            <div>
              <Space size={8}>
                <Text type="secondary">{formatTime(event.at)}</Text>
                <Text strong>{EVENT_LABELS[event.kind]}</Text>
              </Space>
              {event.note && event.kind !== 'replied' && <pre style={plainText}>{event.note}</pre>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

function RatingForm({ lookup, onRated }: { lookup: Lookup; onRated: (t: TrackedComplaint, satisfaction: Satisfaction) => void }) {
  const [form] = Form.useForm<{ satisfaction: Satisfaction; comment?: string }>();
  const [isSending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function rate(values: { satisfaction: Satisfaction; comment?: string }) {
    setSending(true);
    setFailure(null);
    const response = await fetch(`/api/v1/complaints/track/${encodeURIComponent(lookup.code)}/rating`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone4: lookup.phone4, satisfaction: values.satisfaction, ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}) }),
    }).catch(() => null);
    setSending(false);
    if (!response) return setFailure('网络异常，请稍后重试');
    const body = (await response.json().catch(() => ({}))) as TrackedComplaint & { error?: { message: string } };
    if (!response.ok) return setFailure(body.error?.message ?? '评价失败，请稍后重试');
    onRated(body, values.satisfaction);
  }

  return (
    <Card type="inner" title="评价答复（好差评）" style={{ marginTop: 16 }}>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={rate}>
        <Form.Item name="satisfaction" label="您对答复是否满意" rules={[{ required: true, message: '请选择评价等级' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={SATISFACTIONS.map((s) => ({ value: s, label: SATISFACTION_LABELS[s] }))} />
        </Form.Item>
        <Form.Item name="comment" label="意见或建议（可不填）">
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Text type="secondary" style={{ display: 'block', marginBottom: 12 }}>
          选择「不满意」或「非常不满意」，投诉将转为重办。
        </Text>
        <Button type="primary" htmlType="submit" loading={isSending} data-testid="rating-submit">
          提交评价
        </Button>
      </Form>
    </Card>
  );
}
