'use client';

import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Alert as Notice, Breadcrumb, Card, Col, Descriptions, Empty, Row, Space, Tag, Timeline, Typography } from 'antd';
import type { TimelineItemType } from 'antd/es/timeline/Timeline';
import Link from 'next/link';
import type { Alert } from '../../../../lib/alerts/alert';
import { RULE_KIND_LABELS } from '../../../../lib/alerts/labels';
import { describeTimeLimit, TIME_LIMIT_KIND_LABELS } from '../../../../lib/catalog/describe-time-limit';
import { domainLabel, MODE_LABELS } from '../../../../lib/catalog/domains';
import type { ElementCheck } from '../../../../lib/catalog/requirements-report';
import type { ItemDetail } from '../../../../lib/items/queries';
import type { TimelineEntry } from '../../../../lib/items/timeline';
import type { ObligationView } from '../../../../lib/obligations/queries';
import { channelLabel } from '../../../../lib/rules/evaluate-channels';
import type { Level } from '../../../../lib/rules/level';
import { formatTime } from '../../../../lib/format/shanghai-time';
import { LEVEL_COLORS } from '../../_components/level-colors';
import { DeadlineExplanation } from '../../_components/deadline-explanation';
import { LevelTag } from '../../_components/level-tag';
import { StaffName } from '../../_components/staff-name';
import { diffLines, SOURCE_LABELS, TIMELINE_KIND_LABELS } from './timeline-labels';

const { Text, Title, Paragraph } = Typography;

const OK = '#389e0d';

const isLevel = (value: unknown): value is Exclude<Level, 'none'> => value === 'yellow' || value === 'orange' || value === 'red';

export function ItemView(props: { detail: ItemDetail; timeline: TimelineEntry[]; isTimelineCut: boolean; now: string }) {
  const { detail } = props;
  return (
    <div style={{ maxWidth: 1280, margin: '0 auto' }}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link href={`/departments?regionId=${detail.region.code}`}>{detail.region.name}</Link> },
          { title: <Link href={`/departments/${detail.department.id}`}>{detail.department.name}</Link> },
          { title: '事项详情' },
        ]}
      />
      <Header detail={detail} />
      <Row gutter={16} style={{ marginTop: 16 }} align="top">
        <Col span={14}>
          <Card title="公开过程（完整还原）" extra={<Text type="secondary">共 {props.timeline.length} 条记录 · 北京时间</Text>}>
            {props.isTimelineCut && (
              <Notice type="warning" showIcon style={{ marginBottom: 16 }} title="记录过多，仅显示最早的部分。" />
            )}
            {props.timeline.length === 0 ? (
              <Empty description="暂无过程记录" />
            ) : (
              <Timeline items={props.timeline.map(timelineItem)} data-testid="item-timeline" />
            )}
          </Card>
        </Col>
        <Col span={10}>
          <Requirements detail={detail} />
          <CurrentAlerts alerts={detail.alerts} />
        </Col>
      </Row>
    </div>
  );
}

