// The demo 政务公开事项目录: for each pilot unit, at least 5 entries in each of the 9 pilot domains,
// built from the county catalogs summarised in shared/domain/reference.md §2 (their 事项, content
// elements, legal bases, time limits and channels), plus the annual report and a few general entries.
import { parseTimeLimit } from '../lib/catalog/parse-time-limit';
import type { TimeLimit } from '../lib/catalog/time-limit';
import type { Db } from '../lib/db/sql';
import type { PilotUnit } from './geography';
import {
  departmentWithRole,
  type DepartmentRole,
  type DepartmentSeed,
  type Domain,
  type PositionCode,
} from './departments';
import { company, maskedPerson, pharmacyName, publicProject, shopName } from './names';
import { intBetween, pick, type Rng } from './prng';
import type { Channel } from '../lib/rules/evaluate-channels';
import { profileOf, type UnitProfile } from './unit-profiles';

export const DOMAIN_CODE_PREFIX: Readonly<Record<Domain, string>> = {
  urban_rural_planning: 'CXGH',
  major_projects: 'ZDXM',
  budgets: 'CZYJ',
  taxation: 'SSGL',
  environment: 'STHJ',
  food_drug: 'SPYP',
  work_safety: 'AQSC',
  public_culture: 'GGWH',
  public_legal: 'GGFL',
  other: 'ZWGK',
};

export interface AttachmentSpec {
  name: string;
}

/** What a title or field generator may draw on for one item. */
export interface ItemTextContext {
  rng: Rng;
  unit: PilotUnit;
  profile: UnitProfile;
  cityShortName: string;
  department: DepartmentSeed;
  year: number;
  month: number;
  day: number;
  /** 1-based count of this entry's items formed in the same year. */
  n: number;
  /** The period a periodic or fixed-date item covers. */
  period?: PeriodInfo;
}

export interface PeriodInfo {
  key: string;
  /** e.g. 2026年10月, 2026年第三季度, 2026年上半年, 2025年度 */
  label: string;
  year: number;
}

export interface EntryTemplate {
  key: string;
  domain: Domain;
  /** 一级事项 › 二级事项 */
  category: string;
  name: string | ((owner: DepartmentSeed) => string);
  basis: string;
  content: string;
  required: readonly string[];
  timeLimit: string;
  channels: readonly Channel[];
  audience?: 'public' | 'specific';
  mode?: 'proactive' | 'on_request' | 'withheld';
  withheldReason?: string;
  owner: DepartmentRole | { role: DepartmentRole; nth: number } | ((unit: PilotUnit) => DepartmentRole | { role: DepartmentRole; nth: number });
  position: PositionCode;
  /** Event-triggered entries: items formed per year (before the unit's size factor). */
  perYear?: number;
  /** Entries formed in given months only (budgets approved in January…): one item per month. */
  months?: readonly number[];
  /** Document-number kind, e.g. 环审; set when the item carries a 文号. */
  docKind?: string;
  title: (c: ItemTextContext) => string;
  fields?: (c: ItemTextContext) => Record<string, string>;
  attachments?: (c: ItemTextContext) => AttachmentSpec[];
}

// ——— legal bases, cited the way catalogs cite them ———
const TIAOLI = '《中华人民共和国政府信息公开条例》';
const URBAN_PLANNING_LAW = '《中华人民共和国城乡规划法》';
const LAND_LAW = '《中华人民共和国土地管理法》';
const LICENSING_LAW = '《中华人民共和国行政许可法》';
const PENALTY_LAW = '《中华人民共和国行政处罚法》';
const OPINION_2016 = '《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）';
const PROJECTS_2017 = '《关于推进重大建设项目批准和实施领域政府信息公开的意见》（国办发〔2017〕94号）';
const BUDGET_LAW = '《中华人民共和国预算法》';
const BUDGET_RULES = '《地方预决算公开操作规程》（财预〔2016〕143号）';
const BUDGET_2018 = '财预〔2018〕209号';
const TAX_LAW = '《中华人民共和国税收征收管理法》';
const TAX_2017 = '《全面推进政务公开工作实施办法》（税总发〔2017〕44号）';
const TAX_RIGHTS = '《关于纳税人权利与义务的公告》（国家税务总局公告2009年第1号）';
const ENV_LAW = '《中华人民共和国环境保护法》';
const EIA_LAW = '《中华人民共和国环境影响评价法》';
const WASTE_LAW = '《中华人民共和国固体废物污染环境防治法》';
const FOOD_LAW = '《中华人民共和国食品安全法》';
const FOOD_DISCLOSURE = '《食品药品安全监管信息公开管理办法》';
const DRUG_LAW = '《中华人民共和国药品管理法》';
const SAFETY_LAW = '《中华人民共和国安全生产法》';
const CULTURE_LAW = '《中华人民共和国公共文化服务保障法》';
const FREE_OPENING = '《关于推进全国美术馆、公共图书馆、文化馆（站）免费开放工作的意见》（文财务发〔2011〕5号）';
const DISABILITY_LAW = '《中华人民共和国残疾人保障法》';
const CULTURE_STANDARD = '《文化馆服务标准》（GB/T 32939-2016）';
const LEGAL_AID = '《中华人民共和国法律援助法》《法律援助条例》';
const LAWYERS_LAW = '《中华人民共和国律师法》';

const join = (...parts: string[]) => parts.join('');

// ——— time limits in the catalogs' own wording ———
const WD20 = '信息形成或变更之日起20个工作日内';
const WD20_FORMED = '信息形成之日起20个工作日内';
const DECISION7 = '自作出行政决定之日起7个工作日内';

// ——— required elements (payload keys, DESIGN §3) ———
const CORE = ['indexNo', 'publisher', 'summary', 'body'] as const;
const WITH_DOC = [...CORE, 'docNo'] as const;

const QUARTERS = ['一', '二', '三', '四'];
const quarterOf = (month: number) => Math.ceil(month / 3);

const GOV_BUDGET_TABLES = [
  '一般公共预算收支总表',
  '一般公共预算本级支出表',
  '一般公共预算基本支出表',
  '政府性基金预算收支表',
  '国有资本经营预算收支表',
  '三公经费表',
];
const GOV_FINAL_TABLES = GOV_BUDGET_TABLES.map((t) => t.replace('预算', '决算'));
const DEPT_BUDGET_TABLES = [
  '部门收支总表',
  '部门收入总表',
  '部门支出总表',
  '财政拨款收支总表',
  '一般公共预算支出表',
  '一般公共预算基本支出表',
  '三公经费表',
  '政府性基金预算支出表',
  '国有资本经营预算支出表',
];
const DEPT_FINAL_TABLES = DEPT_BUDGET_TABLES.map((t) => t.replace('预算', '决算'));

/** Required elements of a budget item: every table is a field (its figures, or why it is empty) and a file. */
const budgetRequired = (tables: readonly string[]) => [...CORE, 'attachments', ...tables.map((t) => `fields.${t}`)];

/**
 * A fund the body has no money in is published as an empty table with the reason
 * (没有数据的表格应当列出空表并说明): county units have no 国有资本经营 budget, departments and
 * townships no 政府性基金.
 */
function emptyTableReason(table: string, department: DepartmentSeed): string | null {
  if (table.includes('国有资本经营')) return `${department.shortName}本年度无国有资本经营预算收支，此表为空表`;
  if (table.includes('政府性基金') && !department.roles.includes('finance')) {
    return `${department.shortName}本年度无政府性基金预算拨款收支，此表为空表`;
  }
  return null;
}

function budgetFields(tables: readonly string[]): (c: ItemTextContext) => Record<string, string> {
  return (c) => {
    const fields: Record<string, string> = {};
    for (const table of tables) {
      const reason = emptyTableReason(table, c.department);
      if (reason) fields[table] = reason;
      else if (table === '三公经费表') fields[table] = threePublicExpenses(c);
      // a government's budget runs to 亿元, a department's or a township's to 万元
      else if (c.department.roles.includes('finance')) fields[table] = `合计${(intBetween(c.rng, 500, 45_000) / 100).toFixed(2)}亿元，详见附件`;
      else fields[table] = `合计${(intBetween(c.rng, 20_000, 900_000) / 100).toFixed(2)}万元，详见附件`;
    }
    return fields;
  };
}

