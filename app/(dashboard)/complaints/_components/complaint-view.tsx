'use client';

// One complaint: its facts and SLA, content and reply as plain text, the timeline (办理过程), the buttons the
// reader's role allows in this state, and the reply editor for whoever answers. Another desk's change
// reloads the page live.
import { App, Breadcrumb, Button, Card, Col, Descriptions, Empty, Input, Row, Space, Timeline, Typography } from 'antd';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { EVENT_LABELS, FINDING_LABELS, SATISFACTION_LABELS, type ComplaintEventKind } from '../../../../lib/complaints/complaint';
import type { ComplaintDetail, ComplaintEvent } from '../../../../lib/complaints/queries';
import { MAX_REPLY_LENGTH } from '../../../../lib/complaints/schemas';
import { ACTION_LABELS, type Actor, type ComplaintAction } from '../../../../lib/complaints/state-machine';
import { useRealtimeEvent } from '../../../_client/use-realtime';
import { ConnectionStatusBadge } from '../../_components/connection-status';
import { formatFullTime } from '../../../../lib/format/shanghai-time';
import type { DeadlineView } from '../../../../lib/deadlines/deadline-view';
import { DeadlineExplanation } from '../../_components/deadline-explanation';
import { useNow } from '../../_components/use-now';
import { ActionModal, type ModalAction } from './action-modal';
import { postAction } from './complaint-api';
import styles from './complaints.module.css';
import { LevelTag } from '../../_components/level-tag';
import { StaffName } from '../../_components/staff-name';
import { Countdown } from '../../_components/countdown';
import { ChannelTag, StateTag } from './labels';
import { ViolationCard } from './violation-card';

const { Text } = Typography;

// a due instant is 24:00 of its last day: shown as that day, not as 00:00 of the next
function Due({ deadline }: { deadline: DeadlineView }) {
  return (
    <span data-testid="complaint-due">
      {deadline.dueDay} 24:00 前 <DeadlineExplanation deadline={deadline} />
    </span>
  );
}

const EVENT_COLORS: Partial<Record<ComplaintEventKind, string>> = {
  received: '#1f4e8c',
  assigned: '#1f4e8c',
  accepted: 'cyan',
  replied: 'green',
  closed: 'gray',
  returned: 'red',
  reopened: 'red',
  reminded: 'orange',
  extended: 'orange',
  finding_withdrawn: 'gray',
};

// actions that need more than a click open a dialog; the reply has its own editor
const MODAL_ACTIONS: readonly ComplaintAction[] = ['assign', 'return', 'extend', 'remind', 'rate', 'close', 'note', 'withdraw_finding'];

function eventDetail(event: ComplaintEvent): string | null {
  if (event.kind === 'rated' && typeof event.data?.satisfaction === 'string') {
    const label = SATISFACTION_LABELS[event.data.satisfaction as keyof typeof SATISFACTION_LABELS];
    return event.note ? `${label}：${event.note}` : label;
  }
  if (event.kind === 'closed' && typeof event.data?.finding === 'string') {
    const finding = FINDING_LABELS[event.data.finding as keyof typeof FINDING_LABELS];
    const entry = typeof event.data.entryName === 'string' ? `，「${event.data.entryName}」未按规定公开` : '';
    return `核实${finding}${entry}${event.note ? `。${event.note}` : ''}`;
  }
  if (event.kind === 'extended' && typeof event.data?.dueDate === 'string') {
    return `答复期限延至 ${event.data.dueDate}${event.note ? `。理由：${event.note}` : ''}`;
  }
  return event.note;
}