function Header({ detail }: { detail: ItemDetail }) {
  const own = detail.obligations.find((o) => o.item?.id === detail.id) ?? detail.obligations[0] ?? null;
  return (
    <Card>
      <Title level={3} style={{ marginTop: 0, marginBottom: 8 }} data-testid="item-title">
        {detail.title}
      </Title>
      <Space size={[8, 8]} wrap style={{ marginBottom: 16 }} data-testid="item-state">
        {detail.withdrawnAt ? (
          <Tag>已撤回</Tag>
        ) : detail.publishedAt ? (
          <Tag color="success">已公开</Tag>
        ) : (
          <Tag color="default">未公开</Tag>
        )}
        <DeadlineTag obligation={own} />
        {detail.alerts.length > 0 ? (
          <Tag color="error">{detail.alerts.length} 条未解除预警</Tag>
        ) : (
          <Tag color="success">无未解除预警</Tag>
        )}
        <Tag>{domainLabel(detail.entry.domain)}</Tag>
      </Space>
      <Descriptions
        size="small"
        bordered
        column={3}
        items={[
          { key: 'indexNo', label: '索引号', children: detail.indexNo ?? <Text type="secondary">未填写</Text> },
          { key: 'docNo', label: '文号', children: detail.docNo ?? <Text type="secondary">无</Text> },
          { key: 'publisher', label: '发布机构', children: detail.publisher ?? <Text type="secondary">未填写</Text> },
          {
            key: 'department',
            label: '责任部门',
            children: <Link href={`/departments/${detail.department.id}`}>{detail.department.name}</Link>,
          },
          {
            key: 'entry',
            label: '公开事项',
            span: 2,
            children: (
              <Link href={`/catalog/${detail.entry.id}`}>
                {detail.entry.code} {detail.entry.name}
              </Link>
            ),
          },
          { key: 'formedAt', label: '信息形成时间', children: formatTime(detail.formedAt) },
          { key: 'publishedAt', label: '发布时间', children: formatTime(detail.publishedAt) },
          { key: 'receivedAt', label: '平台接收时间', children: formatTime(detail.receivedAt) },
          ...(detail.eventAt ? [{ key: 'eventAt', label: '事件时间', children: formatTime(detail.eventAt) }] : []),
          {
            key: 'channels',
            label: '已发布渠道',
            span: detail.eventAt ? 2 : 3,
            children:
              detail.channels.length === 0 ? (
                <Text type="secondary">尚未在任何渠道发布</Text>
              ) : (
                detail.channels.map((channel) => <Tag key={channel}>{channelLabel(channel)}</Tag>)
              ),
          },
          {
            key: 'url',
            label: '原文链接',
            span: 2,
            children: detail.url ? (
              <Text ellipsis style={{ maxWidth: 560 }} copyable>
                {detail.url}
              </Text>
            ) : (
              <Text type="secondary">无</Text>
            ),
          },
          { key: 'version', label: '版本', children: `第 ${detail.version} 版 · ${detail.region.name}` },
        ]}
      />
    </Card>
  );
}

function DeadlineTag({ obligation }: { obligation: ObligationView | null }) {
  if (!obligation) return <Tag>时限不可量化</Tag>;
  if (obligation.state === 'cancelled') return <Tag>义务已撤销</Tag>;
  if (obligation.state === 'fulfilled') {
    return obligation.isLate ? <Tag color="orange">逾期公开</Tag> : <Tag color="success">按时公开</Tag>;
  }
  if (obligation.level === 'orange' || obligation.level === 'red') {
    return (
      <Space size={4}>
        <Tag color="error">超期未公开</Tag>
        <LevelTag level={obligation.level} />
      </Space>
    );
  }
  if (obligation.level === 'yellow') {
    return (
      <Space size={4}>
        <Tag color="warning">临期 · 应于 {obligation.dueDay} 前公开</Tag>
      </Space>
    );
  }
  return <Tag color="processing">未到期 · 应于 {obligation.dueDay} 前公开</Tag>;
}

function timelineItem(entry: TimelineEntry): TimelineItemType {
  const label = TIMELINE_KIND_LABELS[entry.kind] ?? entry.kind;
  const level = isLevel(entry.toLevel) ? entry.toLevel : isLevel(entry.level) ? entry.level : null;
  const lines = entry.kind === 'updated' ? diffLines(entry.diff) : [];
  return {
    key: entry.id,
    color: colorOf(entry, level),
    content: (
      <div data-testid={`timeline-${entry.kind}`} style={{ paddingBottom: 4 }}>
        <Space size={8} wrap>
          <Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatTime(entry.at)}
          </Text>
          <Text strong>{label}</Text>
          <Tag variant="outlined" style={{ marginInlineEnd: 0 }}>
            {entry.source === 'alert' && typeof entry.ruleKind === 'string'
              ? ((RULE_KIND_LABELS as Readonly<Record<string, string | undefined>>)[entry.ruleKind] ?? SOURCE_LABELS.alert)
              : SOURCE_LABELS[entry.source]}
          </Tag>
          {level && <LevelTag level={level} isDeadline={entry.source !== 'alert' || entry.ruleKind === 'deadline'} />}
        </Space>
        <div>
          <Text type="secondary">
            <StaffName actor={entry.actor} name={entry.actorName} />
          </Text>
        </div>
        {entry.note && <div style={{ marginTop: 2 }}>{entry.note}</div>}
        {lines.length > 0 && (
          <div style={{ marginTop: 6, background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4, padding: '6px 10px' }}>
            {lines.map((line) => (
              <div key={line.key} style={{ display: 'flex', gap: 8, lineHeight: '22px' }} data-testid="timeline-diff">
                <Text strong style={{ minWidth: 84, flex: 'none' }}>
                  {line.label}
                </Text>
                <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {line.isBeforeEmpty ? (
                    <Text type="secondary">{line.before}</Text>
                  ) : (
                    <Text delete type="secondary">
                      {clip(line.before)}
                    </Text>
                  )}
                  <Text type="secondary"> → </Text>
                  <Text>{clip(line.after)}</Text>
                </span>
              </div>
            ))}
          </div>
        )}
      </div>
    ),
  };
}

