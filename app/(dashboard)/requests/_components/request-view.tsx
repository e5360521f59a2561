'use client';

// One request for information: the applicant (to those who handle it; the ID number in full only here), what is
// asked for, the reply deadline with its 计算依据 (weekends, holidays and pauses not counted), the 补正, the
// consultation, the extension, the reply and its delivery, the timeline with who acted, and a button for every
// step allowed now, each with its form. Another desk's change reloads the page live.
import { App, Breadcrumb, Button, Card, Col, Descriptions, Empty, Row, Space, Tag, Timeline, Typography } from 'antd';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { formatDay, formatFullTime, formatTime } from '../../../../lib/format/shanghai-time';
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  DELIVERY_LABELS,
  EVENT_LABELS,
  FORMAT_LABELS,
  ID_TYPE_LABELS,
  REPLY_GROUND_LABELS,
  REPLY_TYPE_LABELS,
  type RequestEvent,
  type RequestEventKind,
} from '../../../../lib/requests/request';
import type { RequestDetail } from '../../../../lib/requests/queries';
import type { RequestActionName } from '../../../../lib/requests/schemas';
import { ACTION_LABELS } from '../../../../lib/requests/state-machine';
import { dueDayOf } from '../../../../lib/deadlines/due-day';
import { useRealtimeEvent } from '../../../_client/use-realtime';
import { RequestStateTag } from '../../../_client/request-state-tag';
import { ConnectionStatusBadge } from '../../_components/connection-status';
import { Countdown } from '../../_components/countdown';
import { DeadlineExplanation } from '../../_components/deadline-explanation';
import { LevelTag } from '../../_components/level-tag';
import { StaffName } from '../../_components/staff-name';
import { useNow } from '../../_components/use-now';
import { RequestActionModal } from './request-action-modal';
import styles from './requests.module.css';
import { waitingStep } from '../../../../lib/requests/waiting-step';

const { Text } = Typography;

const EVENT_COLORS: Partial<Record<RequestEventKind, string>> = {
  submitted: '#1f4e8c',
  received: '#1f4e8c',
  correction_requested: 'orange',
  corrected: '#1f4e8c',
  consultation_started: 'purple',
  consultation_ended: 'purple',
  extended: 'orange',
  replied: 'green',
  delivered: 'green',
  closed: 'gray',
  abandoned: 'red',
  withdrawn: 'gray',
};

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
const num = (value: unknown) => (typeof value === 'number' ? value : null);

/** What a step recorded, in a line under it. */
function eventDetail(event: RequestEvent): string | null {
  const data = event.data ?? {};
  switch (event.kind) {
    case 'correction_requested': {
      const days = num(data.workingDays ?? data.periodWorkingDays);
      const dueDay = str(data.dueDay);
      return [str(data.what), days ? `补正期限 ${days} 个工作日${dueDay ? `（${dueDay} 前）` : ''}` : null].filter(Boolean).join('\n') || event.note;
    }
    case 'consultation_started':
      return str(data.with) ? `对象：${str(data.with)}` : event.note;
    case 'extended': {
      const days = num(data.workingDays);
      return [days ? `延长 ${days} 个工作日，批准人：${str(data.approver) ?? '—'}` : null, str(data.reason) ? `理由：${str(data.reason)}` : null].filter(Boolean).join('\n') || event.note;
    }
    case 'replied': {
      const type = str(data.type);
      return type && type in REPLY_TYPE_LABELS ? REPLY_TYPE_LABELS[type as keyof typeof REPLY_TYPE_LABELS] : event.note;
    }
    case 'delivered': {
      const method = str(data.method);
      return method && method in DELIVERY_LABELS ? `送达方式：${DELIVERY_LABELS[method as keyof typeof DELIVERY_LABELS]}` : event.note;
    }
    default:
      return event.note;
  }
}

const dueDay = (iso: string) => dueDayOf(new Date(iso));