const budgetAttachments = (tables: readonly string[]) => () => tables.map((name) => ({ name: `${name}.pdf` }));

function threePublicExpenses(c: ItemTextContext): string {
  const abroad = c.rng() < 0.7 ? 0 : intBetween(c.rng, 3, 25);
  const vehicles = intBetween(c.rng, 8, 90);
  const reception = intBetween(c.rng, 2, 30);
  return `合计${abroad + vehicles + reception}万元：因公出国（境）费${abroad}万元，公务用车购置及运行费${vehicles}万元，公务接待费${reception}万元`;
}

function projectCode(c: ItemTextContext): string {
  const industry = pick(c.rng, ['48', '47', '78', '44', '77', '83']);
  return `${c.year}-${c.unit.code}-${industry}-01-${String(intBetween(c.rng, 100000, 999999))}`;
}

const report = (name: string) => ({ name: `${name}.pdf` });

export const ENTRY_TEMPLATES: readonly EntryTemplate[] = [
  // ———————————— 城乡规划 ————————————
  {
    key: 'master-plan',
    domain: 'urban_rural_planning',
    category: '规划编制 › 国土空间总体规划',
    name: '国土空间总体规划批准信息',
    basis: join(URBAN_PLANNING_LAW, LAND_LAW, TIAOLI),
    content: '规划的批准文件；经脱密处理的规划文本和图件',
    required: [...WITH_DOC, 'attachments'],
    timeLimit: WD20,
    channels: ['website', 'open_platform', 'bulletin'],
    owner: 'planning',
    position: 'disclosure',
    perYear: 2,
    docKind: '规批',
    title: (c) => `关于《${c.unit.name}${pick(c.rng, ['国土空间分区规划（2021—2035年）', '中心城区国土空间规划（2021—2035年）', '国土空间总体规划（2021—2035年）局部修改'])}》获批的公告`,
    attachments: () => [report('规划文本（公开版）'), report('规划图件（公开版）')],
  },
  {
    key: 'detailed-plan',
    domain: 'urban_rural_planning',
    category: '规划编制 › 详细规划',
    name: '控制性详细规划批后公布',
    basis: join(URBAN_PLANNING_LAW, TIAOLI),
    content: '经批准的详细规划文本及图表（脱密后）',
    required: [...WITH_DOC, 'attachments'],
    timeLimit: WD20,
    channels: ['website', 'open_platform', 'bulletin'],
    owner: 'planning',
    position: 'disclosure',
    perYear: 8,
    docKind: '规批',
    title: (c) => `${pick(c.rng, c.profile.localities)}单元控制性详细规划${pick(c.rng, ['', '（局部调整）', '（修编）'])}批后公布`,
    attachments: () => [report('规划图则')],
  },
  {
    key: 'plan-draft-notice',
    domain: 'urban_rural_planning',
    category: '规划编制 › 规划草案批前公示',
    name: '规划草案批前公示',
    basis: join(URBAN_PLANNING_LAW, TIAOLI),
    content: '规划草案主要内容、公示起止时间、意见反馈渠道',
    required: [...CORE, 'attachments'],
    timeLimit: '报送审批前提前30日公示（公示时间不得少于30日）',
    channels: ['website', 'bulletin', 'wechat'],
    owner: 'planning',
    position: 'disclosure',
    perYear: 6,
    title: (c) => `${pick(c.rng, c.profile.localities)}${pick(c.rng, ['地块规划条件调整', '单元控制性详细规划修改', '片区城市设计'])}草案批前公示`,
    attachments: () => [report('规划草案公示图')],
  },
  {
    key: 'building-permit',
    domain: 'urban_rural_planning',
    category: '规划许可 › 建设工程规划许可证核发',
    name: '建设工程规划许可证核发信息',
    basis: join(URBAN_PLANNING_LAW, LICENSING_LAW, TIAOLI),
    content: '项目名称、建设单位、建设位置、建设规模、许可证编号、核发日期',
    required: [...CORE, 'fields.许可证编号'],
    timeLimit: DECISION7,
    channels: ['website', 'open_platform'],
    owner: 'planning',
    position: 'approval',
    perYear: 70,
    title: (c) => `${publicProject(c.rng, c.profile)}建设工程规划许可证批后公布`,
    fields: (c) => ({ 许可证编号: `建字第${c.unit.code}${c.year}${String(c.n).padStart(4, '0')}号` }),
  },
  {
    key: 'rural-permit',
    domain: 'urban_rural_planning',
    category: '规划许可 › 乡村建设规划许可证',
    name: '乡村建设规划许可证办理情况',
    basis: join(URBAN_PLANNING_LAW, TIAOLI),
    content: '乡村建设规划许可证新办、变更、延续、补证、注销的办理情况',
    required: CORE,
    timeLimit: WD20,
    channels: ['website', 'bulletin'],
    // issued by the town government where there are towns, by the planning bureau in urban districts
    owner: (unit) => (profileOf(unit).townships.some((t) => t.kind === 'town') ? { role: 'township', nth: lastTown(unit) } : 'planning'),
    position: 'disclosure',
    perYear: 12,
    title: (c) => `${c.department.township?.name ?? c.unit.shortName}${c.year}年${c.month}月乡村建设规划许可证办理情况`,
  },
  {
    key: 'planning-penalty',
    domain: 'urban_rural_planning',
    category: '行政处罚 › 规划行政处罚决定',
    name: '违法建设行政处罚决定',
    basis: join(URBAN_PLANNING_LAW, PENALTY_LAW, TIAOLI),
    content: '行政处罚决定书：当事人、违法事实、处罚依据、处罚内容、履行方式和期限',
    required: WITH_DOC,
    timeLimit: DECISION7,
    channels: ['website', 'open_platform'],
    owner: 'urban_mgmt',
    position: 'legal_review',
    perYear: 18,
    docKind: '城管罚',
    title: (c) => `行政处罚决定书（${c.rng() < 0.5 ? maskedPerson(c.rng) : company(c.rng, c.cityShortName).name}未经许可擅自建设案）`,
  },
  {
    key: 'planning-interaction',
    domain: 'urban_rural_planning',
    category: '政民互动 › 规划意见征集与答复',
    name: '规划意见征集及答复',
    basis: join(URBAN_PLANNING_LAW, TIAOLI),
    content: '规划意见征集公告、公众咨询答复、信访事项办理情况',
    required: CORE,
    timeLimit: '实时公开',
    channels: ['website', 'wechat', 'app'],
    owner: 'planning',
    position: 'publishing',
    perYear: 24,
    title: (c) => `关于${pick(c.rng, c.profile.localities)}规划方案公众意见的${pick(c.rng, ['征集公告', '采纳情况反馈', '咨询答复'])}`,
  },

  // ———————————— 重大建设项目 ————————————
  {
    key: 'project-proposal',
    domain: 'major_projects',
    category: '批准结果 › 政府投资项目建议书审批',
    name: '政府投资项目建议书审批结果',
    basis: join(TIAOLI, OPINION_2016, PROJECTS_2017),
    content: '审批结果、批复时间、批复文号、批复单位、项目名称、项目统一代码',
    required: [...WITH_DOC, 'fields.项目统一代码'],
    timeLimit: WD20_FORMED,
    channels: ['website', 'open_platform'],
    owner: 'development',
    position: 'approval',
    perYear: 26,
    docKind: '发改投',
    title: (c) => `关于${publicProject(c.rng, c.profile)}项目建议书的批复`,
    fields: (c) => ({ 项目统一代码: projectCode(c) }),
  },
  {
    key: 'project-feasibility',
    domain: 'major_projects',
    category: '批准结果 › 可行性研究报告审批',
    name: '可行性研究报告审批结果',
    basis: join(TIAOLI, OPINION_2016, PROJECTS_2017),
    content: '审批结果、批复时间、批复文号、批复单位、项目名称、项目统一代码',
    required: [...WITH_DOC, 'fields.项目统一代码'],
    timeLimit: WD20_FORMED,
    channels: ['website', 'open_platform'],
    owner: 'development',
    position: 'approval',
    perYear: 22,
    docKind: '发改投',
    title: (c) => `关于${publicProject(c.rng, c.profile)}可行性研究报告的批复`,
    fields: (c) => ({ 项目统一代码: projectCode(c) }),
  },
  {
    key: 'project-design',
    domain: 'major_projects',
    category: '批准结果 › 初步设计审批',
    name: '初步设计及概算审批结果',
    basis: join(TIAOLI, OPINION_2016, PROJECTS_2017),
    content: '审批结果、批复时间、批复文号、批复单位、项目名称、项目统一代码、核定概算',
    required: [...WITH_DOC, 'fields.项目统一代码'],
    timeLimit: WD20_FORMED,
    channels: ['website', 'open_platform'],
    owner: 'development',
    position: 'approval',
    perYear: 16,
    docKind: '发改设',
    title: (c) => `关于${publicProject(c.rng, c.profile)}初步设计及概算的批复`,
    fields: (c) => ({ 项目统一代码: projectCode(c), 核定概算: `${intBetween(c.rng, 800, 95_000)}万元` }),
  },
  {
    key: 'project-guide',
    domain: 'major_projects',
    category: '批准服务 › 办事指南',
    name: '项目审批办事指南',
    basis: join(TIAOLI, PROJECTS_2017),
    content: '申报材料清单、审批流程、办理时限、受理机构及联系方式',
    required: CORE,
    timeLimit: '实时',
    channels: ['website', 'service_center', 'open_platform'],
    owner: 'approval',
    position: 'approval',
    perYear: 5,
    title: (c) => `${pick(c.rng, ['政府投资项目审批', '企业投资项目核准', '企业投资项目备案', '建设项目用地预审与选址意见书'])}办事指南（${c.year}年修订）`,
  },
  {
    key: 'construction-permit',
    domain: 'major_projects',
    category: '批准结果 › 建筑工程施工许可证核发',
    name: '建筑工程施工许可证核发信息',
    basis: join(TIAOLI, '《中华人民共和国建筑法》', '《建筑工程施工许可管理办法》'),
    content: '施工许可证编号、施工许可日期、发证机关、项目代码、建设单位、建设规模',
    required: [...CORE, 'fields.施工许可证编号'],
    timeLimit: DECISION7,
    channels: ['website', 'open_platform'],
    owner: 'housing',
    position: 'approval',
    perYear: 80,
    title: (c) => `${publicProject(c.rng, c.profile)}建筑工程施工许可信息`,
    fields: (c) => ({
      施工许可证编号: `${c.unit.code}${c.year}${String(c.month).padStart(2, '0')}${String(c.day).padStart(2, '0')}${String(intBetween(c.rng, 1, 99)).padStart(2, '0')}01`,
      项目代码: projectCode(c),
    }),
  },
  {
    key: 'tendering',
    domain: 'major_projects',
    category: '实施信息 › 招标投标',
    name: '工程建设项目招标投标信息',
    basis: join(TIAOLI, '《中华人民共和国招标投标法》', PROJECTS_2017),
    content: '招标公告、中标候选人公示、中标结果公示、合同订立情况',
    required: CORE,
    timeLimit: WD20_FORMED,
    channels: ['website', 'open_platform'],
    owner: 'public_resource',
    position: 'publishing',
    perYear: 110,
    title: (c) =>
      `${publicProject(c.rng, c.profile)}${pick(c.rng, ['施工', '监理', '设计', 'EPC总承包'])}${pick(c.rng, ['招标公告', '中标候选人公示', '中标结果公示'])}`,
  },
  {
    key: 'quality-supervision',
    domain: 'major_projects',
    category: '实施信息 › 质量安全监督',
    name: '工程质量安全监督信息',
    basis: join(TIAOLI, PROJECTS_2017),
    content: '监督机构名称及联系方式、质量安全监督检查结果',
    required: CORE,
    timeLimit: '按进展情况及时公开',
    channels: ['website'],
    owner: 'housing',
    position: 'disclosure',
    perYear: 8,
    title: (c) => `${c.year}年第${QUARTERS[quarterOf(c.month) - 1]}季度建设工程质量安全监督检查情况通报`,
  },

  // ———————————— 财政预决算 ————————————
  {
    key: 'gov-budget',
    domain: 'budgets',
    category: '政府预算 › 本级政府预算',
    name: '本级政府预算',
    basis: join(BUDGET_LAW, BUDGET_RULES, BUDGET_2018),
    content: `一般公共预算收支及本级支出（功能分类到项级、基本支出经济分类到款级），政府性基金预算，国有资本经营预算，“三公”经费预算总额及因公出国（境）费、公务用车购置及运行费、公务接待费分项；随附表格：${GOV_BUDGET_TABLES.join('、')}`,
    required: budgetRequired(GOV_BUDGET_TABLES),
    timeLimit: '经本级人大（常委会）批准后20日内',
    channels: ['website', 'open_platform'],
    owner: 'finance',
    position: 'finance',
    months: [1],
    title: (c) => `${c.unit.name}${c.year}年财政预算公开`,
    fields: budgetFields(GOV_BUDGET_TABLES),
    attachments: budgetAttachments(GOV_BUDGET_TABLES),
  },
  {
    key: 'gov-final-accounts',
    domain: 'budgets',
    category: '政府决算 › 本级政府决算',
    name: '本级政府决算',
    basis: join(BUDGET_LAW, BUDGET_RULES),
    content: `一般公共预算、政府性基金、国有资本经营决算及“三公”经费决算与预算对比；随附表格：${GOV_FINAL_TABLES.join('、')}`,
    required: budgetRequired(GOV_FINAL_TABLES),
    timeLimit: '经本级人大常委会批准后20日内',
    channels: ['website', 'open_platform'],
    owner: 'finance',
    position: 'finance',
    months: [8],
    title: (c) => `${c.unit.name}${c.year - 1}年财政决算公开`,
    fields: budgetFields(GOV_FINAL_TABLES),
    attachments: budgetAttachments(GOV_FINAL_TABLES),
  },
  {
    key: 'monthly-revenue',
    domain: 'budgets',
    category: '财政收支 › 月度财政收支情况',
    name: '一般公共预算收支月度情况',
    basis: join(BUDGET_LAW, TIAOLI),
    content: '一般公共预算收入、支出当月数及累计数，同比增减',
    required: CORE,
    timeLimit: '每月结束后15个工作日内',
    channels: ['website', 'open_platform'],
    owner: 'finance',
    position: 'finance',
    title: (c) => `${c.period?.label ?? `${c.year}年${c.month}月`}${c.unit.shortName}一般公共预算收支情况`,
  },
  {
    key: 'dept-budget-education',
    domain: 'budgets',
    category: '部门预决算 › 部门预算',
    name: (d) => `部门预算（${d.shortName}）`,
    basis: join(BUDGET_LAW, BUDGET_RULES),
    content: `部门职责及机构设置、收支预算及增减原因、机关运行经费、政府采购预算、国有资产占用情况、“三公”经费预算及与上年对比；随附表格：${DEPT_BUDGET_TABLES.join('、')}`,
    required: budgetRequired(DEPT_BUDGET_TABLES),
    timeLimit: '财政部门批复后20日内',
    channels: ['website', 'open_platform'],
    owner: 'education',
    position: 'finance',
    months: [2],
    title: (c) => `${c.department.name}${c.year}年部门预算`,
    fields: budgetFields(DEPT_BUDGET_TABLES),
    attachments: budgetAttachments(DEPT_BUDGET_TABLES),
  },
  {
    key: 'dept-final-education',
    domain: 'budgets',
    category: '部门预决算 › 部门决算',
    name: (d) => `部门决算（${d.shortName}）`,
    basis: join(BUDGET_LAW, BUDGET_RULES),
    content: `部门收支决算、财政拨款支出决算、机关运行经费、“三公”经费决算及与预算对比、绩效评价情况；随附表格：${DEPT_FINAL_TABLES.join('、')}`,
    required: budgetRequired(DEPT_FINAL_TABLES),
    timeLimit: '财政部门批复后20日内',
    channels: ['website', 'open_platform'],
    owner: 'education',
    position: 'finance',
    months: [8],
    title: (c) => `${c.department.name}${c.year - 1}年部门决算`,
    fields: budgetFields(DEPT_FINAL_TABLES),
    attachments: budgetAttachments(DEPT_FINAL_TABLES),
  },
  {
    key: 'dept-budget-health',
    domain: 'budgets',
    category: '部门预决算 › 部门预算',
    name: (d) => `部门预算（${d.shortName}）`,
    basis: join(BUDGET_LAW, BUDGET_RULES),
    content: `部门职责及机构设置、收支预算及增减原因、机关运行经费、政府采购预算、“三公”经费预算及与上年对比；随附表格：${DEPT_BUDGET_TABLES.join('、')}`,
    required: budgetRequired(DEPT_BUDGET_TABLES),
    timeLimit: '财政部门批复后20日内',
    channels: ['website', 'open_platform'],
    // the park's 社会事业局 already publishes the education budget above
    owner: (unit) => (unit.kind === 'park' ? 'science' : 'health'),
    position: 'finance',
    months: [2],
    title: (c) => `${c.department.name}${c.year}年部门预算`,
    fields: budgetFields(DEPT_BUDGET_TABLES),
    attachments: budgetAttachments(DEPT_BUDGET_TABLES),
  },
  {
    key: 'township-budget',
    domain: 'budgets',
    category: '部门预决算 › 乡镇（街道）预算',
    name: (d) => `乡镇（街道）预算（${d.shortName}）`,
    basis: join(BUDGET_LAW, BUDGET_RULES),
    content: `乡镇（街道）一般公共预算收支、政府性基金预算、“三公”经费预算；随附表格：${DEPT_BUDGET_TABLES.join('、')}`,
    required: budgetRequired(DEPT_BUDGET_TABLES),
    timeLimit: '经批准后20日内',
    channels: ['website', 'bulletin'],
    owner: { role: 'township', nth: 0 },
    position: 'finance',
    months: [2],
    title: (c) => `${c.department.name}${c.year}年预算公开`,
    fields: budgetFields(DEPT_BUDGET_TABLES),
    attachments: budgetAttachments(DEPT_BUDGET_TABLES),
  },
  {
    key: 'audit-report',
    domain: 'budgets',
    category: '审计结果 › 预算执行审计',
    name: '本级预算执行和其他财政收支审计工作报告',
    basis: join(BUDGET_LAW, '《中华人民共和国审计法》', TIAOLI),
    content: '审计发现的主要问题、审计建议及整改情况',
    required: CORE,
    timeLimit: WD20,
    channels: ['website', 'open_platform'],
    owner: 'audit',
    position: 'disclosure',
    months: [9],
    title: (c) => `关于${c.unit.name}${c.year - 1}年度本级预算执行和其他财政收支的审计工作报告`,
  },

  // ———————————— 税收管理 ————————————
  {
    key: 'tax-laws',
    domain: 'taxation',
    category: '税收政策 › 税收法律法规',
    name: '税收法律法规及政策文件',
    basis: join(TIAOLI, TAX_2017),
    content: '税收法律、行政法规以及上级税务机关制发的税收政策文件',
    required: CORE,
    timeLimit: WD20,
    channels: ['website', 'service_center'],
    owner: 'tax',
    position: 'publishing',
    perYear: 18,
    title: (c) =>
      `转发：${pick(c.rng, [
        '关于延续实施小规模纳税人增值税减免政策的公告',
        '关于进一步支持小微企业和个体工商户发展有关税费政策的公告',
        '关于个人所得税专项附加扣除标准的通知',
        '关于研发费用税前加计扣除政策的公告',
        '关于先进制造业企业增值税加计抵减政策的公告',
        '关于房产税和城镇土地使用税困难减免的公告',
      ])}`,
  },
  {
    key: 'tax-normative',
    domain: 'taxation',
    category: '税收政策 › 税收规范性文件',
    name: '税收规范性文件',
    basis: join(TIAOLI, TAX_2017),
    content: '税收规范性文件全文、政策解读及有效性标注',
    required: WITH_DOC,
    timeLimit: WD20,
    channels: ['website', 'service_center'],
    owner: 'tax',
    position: 'disclosure',
    perYear: 5,
    docKind: '税公告',
    title: (c) => `国家税务总局${c.unit.name}税务局关于${pick(c.rng, ['简并征期', '委托代征', '发票管理', '核定征收', '税务行政处罚裁量基准'])}有关事项的公告`,
  },
  {
    key: 'taxpayer-rights',
    domain: 'taxation',
    category: '纳税服务 › 纳税人权利',
    name: '纳税人权利告知',
    basis: join(TAX_LAW, TAX_RIGHTS),
    content: '知情权、保密权、税收监督权、申报方式选择权、申请退还多缴税款权等权利及行使方式',
    required: CORE,
    timeLimit: '长期公开',
    channels: ['website', 'service_center'],
    owner: 'tax',
    position: 'disclosure',
    perYear: 1,
    title: (c) => `纳税人权利告知（${c.year}年版）`,
  },
  {
    key: 'taxpayer-duties',
    domain: 'taxation',
    category: '纳税服务 › 纳税人义务',
    name: '纳税人义务告知',
    basis: join(TAX_LAW, TAX_RIGHTS),
    content: '依法办理税务登记、按时如实申报、按期缴纳税款、接受依法检查等义务',
    required: CORE,
    timeLimit: WD20,
    channels: ['website', 'service_center'],
    owner: 'tax',
    position: 'disclosure',
    perYear: 1,
    title: (c) => `纳税人义务告知（${c.year}年版）`,
  },
  {
    key: 'a-grade-taxpayers',
    domain: 'taxation',
    category: '信用管理 › 纳税信用A级纳税人名单',
    name: '纳税信用A级纳税人名单',
    basis: join(TAX_LAW, '《纳税信用管理办法（试行）》'),
    content: '纳税人识别号、纳税人名称、评价年度',
    required: [...CORE, 'attachments', 'fields.评价年度'],
    timeLimit: '每年4月30日前',
    channels: ['website', 'service_center'],
    owner: 'tax',
    position: 'disclosure',
    title: (c) => `${c.period?.label ?? `${c.year - 1}年度`}纳税信用A级纳税人名单`,
    fields: (c) => ({ 评价年度: String(c.period?.year ?? c.year - 1) }),
    attachments: () => [{ name: 'A级纳税人名单.xlsx' }],
  },
  {
    key: 'tax-agencies',
    domain: 'taxation',
    category: '信用管理 › 涉税专业服务机构信用信息',
    name: '涉税专业服务机构名单及信用等级',
    basis: join(TAX_LAW, TAX_2017),
    content: '涉税专业服务机构名称、统一社会信用代码、信用等级',
    required: CORE,
    timeLimit: WD20,
    channels: ['website'],
    owner: 'tax',
    position: 'disclosure',
    perYear: 4,
    title: (c) => `${c.year}年第${c.n}批涉税专业服务机构信用信息`,
  },
  {
    key: 'tax-guide',
    domain: 'taxation',
    category: '纳税服务 › 办税指南',
    name: '办税服务指南',
    basis: join(TAX_2017),
    content: '办税事项、办理渠道、所需资料、办理时限',
    required: CORE,
    timeLimit: '实时',
    channels: ['website', 'service_center', 'wechat', 'app'],
    owner: 'tax',
    position: 'publishing',
    perYear: 10,
    title: (c) => `${pick(c.rng, ['增值税申报', '个人所得税汇算清缴', '社保费缴纳', '发票领用', '跨区域涉税事项报告', '出口退税'])}办税指南`,
  },
  {
    key: 'tax-records-request',
    domain: 'taxation',
    category: '依申请公开 › 纳税人涉税信息查询',
    name: '纳税人涉税信息查询答复',
    basis: join(TIAOLI, TAX_LAW),
    content: '纳税人本人的纳税记录、完税证明等涉税信息',
    required: [...CORE, 'docNo'],
    timeLimit: '自收到申请之日起20个工作日内',
    channels: ['targeted'],
    audience: 'specific',
    mode: 'on_request',
    owner: 'tax',
    position: 'disclosure',
    perYear: 14,
    docKind: '税依申请',
    title: (c) => `关于${company(c.rng, c.cityShortName).name}涉税信息公开申请的答复`,
  },

  // ———————————— 生态环境 ————————————
  {
    key: 'eia-accepted',
    domain: 'environment',
    category: '建设项目环评审批 › 受理公示',
    name: '环境影响评价文件受理公示',
    basis: join(ENV_LAW, EIA_LAW, TIAOLI),
    content: '受理情况公示；环境影响报告书（表）全本（已删除涉及国家秘密、商业秘密和个人隐私的内容）',
    required: [...CORE, 'attachments'],
    timeLimit: WD20,
    channels: ['website', 'open_platform'],
    owner: 'ecology',
    position: 'approval',
    perYear: 45,
    title: (c) => {
      const firm = company(c.rng, c.cityShortName);
      return `关于${firm.name}${firm.product}环境影响报告${pick(c.rng, ['书', '表'])}受理情况的公示`;
    },
    attachments: () => [report('环境影响报告（公示本）')],
  },
  {
    key: 'eia-proposed',
    domain: 'environment',
    category: '建设项目环评审批 › 拟审批公示',
    name: '环境影响评价文件拟审批公示',
    basis: join(ENV_LAW, EIA_LAW, TIAOLI),
    content: '项目名称、建设地点、建设单位、环评机构、项目概况、主要环境影响及防治措施',
    required: CORE,
    timeLimit: WD20,
    channels: ['website', 'open_platform'],
    owner: 'ecology',
    position: 'approval',
    perYear: 42,
    title: (c) => {
      const firm = company(c.rng, c.cityShortName);
      return `${firm.name}${firm.product}环境影响评价文件拟审批公示`;
    },
  },
  {
    key: 'eia-decision',
    domain: 'environment',
    category: '建设项目环评审批 › 审批决定',
    name: '环境影响评价文件审批决定',
    basis: join(ENV_LAW, EIA_LAW, LICENSING_LAW),
    content: '环评批复文件全文',
    required: WITH_DOC,
    timeLimit: DECISION7,
    channels: ['website', 'open_platform'],
    owner: 'ecology',
    position: 'approval',
    perYear: 40,
    docKind: '环审',
    title: (c) => {
      const firm = company(c.rng, c.cityShortName);
      return `关于${firm.name}${firm.product}环境影响报告${pick(c.rng, ['书', '表'])}的批复`;
    },
  },
  {
    key: 'pollution-facility',
    domain: 'environment',
    category: '行政许可 › 防治污染设施拆除或闲置审批',
    name: '防治污染设施拆除或闲置审批结果',
    basis: join(ENV_LAW, LICENSING_LAW, TIAOLI),
    content: '审批结果',
    required: WITH_DOC,
    timeLimit: DECISION7,
    channels: ['website'],
    owner: 'ecology',
    position: 'approval',
    perYear: 4,
    docKind: '环审',
    title: (c) => `关于同意${company(c.rng, c.cityShortName).name}${pick(c.rng, ['废气处理设施', '污水预处理设施', '除尘设施'])}${pick(c.rng, ['拆除', '闲置'])}的批复`,
  },
  {
    key: 'hazardous-waste-permit',
    domain: 'environment',
    category: '行政许可 › 危险废物经营许可',
    name: '危险废物经营许可信息',
    basis: join(WASTE_LAW, LICENSING_LAW, TIAOLI),
    content: '受理通知书、许可决定前公示、许可证信息、许可文书送达情况',
    required: [...CORE, 'fields.许可证编号'],
    timeLimit: WD20,
    channels: ['website', 'open_platform'],
    owner: 'ecology',
    position: 'approval',
    perYear: 4,
    title: (c) => `${company(c.rng, c.cityShortName).name}危险废物经营许可证${pick(c.rng, ['核发', '延续', '变更'])}信息`,
    fields: (c) => ({ 许可证编号: `JS${c.unit.code.slice(0, 4)}OOD${String(intBetween(c.rng, 1, 999)).padStart(3, '0')}` }),
  },
  {
    key: 'environment-penalty',
    domain: 'environment',
    category: '行政处罚 › 行政处罚决定书',
    name: '环境行政处罚决定书',
    basis: join(ENV_LAW, PENALTY_LAW, TIAOLI),
    content: '行政处罚决定书全文（依法隐去个人隐私）',
    required: WITH_DOC,
    timeLimit: WD20,
    channels: ['website', 'open_platform'],
    owner: 'ecology',
    position: 'legal_review',
    perYear: 36,
    docKind: '环罚',
    title: (c) => `行政处罚决定书（${company(c.rng, c.cityShortName).name}${pick(c.rng, ['未批先建', '超标排放大气污染物', '未按规定贮存危险废物', '未落实扬尘防治措施', '环保设施未正常运行'])}案）`,
  },
  {
    key: 'seal-seizure',
    domain: 'environment',
    category: '行政强制 › 查封、扣押决定书',
    name: '查封、扣押决定书',
    basis: join(ENV_LAW, '《中华人民共和国行政强制法》', TIAOLI),
    content: '查封、扣押决定书及解除查封、扣押决定书',
    required: WITH_DOC,
    timeLimit: WD20,
    channels: ['website'],
    owner: 'ecology',
    position: 'legal_review',
    perYear: 6,
    docKind: '环封',
    title: (c) => `${pick(c.rng, ['查封（扣押）决定书', '解除查封（扣押）决定书'])}（${company(c.rng, c.cityShortName).name}）`,
  },
  {
    key: 'penalty-notice',
    domain: 'environment',
    category: '行政处罚 › 事先告知与听证告知',
    name: '行政处罚事先（听证）告知书',
    basis: join(PENALTY_LAW, TIAOLI),
    content: '行政处罚事先告知书、听证告知书，只向当事人精准推送',
    required: WITH_DOC,
    timeLimit: '自文书作出之日起7个工作日内送达',
    channels: ['targeted'],
    audience: 'specific',
    owner: 'ecology',
    position: 'legal_review',
    perYear: 30,
    docKind: '环罚告',
    title: (c) => `行政处罚${pick(c.rng, ['事先告知书', '听证告知书'])}（${company(c.rng, c.cityShortName).name}）`,
  },
  {
    key: 'environment-monthly',
    domain: 'environment',
    category: '环境质量 › 环境质量月报',
    name: '环境质量状况月报',
    basis: join(ENV_LAW, TIAOLI),
    content: '空气质量优良天数比率、PM2.5平均浓度、主要河流断面水质类别',
    required: CORE,
    timeLimit: '每月结束后10个工作日内',
    channels: ['website', 'wechat', 'weibo'],
    owner: 'ecology',
    position: 'publishing',
    title: (c) => `${c.period?.label ?? `${c.year}年${c.month}月`}${c.unit.shortName}环境质量状况`,
  },

  // ———————————— 食品药品监管 ————————————
  {
    key: 'food-license-guide',
    domain: 'food_drug',
    category: '许可服务 › 食品生产经营许可办事指南',
    name: '食品生产经营许可办事指南',
    basis: join(FOOD_LAW, TIAOLI, FOOD_DISCLOSURE),
    content: '适用范围、办理依据、受理机构、许可条件、申请材料目录、办理流程、办结时限、收费标准、结果送达、投诉渠道',
    required: CORE,
    timeLimit: WD20,
    channels: ['website', 'service_center'],
    owner: 'approval',
    position: 'approval',
    perYear: 2,
    title: (c) => `${pick(c.rng, ['食品经营许可', '食品生产许可', '小餐饮登记', '食品摊贩登记'])}办事指南（${c.year}年版）`,
  },
  {
    key: 'food-license',
    domain: 'food_drug',
    category: '许可信息 › 食品生产经营许可基本信息',
    name: '食品生产经营许可信息',
    basis: join(FOOD_LAW, LICENSING_LAW, FOOD_DISCLOSURE),
    content: '经营者名称、许可证编号、法定代表人（负责人）、经营场所、主体业态及经营项目、日常监管机构、投诉举报电话、有效期限',
    required: [...CORE, 'fields.许可证编号'],
    timeLimit: DECISION7,
    channels: ['website', 'service_center'],
    owner: 'approval',
    position: 'approval',
    perYear: 100,
    title: (c) => `${shopName(c.rng, c.profile)}食品经营许可信息`,
    fields: (c) => ({ 许可证编号: `JY${pick(c.rng, ['1', '2', '3'])}${c.unit.code}${String(intBetween(c.rng, 1, 9_999_999)).padStart(7, '0')}` }),
  },
  {
    key: 'food-inspection',
    domain: 'food_drug',
    category: '监督检查 › 日常监督检查结果',
    name: '食品安全日常监督检查结果',
    basis: join(FOOD_LAW, FOOD_DISCLOSURE),
    content: '检查制度和标准、检查对象、检查结果及处理情况',
    required: CORE,
    timeLimit: WD20,
    channels: ['website', 'wechat'],
    owner: 'market',
    position: 'publishing',
    perYear: 14,
    title: (c) => `${c.unit.shortName}${c.year}年${c.month}月${pick(c.rng, ['校园周边', '农贸市场', '网络订餐', '集体用餐配送单位', '餐饮服务单位'])}食品安全监督检查结果公告`,
  },
  {
    key: 'food-sampling',
    domain: 'food_drug',
    category: '抽样检验 › 食品安全监督抽检信息',
    name: '食品安全监督抽检信息',
    basis: join(FOOD_LAW, FOOD_DISCLOSURE),
    content: '被抽检单位、食品名称、规格型号、生产日期或批号、检验依据、检验机构、检验结论',
    required: [...CORE, 'attachments'],
    timeLimit: '每季度结束后20个工作日内',
    channels: ['website', 'wechat'],
    owner: 'market',
    position: 'publishing',
    title: (c) => `${c.period?.label ?? `${c.year}年`}食品安全监督抽检信息公告`,
    attachments: () => [{ name: '食品安全监督抽检结果汇总表.xlsx' }],
  },
  {
    key: 'pharmacy-license',
    domain: 'food_drug',
    category: '许可信息 › 药品零售企业许可',
    name: '药品零售企业许可信息',
    basis: join(DRUG_LAW, LICENSING_LAW, TIAOLI),
    content: '企业名称、许可证编号、经营范围、经营地址、有效期限',
    required: [...CORE, 'fields.许可证编号'],
    timeLimit: DECISION7,
    channels: ['website', 'service_center'],
    owner: 'approval',
    position: 'approval',
    perYear: 18,
    title: (c) => `${pharmacyName(c.rng, c.cityShortName)}药品经营许可信息`,
    fields: (c) => ({ 许可证编号: `苏${pick(c.rng, ['CA', 'DA', 'DB'])}${c.unit.code.slice(2, 4)}${String(intBetween(c.rng, 1, 99_999)).padStart(5, '0')}` }),
  },
  {
    key: 'food-penalty',
    domain: 'food_drug',
    category: '行政处罚 › 食品安全行政处罚决定',
    name: '食品安全行政处罚决定',
    basis: join(FOOD_LAW, PENALTY_LAW, FOOD_DISCLOSURE),
    content: '行政处罚决定书：当事人、违法事实、处罚依据、处罚结果',
    required: WITH_DOC,
    timeLimit: DECISION7,
    channels: ['website', 'open_platform'],
    owner: 'market',
    position: 'legal_review',
    perYear: 30,
    docKind: '市监罚',
    title: (c) => `行政处罚决定书（${shopName(c.rng, c.profile)}${pick(c.rng, ['经营超过保质期食品', '未按规定进行进货查验', '从业人员未取得健康证明', '经营标签不符合规定的预包装食品'])}案）`,
  },

  // ———————————— 安全生产 ————————————
  {
    key: 'safety-laws',
    domain: 'work_safety',
    category: '政策法规 › 安全生产法律法规',
    name: '安全生产法律法规及规章目录',
    basis: join(SAFETY_LAW, TIAOLI),
    content: '安全生产法律、法规、规章及标准目录和全文链接',
    required: CORE,
    timeLimit: '半年至少更新1次',
    channels: ['website'],
    owner: 'emergency',
    position: 'publishing',
    title: (c) => `${c.unit.shortName}安全生产法律法规目录（${c.period?.label ?? `${c.year}年`}更新）`,
  },
  {
    key: 'safety-decision-draft',
    domain: 'work_safety',
    category: '决策公开 › 重大决策草案',
    name: '安全生产重大决策草案征求意见',
    basis: join(SAFETY_LAW, '《重大行政决策程序暂行条例》'),
    content: '决策草案、起草说明、意见征集方式和期限',
    required: CORE,
    timeLimit: '按进展情况及时公开',
    channels: ['website', 'wechat'],
    owner: 'emergency',
    position: 'disclosure',
    perYear: 3,
    title: (c) => `关于公开征求《${c.unit.name}${pick(c.rng, ['安全生产专项整治实施方案', '生产安全事故应急预案', '危险化学品禁限控目录', '安全生产举报奖励办法'])}（征求意见稿）》意见的公告`,
  },
  {
    key: 'safety-license',
    domain: 'work_safety',
    category: '行政许可 › 安全生产行政许可',
    name: '安全生产行政许可信息',
    basis: join(SAFETY_LAW, LICENSING_LAW, TIAOLI),
    content: '许可依据、许可条件、办理程序、许可结果',
    required: [...CORE, 'fields.许可证编号'],
    timeLimit: WD20,
    channels: ['website', 'service_center'],
    owner: 'emergency',
    position: 'disclosure',
    perYear: 14,
    title: (c) => `${company(c.rng, c.cityShortName).name}危险化学品经营许可证${pick(c.rng, ['核发', '延期', '变更'])}信息`,
    fields: (c) => ({ 许可证编号: `苏${c.unit.code.slice(2, 4)}危化经字〔${c.year}〕${String(intBetween(c.rng, 1, 999)).padStart(6, '0')}` }),
  },
  {
    key: 'safety-penalty',
    domain: 'work_safety',
    category: '行政处罚 › 安全生产行政处罚',
    name: '安全生产行政处罚信息',
    basis: join(SAFETY_LAW, PENALTY_LAW, TIAOLI),
    content: '处罚依据、处罚程序、具有一定社会影响的行政处罚决定',
    required: WITH_DOC,
    timeLimit: WD20,
    channels: ['website', 'open_platform'],
    owner: 'emergency',
    position: 'legal_review',
    perYear: 28,
    docKind: '应急罚',
    title: (c) => `行政处罚决定书（${company(c.rng, c.cityShortName).name}${pick(c.rng, ['未按规定开展安全生产教育培训', '未如实记录隐患排查治理情况', '特种作业人员未持证上岗', '安全设备未经常性维护'])}案）`,
  },
  {
    key: 'safety-meeting',
    domain: 'work_safety',
    category: '决策公开 › 重要会议',
    name: '安全生产重要会议通知',
    basis: join(SAFETY_LAW, TIAOLI),
    content: '会议时间、议题，邀请利益相关方、公众代表和专家列席的方式',
    required: CORE,
    timeLimit: '提前一周',
    channels: ['website', 'wechat'],
    owner: 'emergency',
    position: 'disclosure',
    perYear: 8,
    title: (c) => `关于召开${c.unit.shortName}${pick(c.rng, ['安全生产委员会全体（扩大）会议', '防汛防旱工作会议', '危险化学品安全专项整治推进会', '安全生产工作座谈会'])}的通知`,
  },
  {
    key: 'accident-report',
    domain: 'work_safety',
    category: '执行和结果 › 生产安全事故调查报告',
    name: '生产安全事故调查报告',
    basis: join(SAFETY_LAW, '《生产安全事故报告和调查处理条例》'),
    content: '事故调查报告全文、责任认定及对责任单位和人员的处理建议',
    required: [...CORE, 'attachments'],
    timeLimit: '事故调查报告批复之日起20个工作日内',
    channels: ['website', 'open_platform'],
    owner: 'emergency',
    position: 'disclosure',
    perYear: 2,
    title: (c) => `${company(c.rng, c.cityShortName).name}“${c.month}·${c.day}”${pick(c.rng, ['高处坠落', '机械伤害', '物体打击', '触电', '车辆伤害'])}事故调查报告`,
    attachments: () => [report('事故调查报告')],
  },
  {
    key: 'hazard-monitoring',
    domain: 'work_safety',
    category: '不予公开 › 涉密重大危险源监控数据',
    name: '重大危险源监控数据（涉密部分）',
    basis: join(TIAOLI, '《中华人民共和国保守国家秘密法》'),
    content: '涉及国家秘密的重大危险源分布及实时监控数据',
    required: [],
    timeLimit: '不予公开',
    channels: [],
    mode: 'withheld',
    withheldReason: '涉及国家秘密和公共安全，依照《中华人民共和国政府信息公开条例》第十四条不予公开；已报市政务公开办审核',
    owner: 'emergency',
    position: 'disclosure',
    title: () => '重大危险源监控数据',
  },

  // ———————————— 公共文化服务 ————————————
  {
    key: 'free-opening',
    domain: 'public_culture',
    category: '公共文化服务 › 公共文化机构免费开放',
    name: '公共文化机构免费开放信息',
    basis: join(CULTURE_LAW, FREE_OPENING),
    content: '机构名称、开放时间、免费开放项目、地址、联系电话、临时停止开放信息',
    required: CORE,
    timeLimit: WD20,
    channels: ['website', 'wechat', 'bulletin'],
    owner: 'culture',
    position: 'publishing',
    perYear: 10,
    title: (c) => `${c.unit.shortName}${pick(c.rng, ['图书馆', '文化馆', '美术馆', '博物馆'])}${pick(c.rng, ['免费开放时间调整公告', '临时闭馆公告', '免费开放服务项目公示'])}`,
  },
  {
    key: 'special-groups',
    domain: 'public_culture',
    category: '公共文化服务 › 特殊群体公共文化服务',
    name: '特殊群体公共文化服务信息',
    basis: join(CULTURE_LAW, DISABILITY_LAW),
    content: '面向老年人、未成年人、残疾人等群体的服务项目、时间和地点',
    required: CORE,
    timeLimit: WD20,
    channels: ['website', 'wechat'],
    owner: 'culture',
    position: 'publishing',
    perYear: 6,
    title: (c) => `${pick(c.rng, ['“银龄”数字生活课堂', '少儿暑期公益艺术课', '视障读者有声阅读服务', '无障碍观影专场'])}活动公告`,
  },
  {
    key: 'mass-culture',
    domain: 'public_culture',
    category: '公共文化服务 › 群众文化活动',
    name: '群众文化活动信息',
    basis: join(CULTURE_LAW, CULTURE_STANDARD),
    content: '活动名称、时间、地点、参与方式',
    required: CORE,
    timeLimit: '实时',
    channels: ['website', 'wechat', 'weibo', 'app'],
    owner: 'culture',
    position: 'publishing',
    perYear: 40,
    title: (c) => `${pick(c.rng, c.profile.localities)}${pick(c.rng, ['广场舞展演', '社区文化艺术节', '非遗展示周', '百姓大舞台', '全民阅读分享会', '书画摄影展'])}活动预告`,
  },
  {
    key: 'grassroots-performance',
    domain: 'public_culture',
    category: '公共文化服务 › 文化下基层',
    name: '文化下基层辅导、演出、展览信息',
    basis: join(CULTURE_LAW, CULTURE_STANDARD),
    content: '活动时间、承办单位、地址、联系电话、临时取消或延期信息',
    required: CORE,
    timeLimit: '活动举办前提前3日',
    channels: ['website', 'wechat', 'bulletin'],
    owner: 'culture',
    position: 'publishing',
    perYear: 24,
    title: (c) => `“送文化下基层”${pick(c.rng, c.profile.townships).name}${pick(c.rng, ['专场演出', '巡回展览', '文艺辅导'])}预告`,
  },
  {
    key: 'performances',
    domain: 'public_culture',
    category: '公共文化服务 › 文艺演出信息',
    name: '公益文艺演出安排',
    basis: join(CULTURE_LAW),
    content: '剧目名称、演出时间、演出地点',
    required: CORE,
    timeLimit: '每月',
    channels: ['website', 'wechat', 'app'],
    owner: 'culture',
    position: 'publishing',
    title: (c) => `${c.period?.label ?? `${c.year}年${c.month}月`}${c.unit.shortName}公益文艺演出安排`,
  },
  {
    key: 'culture-station',
    domain: 'public_culture',
    category: '基层公共文化 › 综合文化站免费开放',
    name: (d) => `综合文化站免费开放信息（${d.shortName}）`,
    basis: join(CULTURE_LAW, FREE_OPENING),
    content: '文化站开放时间、功能室、服务项目、联系电话',
    required: CORE,
    timeLimit: '长期公开',
    channels: ['bulletin', 'website'],
    owner: { role: 'township', nth: 1 },
    position: 'publishing',
    perYear: 2,
    title: (c) => `${c.department.township?.name ?? ''}综合文化站免费开放服务公示`,
  },

  // ———————————— 公共法律服务 ————————————
  {
    key: 'law-popularization',
    domain: 'public_legal',
    category: '普法宣传 › 法律知识普及',
    name: '法律知识普及',
    basis: join(TIAOLI, '《关于实行国家机关“谁执法谁普法”普法责任制的意见》'),
    content: '法规资讯、普法动态、普法讲师团信息',
    required: CORE,
    timeLimit: '自制作或获取该信息之日起20个工作日内',
    channels: ['website', 'wechat', 'weibo', 'app', 'press', 'bulletin'],
    owner: 'justice',
    position: 'publishing',
    perYear: 50,
    title: (c) => `${pick(c.rng, ['民法典', '反电信网络诈骗法', '未成年人保护法', '劳动合同法', '安全生产法', '消费者权益保护法'])}${pick(c.rng, ['进社区', '进企业', '进校园', '以案释法', '知识问答'])}：${pick(c.rng, c.profile.localities)}专场`,
  },
  {
    key: 'rule-of-law-culture',
    domain: 'public_legal',
    category: '普法宣传 › 法治文化阵地和作品',
    name: '法治文化阵地和作品',
    basis: join(TIAOLI),
    content: '法治文化阵地名录、法治文艺作品展播',
    required: CORE,
    timeLimit: WD20,
    channels: ['website', 'wechat'],
    owner: 'justice',
    position: 'publishing',
    perYear: 6,
    title: (c) => `${pick(c.rng, c.profile.localities)}法治文化${pick(c.rng, ['公园', '长廊', '广场'])}${pick(c.rng, ['建成开放', '作品展播'])}`,
  },
  {
    key: 'law-awards',
    domain: 'public_legal',
    category: '普法宣传 › 普法先进表彰',
    name: '普法依法治理先进表彰',
    basis: join(TIAOLI),
    content: '表彰通知、申报表、拟表彰名单公示、表彰决定',
    required: WITH_DOC,
    timeLimit: WD20,
    channels: ['website'],
    owner: 'justice',
    position: 'disclosure',
    perYear: 3,
    docKind: '司',
    title: (c) => `关于${pick(c.rng, ['普法工作先进集体和先进个人', '民主法治示范村（社区）', '法治文化建设示范点'])}${pick(c.rng, ['拟表彰名单的公示', '表彰的决定', '评选推荐工作的通知'])}`,
  },
  {
    key: 'unlicensed-lawyer-penalty',
    domain: 'public_legal',
    category: '行政处罚 › 非律师以律师名义执业处罚',
    name: '对非律师以律师名义执业的处罚决定',
    basis: join(LAWYERS_LAW, PENALTY_LAW, TIAOLI),
    content: '行政处罚决定书',
    required: WITH_DOC,
    timeLimit: DECISION7,
    channels: ['website'],
    owner: 'justice',
    position: 'legal_review',
    perYear: 2,
    docKind: '司罚',
    title: (c) => `行政处罚决定书（${maskedPerson(c.rng)}冒充律师从事法律服务案）`,
  },
  {
    key: 'legal-aid-decision',
    domain: 'public_legal',
    category: '法律援助 › 法律援助决定',
    name: '法律援助决定',
    basis: join(LEGAL_AID),
    content: '给予或不予法律援助决定书、指派通知书，向申请人精准推送',
    required: WITH_DOC,
    timeLimit: '自收到申请之日起7个工作日内',
    channels: ['targeted'],
    audience: 'specific',
    mode: 'on_request',
    owner: 'justice',
    position: 'disclosure',
    perYear: 45,
    docKind: '援',
    title: (c) => `${pick(c.rng, ['给予法律援助决定书', '给予法律援助决定书', '不予法律援助决定书', '指派通知书'])}（${maskedPerson(c.rng)}${pick(c.rng, ['劳动报酬', '交通事故赔偿', '赡养费', '工伤赔偿'])}纠纷）`,
  },
  {
    key: 'legal-service-guide',
    domain: 'public_legal',
    category: '公共法律服务 › 办事指南',
    name: '公共法律服务办事指南',
    basis: join(TIAOLI, LEGAL_AID),
    content: '公证、法律援助、人民调解、司法鉴定等事项的办理条件、材料和流程',
    required: CORE,
    timeLimit: '实时',
    channels: ['website', 'service_center', 'wechat'],
    owner: 'justice',
    position: 'publishing',
    perYear: 4,
    title: (c) => `${pick(c.rng, ['法律援助申请', '人民调解', '公证办理', '司法鉴定'])}办事指南（${c.year}年修订）`,
  },

  // ———————————— 政务公开（综合） ————————————
  {
    key: 'annual-report',
    domain: 'other',
    category: '政府信息公开 › 政府信息公开工作年度报告',
    name: '政府信息公开工作年度报告',
    basis: join(TIAOLI, '（第四十九条、第五十条）', '《关于印发中华人民共和国政府信息公开工作年度报告格式的通知》（国办公开办函〔2021〕30号）'),
    content: '总体情况、主动公开情况、收到和处理政府信息公开申请情况、行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项',
    required: CORE,
    timeLimit: '每年1月31日前',
    channels: ['website', 'open_platform'],
    owner: 'gov_office',
    position: 'disclosure',
    title: (c) => `${c.unit.name}${c.period?.year ?? c.year - 1}年政府信息公开工作年度报告`,
  },
  {
    key: 'disclosure-guide',
    domain: 'other',
    category: '政府信息公开 › 政府信息公开指南',
    name: '政府信息公开指南',
    basis: join(TIAOLI),
    content: '主动公开的方式、依申请公开的受理机构、申请方式、办理流程和时限',
    required: CORE,
    timeLimit: WD20,
    channels: ['website', 'open_platform'],
    owner: 'gov_office',
    position: 'disclosure',
    perYear: 1,
    title: (c) => `${c.unit.name}人民政府信息公开指南（${c.year}年修订）`,
  },
  {
    key: 'policy-interpretation',
    domain: 'other',
    category: '决策公开 › 政策解读',
    name: '政策解读',
    basis: join(TIAOLI, OPINION_2016),
    content: '政策出台背景、主要内容、关键词解释、解读机关及联系方式',
    required: CORE,
    timeLimit: '政策文件公开发布后3个工作日内',
    channels: ['website', 'open_platform', 'wechat'],
    owner: 'gov_office',
    position: 'publishing',
    perYear: 16,
    title: (c) => `一图读懂《${c.unit.name}${pick(c.rng, ['优化营商环境若干措施', '促进消费提振行动方案', '城市更新行动实施方案', '养老服务体系建设规划', '数字经济发展三年行动计划', '稳就业若干政策措施'])}》`,
  },
];