const clip = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…` : text);

function colorOf(entry: TimelineEntry, level: Exclude<Level, 'none'> | null): string {
  switch (entry.kind) {
    case 'published':
      return OK;
    case 'withdrawn':
    case 'obligation_opened':
    case 'obligation_cancelled':
      return 'gray';
    case 'obligation_fulfilled':
      return entry.isLate ? LEVEL_COLORS.orange.ink : OK;
    case 'alert_resolved':
    case 'dispute_accepted':
      return OK;
    default:
      return level ? LEVEL_COLORS[level].ink : '#1f4e8c';
  }
}

function Requirements({ detail }: { detail: ItemDetail }) {
  const { entry, requirements } = detail;
  const isPublished = detail.publishedAt !== null && detail.withdrawnAt === null;
  return (
    <Card title="公开要求" style={{ marginBottom: 16 }} data-testid="requirements-panel">
      {!isPublished && (
        <Notice
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="信息尚未公开：要素和渠道在发布后检查，下面是按当前内容核对的结果。"
        />
      )}
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 84 } }}
        items={[
          {
            key: 'entry',
            label: '公开事项',
            children: (
              <span>
                <Link href={`/catalog/${entry.id}`}>{entry.name}</Link> <Text type="secondary">{entry.code}</Text>
                <Tag style={{ marginInlineStart: 8 }}>{MODE_LABELS[entry.mode]}</Tag>
              </span>
            ),
          },
          { key: 'basis', label: '公开依据', children: entry.basis },
          { key: 'content', label: '公开内容', children: entry.content },
          {
            key: 'timeLimit',
            label: '公开时限',
            children: (
              <div>
                <div>{entry.timeLimit.text}</div>
                <Text type="secondary">
                  <Tag style={{ marginInlineEnd: 6 }}>{TIME_LIMIT_KIND_LABELS[entry.timeLimit.kind]}</Tag>
                  {describeTimeLimit(entry.timeLimit)}
                </Text>
              </div>
            ),
          },
        ]}
      />
      {detail.obligations.map((obligation) => (
        <ObligationTimes key={obligation.id} obligation={obligation} />
      ))}

      <Title level={5} style={{ marginTop: 16 }}>
        公开要素
        <Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal', marginInlineStart: 8 }}>
          {detail.rules.completeness ? '完整性检查已启用' : '完整性检查未启用（按默认规则核对）'}
        </Text>
      </Title>
      {requirements.elements.length === 0 ? (
        <Text type="secondary">该事项未规定必备要素</Text>
      ) : (
        <div data-testid="requirement-elements">
          {requirements.elements.map((element) => (
            <ElementRow key={element.key} element={element} />
          ))}
        </div>
      )}

      <Title level={5} style={{ marginTop: 16 }}>
        公开渠道
        <Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal', marginInlineStart: 8 }}>
          要求 {entry.channels.length} 个 · 已发布 {detail.channels.length} 个{detail.rules.channel ? '' : ' · 渠道检查未启用'}
        </Text>
      </Title>
      <Space size={[6, 6]} wrap data-testid="requirement-channels">
        {requirements.channels.map((channel) =>
          channel.isRequired ? (
            <Tag
              key={channel.channel}
              color={channel.isPublished ? 'success' : 'error'}
              icon={channel.isPublished ? <CheckCircleFilled /> : <CloseCircleFilled />}
            >
              {channel.label}
            </Tag>
          ) : (
            <Tag key={channel.channel} icon={<CheckCircleFilled />}>
              {channel.label}（非必需）
            </Tag>
          ),
        )}
      </Space>
      {requirements.missingChannels.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <Text type="danger">未在以下渠道发布：{requirements.missingChannels.map(channelLabel).join('、')}</Text>
        </div>
      )}
    </Card>
  );
}

function ObligationTimes({ obligation }: { obligation: ObligationView }) {
  const state =
    obligation.state === 'fulfilled'
      ? obligation.isLate
        ? '已履行（逾期）'
        : '已履行（按时）'
      : obligation.state === 'cancelled'
        ? '已撤销'
        : '未履行';
  return (
    <div
      style={{ marginTop: 12, padding: '8px 12px', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4 }}
      data-testid="obligation-times"
    >
      <Space size={8} style={{ marginBottom: 4 }} wrap>
        <Text strong>公开义务{obligation.periodKey ? `（${obligation.periodKey} 期）` : ''}</Text>
        <Tag color={obligation.state === 'fulfilled' ? (obligation.isLate ? 'orange' : 'success') : 'default'}>{state}</Tag>
        {obligation.state === 'open' && obligation.level !== 'none' && <LevelTag level={obligation.level} />}
        {obligation.isProvisional && <Tag color="warning">暂定（工作日历未发布）</Tag>}
      </Space>
      <div style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 2, fontVariantNumeric: 'tabular-nums' }}>
        <Text type="secondary">临期提醒</Text>
        <span>{formatTime(obligation.warnAt)} 起</span>
        <Text type="secondary">公开期限</Text>
        <span>
          {obligation.dueDay} 24:00 前 <DeadlineExplanation deadline={obligation.deadline} />
        </span>
        <Text type="secondary">严重超期</Text>
        <span>{formatTime(obligation.severeAt)} 起</span>
        {obligation.fulfilledAt && (
          <>
            <Text type="secondary">履行时间</Text>
            <span>{formatTime(obligation.fulfilledAt)}</span>
          </>
        )}
      </div>
    </div>
  );
}

function ElementRow({ element }: { element: ElementCheck }) {
  const icon =
    element.status === 'ok' ? (
      <CheckCircleFilled style={{ color: OK }} aria-label="符合" />
    ) : element.status === 'missing' ? (
      <CloseCircleFilled style={{ color: LEVEL_COLORS.red.ink }} aria-label="缺失" />
    ) : (
      <ExclamationCircleFilled style={{ color: LEVEL_COLORS.orange.ink }} aria-label="格式不符" />
    );
  return (
    <div style={{ display: 'flex', gap: 8, padding: '5px 0', borderBottom: '1px dashed #f0f0f0' }} data-testid={`element-${element.status}`}>
      <span style={{ paddingTop: 1 }}>{icon}</span>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Space size={6}>
          <Text strong>{element.label}</Text>
          {!element.isRequired && <Text type="secondary">（非必备，但格式须规范）</Text>}
        </Space>
        <Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ marginBottom: 0 }}>
          {element.value ?? <MinusCircleOutlined />}
        </Paragraph>
        {element.messages.map((message) => (
          <div key={message}>
            <Text type="danger">{message}</Text>
          </div>
        ))}
      </div>
    </div>
  );
}

const STATE_TAGS = { open: <Tag color="error">待确认</Tag>, acknowledged: <Tag color="processing">已确认</Tag>, resolved: <Tag>已解除</Tag> };

function CurrentAlerts({ alerts }: { alerts: Alert[] }) {
  return (
    <Card title="当前预警" data-testid="item-alerts">
      {alerts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该信息当前没有未解除的预警" />
      ) : (
        alerts.map((alert) => (
          <div key={alert.id} style={{ padding: '8px 0', borderBottom: '1px solid #f5f5f5' }}>
            <Space size={6} wrap>
              <LevelTag level={alert.level} isDeadline={alert.rule.kind === 'deadline'} />
              <Tag>{RULE_KIND_LABELS[alert.rule.kind] ?? alert.rule.kind}</Tag>
              {STATE_TAGS[alert.state]}
            </Space>
            <div style={{ marginTop: 4 }}>{alert.message}</div>
            <Text type="secondary">
              {formatTime(alert.openedAt)} 产生
              {alert.acknowledgedAt && alert.acknowledgedBy && (
                <>
                  {' '}
                  · {formatTime(alert.acknowledgedAt)} 由 <StaffName actor={alert.acknowledgedBy} name={alert.acknowledgedByName} /> 确认
                </>
              )}
            </Text>
          </div>
        ))
      )}
    </Card>
  );
}