export function RequestView({ detail }: { detail: RequestDetail }) {
  const router = useRouter();
  const nowMs = useNow();
  const { message } = App.useApp();
  const [isPending, startTransition] = useTransition();
  const [modal, setModal] = useState<RequestActionName | null>(null);
  const refresh = () => startTransition(() => router.refresh());
  const step = waitingStep(detail);

  useRealtimeEvent('request:updated', (update) => {
    if (update.id === detail.id) refresh();
  });

  const applicant = detail.applicant;
  return (
    <div style={{ maxWidth: 1360, margin: '0 auto' }}>
      <Breadcrumb items={[{ title: <Link href="/requests">依申请公开</Link> }, { title: detail.trackingCode }]} style={{ marginBottom: 12 }} />
      <Space align="center" size={12} style={{ marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          政府信息公开申请{' '}
          <Text code style={{ fontSize: 20 }} data-testid="tracking-code">
            {detail.trackingCode}
          </Text>
        </Typography.Title>
        <Tag>{CHANNEL_LABELS[detail.channel]}</Tag>
        <RequestStateTag state={detail.state} />
        {detail.level !== 'none' && <LevelTag level={detail.level} short look="soft" />}
        {detail.extendedWorkingDays > 0 && <Tag color="orange">已延期 {detail.extendedWorkingDays} 个工作日</Tag>}
        {step.paused ? (
          <Text type="secondary" data-testid="clock-paused">
            {step.paused}
          </Text>
        ) : (
          step.dueAt && (
            <Space size={4}>
              <Text type="secondary">{step.label}</Text>
              <Countdown dueAt={step.dueAt} level={detail.level} nowMs={nowMs} />
            </Space>
          )
        )}
        <ConnectionStatusBadge />
      </Space>
      <Row gutter={16}>
        <Col span={16}>
          <Card title="申请信息" style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small" bordered>
              {applicant ? (
                <>
                  <Descriptions.Item label="申请人">
                    <span data-testid="applicant-name">{applicant.name}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label="申请人类型">
                    {applicant.type === 'person' ? '自然人' : `法人或其他组织 · ${APPLICANT_TYPE_LABELS[applicant.type]}`}
                  </Descriptions.Item>
                  <Descriptions.Item label="证件">
                    {applicant.idNo ? (
                      <span data-testid="applicant-id">
                        {applicant.idType ? `${ID_TYPE_LABELS[applicant.idType]} ` : ''}
                        <Text style={{ fontFamily: 'ui-monospace, Menlo, monospace' }}>{applicant.idNo}</Text>
                      </span>
                    ) : (
                      <Text type="secondary">未提供</Text>
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label="联系电话">{applicant.phone}</Descriptions.Item>
                  <Descriptions.Item label="电子邮箱">{applicant.email ?? <Text type="secondary">未提供</Text>}</Descriptions.Item>
                  <Descriptions.Item label="通信地址">{applicant.address ?? <Text type="secondary">未提供</Text>}</Descriptions.Item>
                </>
              ) : (
                <Descriptions.Item label="申请人" span={2}>
                  <Text type="secondary">申请人个人信息仅经办人员可见</Text>
                </Descriptions.Item>
              )}
              <Descriptions.Item label="受理机关">
                {detail.departmentName}
                {detail.departmentUnknown && <Text type="secondary">（申请人未指明机关）</Text>}
              </Descriptions.Item>
              <Descriptions.Item label="地区">{detail.regionName}</Descriptions.Item>
              <Descriptions.Item label="提交时间">{formatFullTime(detail.submittedAt)}</Descriptions.Item>
              <Descriptions.Item label="收到申请">
                {detail.receivedAt ? formatFullTime(detail.receivedAt) : <Text type="warning">待确认收到</Text>}
              </Descriptions.Item>
              <Descriptions.Item label="答复期限" span={2}>
                {detail.deadline ? (
                  <span data-testid="request-due">
                    {detail.deadline.dueDay} 24:00 前 <DeadlineExplanation deadline={detail.deadline} />
                    {(detail.pausedWorkingDays > 0 || detail.extendedWorkingDays > 0) && (
                      <Text type="secondary">
                        {detail.pausedWorkingDays > 0 ? ` 征求意见不计 ${detail.pausedWorkingDays} 个工作日` : ''}
                        {detail.extendedWorkingDays > 0 ? ` 延长 ${detail.extendedWorkingDays} 个工作日` : ''}
                      </Text>
                    )}
                  </span>
                ) : detail.state === 'submitted' ? (
                  <Text type="secondary">确认收到后开始计算{detail.confirmDueAt ? `（请于 ${dueDay(detail.confirmDueAt)} 前确认收到）` : ''}</Text>
                ) : detail.state === 'correction_requested' ? (
                  <Text type="secondary">收到补正后的申请之日起重新计算</Text>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              <Descriptions.Item label="载体形式">{detail.format ? FORMAT_LABELS[detail.format] : '—'}</Descriptions.Item>
              <Descriptions.Item label="获取方式">{detail.delivery ? DELIVERY_LABELS[detail.delivery] : '—'}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 20 }}>
              所需政府信息的内容描述
            </Typography.Title>
            <pre className={styles.plainText} data-testid="request-description">
              {detail.description}
            </pre>
            {detail.purpose && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  用途
                </Typography.Title>
                <pre className={styles.plainText}>{detail.purpose}</pre>
              </>
            )}
          </Card>
          {detail.correction && (
            <Card title="补正" style={{ marginBottom: 16 }} data-testid="correction-card">
              <Descriptions column={2} size="small">
                <Descriptions.Item label="告知时间">{formatTime(detail.correction.requestedAt)}</Descriptions.Item>
                <Descriptions.Item label="补正期限">
                  {detail.correction.workingDays} 个工作日（{dueDay(detail.correction.dueAt)} 前）
                </Descriptions.Item>
                <Descriptions.Item label="补正内容" span={2}>
                  <pre className={styles.plainText}>{detail.correction.what}</pre>
                </Descriptions.Item>
                <Descriptions.Item label="收到补正" span={2}>
                  {detail.correction.correctedAt ? formatTime(detail.correction.correctedAt) : <Text type="warning">尚未收到</Text>}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          )}
          {(detail.consultation || detail.extension) && (
            <Card title={detail.consultation && detail.extension ? '征求意见与延期' : detail.consultation ? '征求意见' : '延期答复'} style={{ marginBottom: 16 }}>
              <Descriptions column={1} size="small">
                {detail.consultation && (
                  <Descriptions.Item label="正在征求意见">
                    {detail.consultation.with}（{formatTime(detail.consultation.from)} 起，期间不计入答复期限）
                  </Descriptions.Item>
                )}
                {detail.extension && (
                  <Descriptions.Item label="延期答复">
                    <span data-testid="extension">
                      延长 {detail.extension.workingDays} 个工作日 · 批准人 {detail.extension.approver} · {formatDay(detail.extension.at)}：{detail.extension.reason}
                    </span>
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
          )}
          <Card title="答复" style={{ marginBottom: 16 }}>
            {detail.reply ? (
              <div data-testid="request-reply">
                <Descriptions column={2} size="small" bordered style={{ marginBottom: 12 }}>
                  <Descriptions.Item label="答复类型">
                    <Text strong data-testid="reply-type-label">
                      {REPLY_TYPE_LABELS[detail.reply.type]}
                    </Text>
                    {detail.reply.ground && <Text type="secondary">（{REPLY_GROUND_LABELS[detail.reply.ground]}）</Text>}
                  </Descriptions.Item>
                  <Descriptions.Item label="答复时间">{formatTime(detail.reply.repliedAt)}</Descriptions.Item>
                  {detail.reply.basis && (
                    <Descriptions.Item label="法律依据和理由" span={2}>
                      <pre className={styles.plainText}>{detail.reply.basis}</pre>
                    </Descriptions.Item>
                  )}
                  {detail.reply.attachments.length > 0 && (
                    <Descriptions.Item label="附件" span={2}>
                      <Space wrap>
                        {detail.reply.attachments.map((a) => (
                          <a key={a.url} href={a.url} target="_blank" rel="noreferrer noopener">
                            {a.name}
                          </a>
                        ))}
                      </Space>
                    </Descriptions.Item>
                  )}
                  <Descriptions.Item label="送达" span={2}>
                    <span data-testid="request-delivery">
                      {detail.deliveredAt
                        ? `${formatDay(detail.deliveredAt)}${detail.deliveryMethod ? ` · ${DELIVERY_LABELS[detail.deliveryMethod]}` : ''}`
                        : '尚未送达'}
                    </span>
                  </Descriptions.Item>
                </Descriptions>
                <pre className={styles.plainText}>{detail.reply.text}</pre>
              </div>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未答复" />
            )}
          </Card>
        </Col>
        <Col span={8}>
          <Card title="办理" style={{ marginBottom: 16 }}>
            {detail.actions.length === 0 ? (
              <Text type="secondary">{['closed', 'abandoned', 'withdrawn'].includes(detail.state) ? '本申请已办结。' : '当前身份只能查看。'}</Text>
            ) : (
              <Space wrap>
                {detail.actions.map((action) => (
                  <Button
                    key={action}
                    type={action === 'confirm_receipt' || action === 'reply' || action === 'deliver' ? 'primary' : 'default'}
                    danger={action === 'withdraw'}
                    onClick={() => setModal(action)}
                    data-testid={`action-${action}`}
                  >
                    {action === 'close' && detail.state === 'correction_requested' ? '视为放弃申请' : ACTION_LABELS[action]}
                  </Button>
                ))}
              </Space>
            )}
          </Card>
          <Card title="办理过程" extra={isPending ? <Text type="secondary">正在更新…</Text> : null}>
            <Timeline
              data-testid="request-timeline"
              items={detail.events.map((event, index) => ({
                key: index,
                color: EVENT_COLORS[event.kind] ?? 'gray',
                content: (
                  <div data-testid={`event-${event.kind}`}>
                    <Space size={8} wrap>
                      <Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {formatFullTime(event.at)}
                      </Text>
                      <Text strong>{EVENT_LABELS[event.kind]}</Text>
                      <Text type="secondary">
                        <StaffName actor={event.actor} name={event.actorName} />
                      </Text>
                    </Space>
                    {eventDetail(event) && <pre className={styles.plainText}>{eventDetail(event)}</pre>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {modal && (
        <RequestActionModal
          action={modal}
          request={detail}
          onClose={() => setModal(null)}
          onDone={(label) => {
            setModal(null);
            message.success(`已${label}`);
            refresh();
          }}
        />
      )}
    </div>
  );
}
