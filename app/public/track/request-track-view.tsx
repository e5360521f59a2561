'use client';

// 申请查询: an applicant looks a 政府信息公开申请 up with its tracking code and the last 4 digits of the phone
// (GET /api/v1/requests/track/:code), and reads its state, the receipt and due days, the steps taken and the
// reply with its legal basis, attachments and delivery. Everything is shown as text (React escapes it).
import { Alert, Card, Descriptions, Empty, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { dueDayOf } from '../../../lib/deadlines/due-day';
import { formatDay, formatTime } from '../../../lib/format/shanghai-time';
import { RequestStateTag } from '../../_client/request-state-tag';
import { EVENT_LABELS, REPLY_TYPE_LABELS, type TrackedRequest } from '../../../lib/requests/request';
import { TrackLookup } from './track-lookup';

const { Text } = Typography;

const plainText = { whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0, fontFamily: 'inherit', lineHeight: 1.7 } as const;

/** What the applicant is waiting for, in the words of the state. */
const STATE_HINTS: Partial<Record<TrackedRequest['state'], string>> = {
  submitted: '申请已提交，等待工作人员确认收到。确认收到之日为收到申请之日，答复期限自次日起计算。',
  received: '申请已受理，正在办理。',
  correction_requested: '申请内容需要补正，请按下方告知的内容在期限内补正；逾期未补正的，视为放弃申请。',
  consulting: '正在征求第三方或其他机关的意见，征求意见的时间不计入答复期限。',
  replied: '已作出答复，请查看下方的答复内容。',
  delivered: '答复已送达。',
  closed: '申请已办结归档。',
  abandoned: '未在补正期限内补正，视为放弃申请。您可以重新提出申请。',
  withdrawn: '申请已撤回。',
};

export function RequestTrackView({ initialCode }: { initialCode: string }) {
  const [tracked, setTracked] = useState<TrackedRequest | null>(null);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <TrackLookup<TrackedRequest>
        title="政府信息公开申请查询"
        hint="输入提交申请时获得的查询码和您联系电话的后4位。"
        phoneLabel="联系电话后4位"
        initialCode={initialCode}
        testId="request-track"
        endpoint="/api/v1/requests/track"
        onFound={(found) => setTracked(found)}
        onMissed={() => setTracked(null)}
      />
      {tracked && <TrackedRequestCard tracked={tracked} />}
    </Space>
  );
}

const dueDay = (iso: string) => dueDayOf(new Date(iso));

function TrackedRequestCard({ tracked }: { tracked: TrackedRequest }) {
  const delivered = [...tracked.events].reverse().find((event) => event.kind === 'delivered');
  return (
    <Card
      title={
        <Space>
          政府信息公开申请 <Text code>{tracked.trackingCode}</Text>
          <RequestStateTag state={tracked.state} testId="request-tracked-state" />
        </Space>
      }
      data-testid="tracked-request"
    >
      {STATE_HINTS[tracked.state] && <Alert type="info" showIcon title={STATE_HINTS[tracked.state]} style={{ marginBottom: 16 }} />}
      <Descriptions column={2} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="提交时间">{formatTime(tracked.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label="收到申请日期">{tracked.receivedAt ? formatDay(tracked.receivedAt) : '待确认'}</Descriptions.Item>
        <Descriptions.Item label="答复期限">
          {tracked.dueAt ? <span data-testid="request-tracked-due">{dueDay(tracked.dueAt)} 前</span> : '—'}
        </Descriptions.Item>
      </Descriptions>
      {tracked.state === 'correction_requested' && tracked.correction && (
        <Card type="inner" title="需要补正的内容" style={{ marginBottom: 16 }} data-testid="request-tracked-correction">
          <pre style={plainText}>{tracked.correction.what}</pre>
          <Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            请于 {dueDay(tracked.correction.dueAt)} 前向受理机关补正。
          </Text>
        </Card>
      )}
      <Typography.Title level={5}>答复</Typography.Title>
      {tracked.reply ? (
        <div data-testid="request-tracked-reply">
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="答复类型">
              <Text strong>{REPLY_TYPE_LABELS[tracked.reply.type]}</Text>
            </Descriptions.Item>
            <Descriptions.Item label="答复时间">{formatTime(tracked.reply.repliedAt)}</Descriptions.Item>
            {tracked.reply.basis && (
              <Descriptions.Item label="依据和理由">
                <pre style={plainText}>{tracked.reply.basis}</pre>
              </Descriptions.Item>
            )}
            {tracked.reply.attachments.length > 0 && (
              <Descriptions.Item label="附件">
                <Space orientation="vertical" size={2}>
                  {tracked.reply.attachments.map((attachment) => (
                    <a key={attachment.url} href={attachment.url} target="_blank" rel="noreferrer noopener">
                      {attachment.name}
                    </a>
                  ))}
                </Space>
              </Descriptions.Item>
            )}
            <Descriptions.Item label="送达">
              {/* the delivery step's public note names the method (送达方式：邮寄) */}
              {delivered ? `${formatDay(delivered.at)}${delivered.note ? `，${delivered.note}` : ''}` : '尚未送达'}
            </Descriptions.Item>
          </Descriptions>
          <pre style={plainText}>{tracked.reply.text}</pre>
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tracked.state === 'withdrawn' || tracked.state === 'abandoned' ? '本申请未作答复' : '尚未答复，请耐心等待'} />
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        办理进度
      </Typography.Title>
      <Timeline
        items={tracked.events.map((event, index) => ({
          key: index,
          color: event.kind === 'replied' || event.kind === 'delivered' ? 'green' : event.kind === 'correction_requested' ? 'orange' : '#1f4e8c',
          content: (
            <div data-testid={`request-tracked-event-${event.kind}`}>
              <Space size={8}>
                <Text type="secondary">{formatTime(event.at)}</Text>
                <Text strong>{EVENT_LABELS[event.kind]}</Text>
              </Space>
              {event.note && <pre style={plainText}>{event.note}</pre>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
