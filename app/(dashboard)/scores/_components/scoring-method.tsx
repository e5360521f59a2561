'use client';

// 计分说明: what each indicator counts, when a case fails, the backlog rule, 样本不足, red-alert deductions and
// how ranks are given — the rules of lib/scoring in words, with the weights of the version in force.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Table, Typography } from 'antd';
import Link from 'next/link';
import { INDICATOR_KEYS, INDICATOR_LABELS, type IndicatorKey, type Weights } from '../../../../lib/scoring/weights';

const { Title, Paragraph, Text } = Typography;

function caseRules(weights: Weights): Record<IndicatorKey, { counts: string; passes: string }> {
  return {
    timeliness: {
      counts: '到期月份在本月的公开义务（已到期或已履行）；另加积压：到期月份之前应公开、到本月开始仍未公开的义务，每积压一个月计一件',
      passes: '在期限（到期日 24:00）前公开；积压的义务在它未公开的每个月都计为不合格，直到公开为止',
    },
    completeness: {
      counts: '本月发布的公开信息（已撤回的除外）',
      passes: '发布时未被发现要素不全或未在要求的渠道发布；事后补正仍计不合格，政务公开办人工认定为例外的除外',
    },
    complaintAccept: { counts: '本月受理、已签收或签收期限已过的投诉', passes: '在签收期限内签收' },
    complaintReply: { counts: '本月受理、已答复或答复期限已过的投诉', passes: '在答复期限（含批准的延期）内答复' },
    complaintSatisfaction: { counts: '本月受理、已回访评价的投诉', passes: '非常满意、满意或基本满意' },
    alertResponse: {
      counts: '本月产生、已解除或确认时限已过的预警',
      passes: `${weights.alertAckHours} 小时内确认（或解除），且 ${weights.alertResolveHours} 小时内解除`,
    },
    requestReply: {
      counts: '答复期限在本月的政府信息公开申请（已答复或期限已过）；期限前撤回的、逾期不补正视为放弃的不计',
      passes: '在答复期限（收到申请后 20 个工作日，扣除征求意见的时间，含批准的延期）内答复',
    },
  };
}

export function ScoringMethod({ version, weights }: { version: number; weights: Weights }) {
  const rules = caseRules(weights);
  const total = INDICATOR_KEYS.reduce((sum, key) => sum + weights.indicators[key], 0);
  const rows = INDICATOR_KEYS.map((key) => ({ key, label: INDICATOR_LABELS[key], weight: weights.indicators[key], ...rules[key] }));
  return (
    <div style={{ maxWidth: 1080, margin: '0 auto' }} data-testid="scoring-method">
      <Link href="/scores">
        <ArrowLeftOutlined /> 返回排名
      </Link>
      <Title level={3} style={{ marginTop: 8 }}>
        计分说明
      </Title>
      <Paragraph type="secondary">
        每个部门、每个岗位按自然月计分，满分 100 分。下列权重为{version === 0 ? '默认权重' : `第 ${version} 版权重`}；每一项扣分都指向具体的公开义务、公开信息、预警或投诉，点击排名中的名称即可查看。
      </Paragraph>
      <Card title="指标与权重" style={{ marginBottom: 16 }}>
        <Table
          rowKey="key"
          pagination={false}
          size="middle"
          dataSource={rows}
          columns={[
            { title: '指标', dataIndex: 'label', width: 140 },
            { title: '权重', dataIndex: 'weight', width: 90, align: 'right', render: (w: number) => `${w}（${((w / total) * 100).toFixed(0)}%）` },
            { title: '计入本月的', dataIndex: 'counts' },
            { title: '合格的', dataIndex: 'passes' },
          ]}
        />
        <Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          每项指标按合格比例得到它的分值：分值 = 100 × 该指标权重 ÷ 计分指标的权重之和；每件不合格扣去该指标分值的同等一份。
        </Paragraph>
      </Card>
      <Card title="积压的公开义务" style={{ marginBottom: 16 }}>
        <Paragraph style={{ marginBottom: 0 }}>
          一项公开义务在到期月份计一次（按时或逾期）。到期月份过后仍未公开的，从下一个月起，它在每个月开始时仍未公开，就计为该月公开及时率的一件不合格（「积压」），直到公开的那个月为止。因此，有严重超期积压的部门，公开及时率不会显示为 100%。
        </Paragraph>
      </Card>
      <Card title="样本不足" style={{ marginBottom: 16 }}>
        <Paragraph style={{ marginBottom: 0 }}>
          一项指标当月不足 <Text strong>{weights.minCases}</Text> 件时不计分（显示「样本不足」），它的权重按比例分给其他指标；所有指标都不足时不评分，得分显示「—」。多数指标样本不足的部门，排名中在得分旁标注「样本不足」：它的得分只依据少数几项指标，仅供参考。
        </Paragraph>
      </Card>
      <Card title="红色预警扣分" style={{ marginBottom: 16 }}>
        <Paragraph style={{ marginBottom: 0 }}>
          当月达到红色（严重超期）的每条预警另扣 <Text strong>{weights.redPenalty}</Text> 分，每月最多扣 <Text strong>{weights.redPenaltyCap}</Text> 分。公开义务的预警计在它进入严重超期的月份。
        </Paragraph>
      </Card>
      <Card title="投诉属实扣分" style={{ marginBottom: 16 }}>
        <Paragraph style={{ marginBottom: 0 }}>
          投诉处理人员办结投诉时认定属实并指明未按规定公开的公开事项的，对该事项的责任部门每件扣 <Text strong>{weights.substantiatedPenalty}</Text> 分，计在认定的月份；撤销认定后不再扣分。
        </Paragraph>
      </Card>
      <Card title="排名与月份">
        <Paragraph>
          得分从高到低排名；得分相同的并列同一名次（如 1、2、2、4），名次旁标「并列」。本月没有应办事项的部门不参与排名，名次和得分显示「—」，列在最后。
        </Paragraph>
        <Paragraph style={{ marginBottom: 0 }}>
          考核评分、区域汇总和月度报告默认显示上一个完整的月份；本月可在月份中选择，标为「本月（进行中，截至某日）」。本月尚未结束，得分随公开、预警和投诉实时变化，不与上月比较升降。
        </Paragraph>
      </Card>
    </div>
  );
}