function lastTown(unit: PilotUnit): number {
  const townships = profileOf(unit).townships;
  // the town furthest from the centre: the last one listed
  return townships.length - 1;
}

export interface CatalogEntrySeed {
  regionCode: string;
  code: string;
  category: string;
  name: string;
  domain: Domain;
  departmentCode: string;
  positionCode: PositionCode | null;
  basis: string;
  content: string;
  requiredElements: string[];
  timeLimit: TimeLimit;
  channels: Channel[];
  audience: 'public' | 'specific';
  mode: 'proactive' | 'on_request' | 'withheld';
  withheldReason: string | null;
  level: 'county' | 'township';
  template: EntryTemplate;
}

function ownerOf(unit: PilotUnit, departments: readonly DepartmentSeed[], template: EntryTemplate): DepartmentSeed {
  const owner = typeof template.owner === 'function' ? template.owner(unit) : template.owner;
  const { role, nth } = typeof owner === 'string' ? { role: owner, nth: 0 } : owner;
  const found = departmentWithRole(departments, role, nth) ?? departmentWithRole(departments, role, 0);
  if (!found) throw new Error(`${unit.name} has no department for role ${role} (entry ${template.key})`);
  return found;
}

/** The unit's catalog, with codes numbered per domain in template order (CXGH-001 …). */
export function buildUnitCatalog(unit: PilotUnit, departments: readonly DepartmentSeed[]): CatalogEntrySeed[] {
  const serials = new Map<Domain, number>();
  return ENTRY_TEMPLATES.map((template) => {
    const serial = (serials.get(template.domain) ?? 0) + 1;
    serials.set(template.domain, serial);
    const owner = ownerOf(unit, departments, template);
    const hasPosition = owner.positions.some((p) => p.code === template.position);
    return {
      regionCode: unit.code,
      code: `${DOMAIN_CODE_PREFIX[template.domain]}-${String(serial).padStart(3, '0')}`,
      category: template.category,
      name: typeof template.name === 'function' ? template.name(owner) : template.name,
      domain: template.domain,
      departmentCode: owner.code,
      positionCode: hasPosition ? template.position : 'disclosure',
      basis: template.basis,
      content: template.content,
      requiredElements: [...template.required],
      timeLimit: parseTimeLimit(template.timeLimit),
      channels: [...template.channels],
      audience: template.audience ?? 'public',
      mode: template.mode ?? 'proactive',
      withheldReason: template.withheldReason ?? null,
      level: owner.roles.includes('township') ? 'township' : 'county',
      template,
    };
  });
}

