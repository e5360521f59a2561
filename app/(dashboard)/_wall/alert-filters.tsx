'use client';

// The list's filters; every change lands in the URL (a bookmarkable view) through the wall.
import { CalendarOutlined, ClearOutlined, DownOutlined } from '@ant-design/icons';
import { Button, Divider, Input, Popover, Radio, Select } from 'antd';
import { useMemo, useState } from 'react';
import type { AlertLevel } from '../../../lib/rules/rule';
import { MAX_SEARCH_CHARS, type StateFilter } from '../../../lib/alerts/alert-filter';
import type { WallGrouping } from '../../../lib/alerts/wall-entries';
import { DOMAIN_LABELS, DOMAINS, LEVEL_NAMES, type Domain } from '../../../lib/alerts/labels';
import { addDaysToDay, isYmd, shanghaiDayOf } from '../../../lib/calendar/ymd';
import { isDefaultWallQuery, type WallQuery } from '../../../lib/alerts/wall-query';
import type { DepartmentSummary } from '../../../lib/regions/queries';
import { DayRangePicker } from '../_components/day-pickers';
import { fetchAllDepartments, fetchAllRegions } from './wall-api';
import styles from './wall.module.css';

const STATE_OPTIONS: { value: StateFilter; label: string }[] = [
  { value: 'unresolved', label: '未解除' },
  { value: 'open', label: '待确认' },
  { value: 'acknowledged', label: '已确认' },
  { value: 'resolved', label: '已解除' },
  { value: 'all', label: '全部状态' },
];

const LEVEL_OPTIONS = [
  { value: '', label: '全部级别' },
  ...(['red', 'orange', 'yellow'] as AlertLevel[]).map((level) => ({ value: level, label: LEVEL_NAMES[level] })),
];

const DOMAIN_OPTIONS = [{ value: '', label: '全部领域' }, ...DOMAINS.map((domain) => ({ value: domain, label: DOMAIN_LABELS[domain] }))];

// relative ranges are written as their first day, so a bookmark keeps the days it was made with
const PRESETS = [
  { value: 'today', label: '今天', back: 0 },
  { value: '3d', label: '近 3 天', back: 2 },
  { value: '7d', label: '近 7 天', back: 6 },
  { value: '30d', label: '近 30 天', back: 29 },
] as const;

function rangeChoice(query: WallQuery, today: string): string {
  if (!query.from && !query.to) return '';
  if (!query.to) {
    const preset = PRESETS.find((p) => query.from === addDaysToDay(today, -p.back));
    if (preset) return preset.value;
  }
  return 'custom';
}

interface DepartmentOptions {
  status: 'idle' | 'loading' | 'ready' | 'error';
  options: { label: string; value?: number; options?: { label: string; value: number }[] }[];
}

async function loadDepartmentOptions(): Promise<DepartmentOptions['options']> {
  const [departments, regions] = await Promise.all([fetchAllDepartments(), fetchAllRegions()]);
  const regionName = new Map(regions.map((region) => [region.code, region.name]));
  const byRegion = new Map<string, DepartmentSummary[]>();
  for (const department of departments) {
    const list = byRegion.get(department.regionId) ?? [];
    list.push(department);
    byRegion.set(department.regionId, list);
  }
  const option = (department: DepartmentSummary) => ({ label: department.name, value: department.id });
  if (byRegion.size <= 1) return departments.map(option);
  return [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, list]) => ({ label: regionName.get(code) ?? code, options: list.map(option) }));
}

const GROUPING_OPTIONS: { value: WallGrouping; label: string }[] = [
  { value: 'none', label: '不分组' },
  { value: 'item', label: '按事项分组' },
  { value: 'department_rule', label: '按部门与规则分组' },
];

