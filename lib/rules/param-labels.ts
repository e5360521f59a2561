// zh-CN names of each rule kind's params, for the rules page and the preview text.
import type { RuleKind } from './rule';

export interface ParamField {
  key: string;
  label: string;
  type: 'working_days' | 'number' | 'flag';
  min?: number;
  max?: number;
  unit?: string;
  help?: string;
}

export const RULE_PARAM_FIELDS: Readonly<Record<RuleKind, readonly ParamField[]>> = {
  deadline: [
    { key: 'warnWorkingDays', label: '临期提醒', type: 'working_days', min: 0, max: 30, unit: '个工作日', help: '到期日前（含到期日）最后几个工作日亮黄色预警' },
    { key: 'severeWorkingDays', label: '严重超期', type: 'working_days', min: 1, max: 60, unit: '个工作日', help: '超过到期日第几个工作日后亮红色预警' },
  ],
  completeness: [
    { key: 'checkIndexNoFormat', label: '校验索引号格式', type: 'flag' },
    { key: 'maxSummaryLength', label: '内容概述字数上限', type: 'number', min: 1, max: 1000, unit: '字' },
    { key: 'requirePublisherFullName', label: '发布机构须为全称', type: 'flag' },
  ],
  channel: [],
  complaint_sla: [
    { key: 'assignWorkingDays', label: '派单时限', type: 'working_days', min: 1, max: 30, unit: '个工作日' },
    { key: 'acceptWorkingDays', label: '签收时限', type: 'working_days', min: 1, max: 30, unit: '个工作日' },
    { key: 'replyWorkingDays', label: '答复时限', type: 'working_days', min: 1, max: 60, unit: '个工作日' },
  ],
  complaint_substantiated: [],
  request_reply: [
    { key: 'warnWorkingDays', label: '临期提醒', type: 'working_days', min: 0, max: 30, unit: '个工作日', help: '答复期限前（含到期日）最后几个工作日亮黄色预警' },
    { key: 'severeWorkingDays', label: '严重超期', type: 'working_days', min: 1, max: 60, unit: '个工作日', help: '超过答复期限第几个工作日后亮红色预警' },
  ],
  request_confirm: [
    { key: 'confirmWorkingDays', label: '确认收到时限', type: 'working_days', min: 1, max: 10, unit: '个工作日', help: '网上申请提交后几个工作日内确认收到' },
    { key: 'warnWorkingDays', label: '临期提醒', type: 'working_days', min: 0, max: 10, unit: '个工作日' },
    { key: 'severeWorkingDays', label: '严重超期', type: 'working_days', min: 1, max: 30, unit: '个工作日' },
  ],
  request_correction: [
    { key: 'periodWorkingDays', label: '补正期限', type: 'working_days', min: 1, max: 60, unit: '个工作日', help: '告知补正时给申请人的默认期限；逾期未补正视为放弃申请' },
    { key: 'severeWorkingDays', label: '严重超期', type: 'working_days', min: 1, max: 30, unit: '个工作日', help: '补正期限届满后第几个工作日仍未处理亮红色预警' },
  ],
};

/** "临期提醒 3 个工作日 · 严重超期 10 个工作日"; channel rules have nothing to tune. */
export function describeParams(kind: RuleKind, params: Record<string, unknown>): string {
  const fields = RULE_PARAM_FIELDS[kind];
  if (kind === 'complaint_substantiated') return '投诉办结认定属实时，对责任部门记违规';
  if (fields.length === 0) return '按目录要求的渠道检查';
  return fields
    .map((field) => {
      const value = params[field.key];
      if (field.type === 'flag') return `${field.label}：${value ? '是' : '否'}`;
      return `${field.label} ${String(value)} ${field.unit ?? ''}`.trim();
    })
    .join(' · ');
}