/** Inserts missing entries as version 1; returns rows added and the ids of the current versions. */
export async function seedCatalog(
  sql: Db,
  entries: readonly CatalogEntrySeed[],
  departmentIds: ReadonlyMap<string, number>,
  positionIds: ReadonlyMap<string, number>,
  createdAt: Date,
): Promise<{ added: number; ids: Map<string, number> }> {
  const rows = entries.flatMap((e) => {
    const departmentId = departmentIds.get(e.departmentCode);
    if (departmentId === undefined) return [];
    return [
      {
        region_code: e.regionCode,
        code: e.code,
        version: 1,
        is_current: true,
        category: e.category,
        name: e.name,
        domain: e.domain,
        department_id: departmentId,
        position_id: e.positionCode ? (positionIds.get(`${e.departmentCode}/${e.positionCode}`) ?? null) : null,
        basis: e.basis,
        content: e.content,
        required_elements: e.requiredElements,
        time_limit: e.timeLimit,
        time_limit_text: e.timeLimit.text,
        channels: e.channels,
        audience: e.audience,
        mode: e.mode,
        withheld_reason: e.withheldReason,
        level: e.level,
        created_at: createdAt,
      },
    ];
  });
  let added = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    // an entry already there (perhaps edited to a later version) is left alone
    const inserted = await sql`
      insert into catalog_entries ${sql(chunk)}
      on conflict do nothing
      returning id`;
    added += inserted.length;
  }
  const regions = [...new Set(entries.map((e) => e.regionCode))];
  const current = await sql<{ id: number; region_code: string; code: string }[]>`
    select id, region_code, code from catalog_entries where is_current and region_code in ${sql(regions)}`;
  return { added, ids: new Map(current.map((r) => [`${r.region_code}/${r.code}`, r.id])) };
}