export function AlertFilters(props: {
  query: WallQuery;
  onChange: (next: WallQuery) => void;
  grouping: WallGrouping;
  onGroupingChange: (grouping: WallGrouping) => void;
  /** Names of departments the wall already knows, to label a department filter before the list loads. */
  knownDepartments: ReadonlyMap<number, string>;
  shownCount: number;
  hasMore: boolean;
  /** A department user sees one department: no department filter. */
  isDepartmentView: boolean;
}) {
  const { query, onChange } = props;
  const [departments, setDepartments] = useState<DepartmentOptions>({ status: 'idle', options: [] });

  const set = (patch: Partial<WallQuery>) => {
    const next: WallQuery = { ...query, ...patch };
    for (const key of Object.keys(patch) as (keyof WallQuery)[]) if (patch[key] === undefined) delete next[key];
    onChange(next);
  };

  const ensureDepartments = () => {
    if (departments.status === 'loading' || departments.status === 'ready') return;
    setDepartments({ status: 'loading', options: [] });
    loadDepartmentOptions().then(
      (options) => setDepartments({ status: 'ready', options }),
      () => setDepartments({ status: 'error', options: [] }),
    );
  };

  const departmentOptions = useMemo(() => {
    if (departments.status === 'ready' || query.departmentId === undefined) return departments.options;
    const name = props.knownDepartments.get(query.departmentId) ?? `部门 ${query.departmentId}`;
    return [{ label: name, value: query.departmentId }];
  }, [departments, query.departmentId, props.knownDepartments]);

  return (
    <div className={styles.filters} role="search" aria-label="筛选预警">
      <Input.Search
        // a new search from elsewhere (清除筛选, the address) starts the box over
        key={query.q ?? ''}
        defaultValue={query.q}
        placeholder="搜索事项、部门或预警内容"
        aria-label="搜索预警"
        allowClear
        maxLength={MAX_SEARCH_CHARS}
        onSearch={(text) => set({ q: text.trim() || undefined })}
        style={{ width: 240 }}
        data-testid="filter-search"
      />
      <Select
        aria-label="级别"
        value={query.level ?? ''}
        options={LEVEL_OPTIONS}
        onChange={(value: string) => set({ level: (value || undefined) as AlertLevel | undefined })}
        style={{ width: 118 }}
        data-testid="filter-level"
      />
      <Select
        aria-label="状态"
        value={query.state}
        options={STATE_OPTIONS}
        onChange={(value: StateFilter) => set({ state: value })}
        style={{ width: 106 }}
        data-testid="filter-state"
      />
      <Select
        aria-label="领域"
        value={query.domain ?? ''}
        options={DOMAIN_OPTIONS}
        onChange={(value: string) => set({ domain: (value || undefined) as Domain | undefined })}
        style={{ width: 136 }}
        popupMatchSelectWidth={false}
        data-testid="filter-domain"
      />
      {!props.isDepartmentView && (
        <Select<number>
          aria-label="责任部门"
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          placeholder="全部部门"
          value={query.departmentId}
          options={departmentOptions}
          loading={departments.status === 'loading'}
          notFoundContent={departments.status === 'error' ? '部门列表加载失败' : departments.status === 'loading' ? '加载中…' : '无匹配部门'}
          onOpenChange={(open) => open && ensureDepartments()}
          onFocus={ensureDepartments}
          onChange={(value) => set({ departmentId: value ?? undefined })}
          style={{ width: 200 }}
          popupMatchSelectWidth={280}
          data-testid="filter-department"
        />
      )}
      <TimeRangeFilter query={query} onChange={(range) => set(range)} />
      <Select<WallGrouping>
        aria-label="分组"
        value={props.grouping}
        options={GROUPING_OPTIONS}
        onChange={props.onGroupingChange}
        style={{ width: 176 }}
        data-testid="filter-grouping"
      />
      {!isDefaultWallQuery(query) && (
        <Button
          type="link"
          size="small"
          icon={<ClearOutlined />}
          onClick={() => onChange({ state: 'unresolved' })}
        >
          清除筛选
        </Button>
      )}
      {props.shownCount > 0 && (
        <span className={styles.filterCount} data-testid="filter-count">
          已显示 {props.shownCount.toLocaleString('zh-CN')} 条{props.hasMore ? '，向下滚动加载更多' : ''}
        </span>
      )}
    </div>
  );
}

const shortDay = (day: string, today: string) => (day.slice(0, 4) === today.slice(0, 4) ? day.slice(5) : day);

/** 发生时间: presets in one click, or two days; a bare day is that whole day in Asia/Shanghai. */
function TimeRangeFilter(props: { query: WallQuery; onChange: (range: { from?: string; to?: string }) => void }) {
  const { query } = props;
  const [isOpen, setOpen] = useState(false);
  const [draft, setDraft] = useState({ from: '', to: '' });
  const today = shanghaiDayOf(new Date());
  const choice = rangeChoice(query, today);
  const preset = PRESETS.find((p) => p.value === choice);
  const isDayRange = (!query.from || isYmd(query.from)) && (!query.to || isYmd(query.to));
  const label =
    choice === ''
      ? '全部时间'
      : preset
        ? preset.label
        : isDayRange
          ? `${query.from ? shortDay(query.from, today) : '…'} 至 ${query.to ? shortDay(query.to, today) : '今'}`
          : '自定义时间';

  const apply = (range: { from?: string; to?: string }) => {
    props.onChange({ from: range.from || undefined, to: range.to || undefined });
    setOpen(false);
  };
  const isDraftValid = (draft.from === '' || isYmd(draft.from)) && (draft.to === '' || isYmd(draft.to)) && !(draft.from && draft.to && draft.to < draft.from);

  const content = (
    <div style={{ width: 320 }}>
      <Radio.Group
        value={preset ? preset.value : choice === '' ? '' : undefined}
        optionType="button"
        size="small"
        onChange={(event) => {
          const picked = PRESETS.find((p) => p.value === event.target.value);
          apply({ from: picked ? addDaysToDay(today, -picked.back) : undefined });
        }}
        options={[{ value: '', label: '全部' }, ...PRESETS.map((p) => ({ value: p.value, label: p.label }))]}
      />
      <Divider style={{ margin: '12px 0' }} plain>
        或选择日期
      </Divider>
      <DayRangePicker
        size="small"
        value={draft}
        max={today}
        onChange={setDraft}
        style={{ width: '100%' }}
        getPopupContainer={(trigger) => trigger.parentElement ?? document.body}
      />
      <div style={{ marginTop: 10, textAlign: 'right' }}>
        <Button size="small" type="primary" disabled={!isDraftValid || (draft.from === '' && draft.to === '')} onClick={() => apply(draft)}>
          应用
        </Button>
      </div>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomLeft"
      open={isOpen}
      onOpenChange={(open) => {
        if (open) setDraft({ from: query.from && isYmd(query.from) ? query.from : '', to: query.to && isYmd(query.to) ? query.to : '' });
        setOpen(open);
      }}
      content={content}
      title="发生时间"
    >
      <Button icon={<CalendarOutlined />} aria-label="发生时间" data-testid="filter-range" style={{ minWidth: 118 }}>
        {label}
        <DownOutlined style={{ fontSize: 10, color: '#9ca3af' }} />
      </Button>
    </Popover>
  );
}