// `actions` come from lib/auth/permissions (complaintActionsFor), the decision POST /complaints/:id/actions makes
export function ComplaintView({ detail, actor, actions }: { detail: ComplaintDetail; actor: Actor | null; actions: readonly ComplaintAction[] }) {
  const router = useRouter();
  const nowMs = useNow();
  const { message } = App.useApp();
  const [isPending, startTransition] = useTransition();
  const [modal, setModal] = useState<ModalAction | null>(null);
  const [reply, setReply] = useState('');
  const [isReplying, setReplying] = useState(false);
  const [busy, setBusy] = useState<ComplaintAction | null>(null);
  const refresh = () => startTransition(() => router.refresh());

  useRealtimeEvent('complaint:updated', (update) => {
    if (update.complaint.id === detail.id) refresh();
  });

  async function quick(action: ComplaintAction) {
    setBusy(action);
    const result = await postAction(detail.id, { action });
    setBusy(null);
    if (!result.ok) return message.error(result.message);
    message.success(`已${ACTION_LABELS[action]}`);
    refresh();
  }

  async function submitReply() {
    const text = reply.trim();
    if (text.length < 5) return message.error('答复内容至少 5 个字');
    setReplying(true);
    const result = await postAction(detail.id, { action: 'reply', reply: text });
    setReplying(false);
    if (!result.ok) return message.error(result.fields.reply ?? result.message);
    setReply('');
    message.success('已答复，等待群众评价');
    refresh();
  }

  const isHandler = actor === 'handler';
  return (
    <div style={{ maxWidth: 1360, margin: '0 auto' }}>
      <Breadcrumb items={[{ title: <Link href="/complaints">投诉处理</Link> }, { title: detail.trackingCode }]} style={{ marginBottom: 12 }} />
      <Space align="center" size={12} style={{ marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          投诉件 <Text code style={{ fontSize: 20 }} data-testid="tracking-code">{detail.trackingCode}</Text>
        </Typography.Title>
        <ChannelTag channel={detail.channel} />
        <StateTag state={detail.state} />
        {detail.level !== 'none' && <LevelTag level={detail.level} short look="soft" />}
        {detail.currentDueAt && <Countdown dueAt={detail.currentDueAt} level={detail.level} nowMs={nowMs} />}
        <ConnectionStatusBadge />
      </Space>
      <Row gutter={16}>
        <Col span={16}>
          <Card title="投诉信息" style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label="投诉人">{detail.complainantName ?? <Text type="secondary">未留姓名</Text>}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{detail.phone}</Descriptions.Item>
              <Descriptions.Item label="区域">{detail.regionName}</Descriptions.Item>
              <Descriptions.Item label={detail.assignedAt ? '承办部门' : '涉及部门'}>
                {detail.departmentName ?? (
                  <Text type="warning" data-testid="no-department">
                    未定（待派单）
                  </Text>
                )}
                {detail.positionName ? ` · ${detail.positionName}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="受理时间">{formatFullTime(detail.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label="派单期限">
                <Due deadline={detail.deadlines.assign} />
              </Descriptions.Item>
              <Descriptions.Item label="签收期限">{detail.deadlines.accept ? <Due deadline={detail.deadlines.accept} /> : '—'}</Descriptions.Item>
              <Descriptions.Item label="答复期限">
                <Due deadline={detail.deadlines.reply} />
              </Descriptions.Item>
              {detail.catalogEntry && (
                <Descriptions.Item label="公开事项" span={2}>
                  <Link href={`/catalog/${detail.catalogEntry.id}`}>
                    {detail.catalogEntry.code} {detail.catalogEntry.name}
                  </Link>
                </Descriptions.Item>
              )}
              {detail.itemId && (
                <Descriptions.Item label="公开信息" span={2}>
                  <Link href={`/items/${detail.itemId}`}>{detail.itemTitle}</Link>
                </Descriptions.Item>
              )}
              {detail.satisfaction && (
                <Descriptions.Item label="群众评价" span={2}>
                  {SATISFACTION_LABELS[detail.satisfaction]}
                  {detail.ratingComment ? `：${detail.ratingComment}` : ''}
                </Descriptions.Item>
              )}
              {detail.state === 'returned' && detail.returnedReason && (
                <Descriptions.Item label="回退理由" span={2}>
                  <Text type="danger">{detail.returnedReason}</Text>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 20 }}>
              投诉内容
            </Typography.Title>
            <pre className={styles.plainText} data-testid="complaint-content">
              {detail.content}
            </pre>
            {detail.attachments.length > 0 && (
              <Space style={{ marginTop: 12 }} wrap>
                附件：
                {detail.attachments.map((a) => (
                  <a key={a.url} href={a.url} target="_blank" rel="noreferrer noopener">
                    {a.name}
                  </a>
                ))}
              </Space>
            )}
          </Card>
          {detail.finding && <ViolationCard finding={detail.finding} violation={detail.violation} />}
          <Card title={detail.state === 'reopened' ? '上一轮答复' : '答复'} style={{ marginBottom: 16 }}>
            {detail.reply ? (
              <pre className={styles.plainText} data-testid="complaint-reply">
                {detail.reply}
              </pre>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未答复" />
            )}
            {actions.includes('reply') && (
              <div style={{ marginTop: 16 }}>
                <Input.TextArea
                  value={reply}
                  onChange={(event) => setReply(event.target.value)}
                  rows={6}
                  maxLength={MAX_REPLY_LENGTH}
                  showCount
                  placeholder="答复群众：查明的情况、已采取的措施、公开的网址或时间"
                  aria-label="答复内容"
                  data-testid="reply-editor"
                />
                <Space style={{ marginTop: 12 }}>
                  <Button type="primary" loading={isReplying} onClick={submitReply} data-testid="reply-submit">
                    提交答复
                  </Button>
                  <Text type="secondary">答复后群众可凭查询码查看并评价。</Text>
                </Space>
              </div>
            )}
          </Card>
        </Col>
        <Col span={8}>
          <Card title="办理" style={{ marginBottom: 16 }}>
            {actions.length === 0 ? (
              <Text type="secondary">
                {actor === null ? '当前身份只能查看。' : detail.state === 'closed' ? '投诉件已办结。' : '当前状态下您无需操作。'}
              </Text>
            ) : (
              <Space wrap>
                {actions
                  .filter((action) => action !== 'reply')
                  .map((action) => (
                    <Button
                      key={action}
                      type={action === 'assign' || action === 'accept' ? 'primary' : 'default'}
                      danger={action === 'return'}
                      loading={busy === action}
                      onClick={() => (MODAL_ACTIONS.includes(action) ? setModal(action as ModalAction) : void quick(action))}
                      data-testid={`action-${action}`}
                    >
                      {action === 'rate' ? '记录回访评价' : action === 'assign' && detail.assignedAt && detail.state === 'assigned' ? '改派' : ACTION_LABELS[action]}
                    </Button>
                  ))}
              </Space>
            )}
            {actor === 'supervisor' && (
              <div style={{ marginTop: 12 }}>
                <Text type="secondary">政务公开办可对承办中的投诉件催办，办理由投诉处理人员和承办部门负责。</Text>
              </div>
            )}
            {isHandler && detail.state === 'replied' && (
              <div style={{ marginTop: 12 }}>
                <Text type="secondary">群众可在查询页面自行评价；电话回访后也可在此记录。</Text>
              </div>
            )}
          </Card>
          <Card title="办理过程" extra={isPending ? <Text type="secondary">正在更新…</Text> : null}>
            <Timeline
              data-testid="complaint-timeline"
              items={detail.events.map((event) => ({
                key: event.id,
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
        <ActionModal
          action={modal}
          complaint={detail}
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
