// Departments (部门) and positions (岗位) of the demo: 20–40 bodies per pilot unit with their real-style
// names, covering the 9 pilot domains, plus a few bodies of the province and of every city so no
// level of the tree is empty.
import type { Db } from '../lib/db/sql';
import { CITIES, cityOf, PROVINCE, type PilotUnit, type PilotUnitKind } from './geography';
import { personName } from './names';
import { rngFor } from './prng';
import { profileOf, type Township, type UnitProfile } from './unit-profiles';

import { DOMAINS, type Domain } from '../lib/catalog/domains';

export { DOMAINS, type Domain };
export const PILOT_DOMAINS = DOMAINS.filter((d) => d !== 'other');

/** What a department does; catalog entries name the role responsible, resolved per unit. */
export type DepartmentRole =
  | 'gov_office'
  | 'development'
  | 'finance'
  | 'tax'
  | 'ecology'
  | 'market'
  | 'emergency'
  | 'culture'
  | 'justice'
  | 'housing'
  | 'planning'
  | 'approval'
  | 'education'
  | 'health'
  | 'civil_affairs'
  | 'hr'
  | 'transport'
  | 'water'
  | 'agriculture'
  | 'commerce'
  | 'stats'
  | 'audit'
  | 'urban_mgmt'
  | 'veterans'
  | 'medical_insurance'
  | 'public_resource'
  | 'data'
  | 'science'
  | 'state_assets'
  | 'investment'
  | 'township';

export type PositionCode = 'disclosure' | 'publishing' | 'legal_review' | 'finance' | 'approval';

export const POSITION_NAMES: Readonly<Record<PositionCode, string>> = {
  disclosure: '政务公开岗',
  publishing: '信息发布岗',
  legal_review: '法制审核岗',
  finance: '财务岗',
  approval: '审批服务岗',
};

export interface StaffMember {
  name: string;
  /** Post as shown in the process history, e.g. 信息发布岗 or 分管副局长. */
  post: string;
}

export interface DepartmentSeed {
  regionCode: string;
  /** Unique province-wide: `<region code>-<slug>`, e.g. 320105-ecology. */
  code: string;
  slug: string;
  /** 9 characters, the front segment of the department's 索引号. */
  orgCode: string;
  name: string;
  shortName: string;
  roles: readonly DepartmentRole[];
  /** Domains the department publishes in; filled from its catalog entries by the unit builder. */
  domains: Domain[];
  /** Department part of its 文号, e.g. 环 in 建环审〔2026〕3号. */
  docAbbr: string;
  positions: readonly { code: PositionCode; name: string }[];
  /** drafter (拟稿), reviewer (审核), approver (签发), publisher (发布). */
  staff: { drafter: StaffMember; reviewer: StaffMember; approver: StaffMember; publisher: StaffMember };
  township?: Township;
}

interface NameContext {
  unit: PilotUnit;
  /** Full name of the unit, the prefix of most department names (南京市建邺区). */
  p: string;
  city: string;
  base: string;
  kind: PilotUnitKind;
}

interface DepartmentTemplate {
  slug: string;
  roles: readonly DepartmentRole[];
  docAbbr: string;
  /** Null: the unit has no such body. */
  name: (c: NameContext) => string | null;
}

const isCountyLevel = (c: NameContext) => c.kind === 'county_city' || c.kind === 'county';
const notInPark = (c: NameContext, name: string) => (c.kind === 'park' ? null : name);

// The park (苏州工业园区) merges several bureaus; its bodies take the roles of the ones it lacks.
const TEMPLATES: readonly DepartmentTemplate[] = [
  {
    slug: 'gov-office',
    roles: ['gov_office'],
    docAbbr: '政办',
    name: (c) => (c.kind === 'park' ? `${c.p}党政办公室` : `${c.p}人民政府办公室`),
  },
  {
    slug: 'development',
    roles: ['development'],
    docAbbr: '发改',
    name: (c) =>
      c.kind === 'park' ? `${c.p}经济发展委员会` : c.kind === 'county_city' ? `${c.p}发展和改革委员会` : `${c.p}发展和改革局`,
  },
  { slug: 'finance', roles: ['finance'], docAbbr: '财', name: (c) => `${c.p}财政局` },
  { slug: 'tax', roles: ['tax'], docAbbr: '税', name: (c) => `国家税务总局${c.p}税务局` },
  {
    slug: 'ecology',
    roles: ['ecology'],
    docAbbr: '环',
    // after the 2019 vertical reform county bureaus are branches of the city's 生态环境局
    name: (c) => (c.kind === 'park' ? `${c.p}生态环境局` : `${c.city}${c.base}生态环境局`),
  },
  { slug: 'market', roles: ['market'], docAbbr: '市监', name: (c) => `${c.p}市场监督管理局` },
  { slug: 'emergency', roles: ['emergency'], docAbbr: '应急', name: (c) => `${c.p}应急管理局` },
  {
    slug: 'culture',
    roles: ['culture'],
    docAbbr: '文旅',
    name: (c) =>
      c.kind === 'park' ? null : isCountyLevel(c) ? `${c.p}文化广电和旅游局` : `${c.p}文化和旅游局`,
  },
  {
    slug: 'social-affairs',
    roles: ['culture', 'education', 'health', 'civil_affairs'],
    docAbbr: '社',
    name: (c) => (c.kind === 'park' ? `${c.p}社会事业局` : null),
  },
  { slug: 'justice', roles: ['justice'], docAbbr: '司', name: (c) => `${c.p}司法局` },
  {
    slug: 'planning-construction',
    roles: ['planning', 'housing'],
    docAbbr: '规建',
    name: (c) => (c.kind === 'park' ? `${c.p}规划建设委员会` : null),
  },
  { slug: 'housing', roles: ['housing'], docAbbr: '住建', name: (c) => notInPark(c, `${c.p}住房和城乡建设局`) },
  {
    slug: 'planning',
    roles: ['planning'],
    docAbbr: '规资',
    name: (c) => {
      if (c.kind === 'park') return null;
      if (c.unit.code === '320105') return `${c.city}规划和自然资源局${c.base}分局`;
      if (c.kind === 'district') return `${c.city}自然资源和规划局${c.base}分局`;
      return `${c.p}自然资源和规划局`;
    },
  },
  { slug: 'approval', roles: ['approval'], docAbbr: '审批', name: (c) => `${c.p}行政审批局` },
  { slug: 'education', roles: ['education'], docAbbr: '教', name: (c) => notInPark(c, `${c.p}教育局`) },
  { slug: 'health', roles: ['health'], docAbbr: '卫健', name: (c) => notInPark(c, `${c.p}卫生健康委员会`) },
  { slug: 'civil-affairs', roles: ['civil_affairs'], docAbbr: '民', name: (c) => notInPark(c, `${c.p}民政局`) },
  {
    slug: 'hr',
    roles: ['hr'],
    docAbbr: '人社',
    name: (c) => (c.kind === 'park' ? `${c.p}劳动和社会保障局` : `${c.p}人力资源和社会保障局`),
  },
  { slug: 'transport', roles: ['transport'], docAbbr: '交', name: (c) => notInPark(c, `${c.p}交通运输局`) },
  {
    slug: 'water',
    roles: ['water'],
    docAbbr: '水',
    name: (c) => notInPark(c, c.kind === 'district' || c.unit.code === '320381' ? `${c.p}水务局` : `${c.p}水利局`),
  },
  {
    slug: 'agriculture',
    roles: ['agriculture'],
    docAbbr: '农',
    // 建邺区 is wholly urban and the park has no farmland bureau
    name: (c) => (c.kind === 'park' || c.unit.code === '320105' ? null : `${c.p}农业农村局`),
  },
  { slug: 'commerce', roles: ['commerce'], docAbbr: '商', name: (c) => notInPark(c, `${c.p}商务局`) },
  { slug: 'stats', roles: ['stats'], docAbbr: '统', name: (c) => notInPark(c, `${c.p}统计局`) },
  { slug: 'audit', roles: ['audit'], docAbbr: '审', name: (c) => `${c.p}审计局` },
  {
    slug: 'urban-mgmt',
    roles: ['urban_mgmt'],
    docAbbr: '城管',
    name: (c) => (c.kind === 'park' ? `${c.p}综合行政执法局` : `${c.p}城市管理局`),
  },
  { slug: 'veterans', roles: ['veterans'], docAbbr: '退役', name: (c) => `${c.p}退役军人事务局` },
  { slug: 'medical-insurance', roles: ['medical_insurance'], docAbbr: '医保', name: (c) => `${c.p}医疗保障局` },
  { slug: 'public-resource', roles: ['public_resource'], docAbbr: '交易', name: (c) => `${c.p}公共资源交易中心` },
  { slug: 'data', roles: ['data'], docAbbr: '数据', name: (c) => `${c.p}数据局` },
  { slug: 'science', roles: ['science'], docAbbr: '科创', name: (c) => (c.kind === 'park' ? `${c.p}科技创新委员会` : null) },
  {
    slug: 'state-assets',
    roles: ['state_assets'],
    docAbbr: '国资',
    name: (c) => (c.kind === 'park' ? `${c.p}国有资产监督管理办公室` : null),
  },
  {
    slug: 'investment',
    roles: ['investment', 'commerce'],
    docAbbr: '投促',
    name: (c) => (c.kind === 'park' ? `${c.p}投资促进委员会` : null),
  },
];

const ENFORCEMENT_ROLES: readonly DepartmentRole[] = ['ecology', 'market', 'emergency', 'planning', 'justice', 'urban_mgmt', 'housing'];
const APPROVAL_ROLES: readonly DepartmentRole[] = ['approval', 'development', 'housing', 'planning'];
const FINANCE_ROLES: readonly DepartmentRole[] = ['finance', 'education', 'health', 'audit', 'township'];

function positionsFor(roles: readonly DepartmentRole[]): { code: PositionCode; name: string }[] {
  const codes: PositionCode[] = ['disclosure', 'publishing'];
  if (roles.some((r) => ENFORCEMENT_ROLES.includes(r))) codes.push('legal_review');
  if (roles.some((r) => APPROVAL_ROLES.includes(r))) codes.push('approval');
  if (codes.length < 4 && roles.some((r) => FINANCE_ROLES.includes(r))) codes.push('finance');
  return codes.slice(0, 4).map((code) => ({ code, name: POSITION_NAMES[code] }));
}

function approverPost(name: string): string {
  if (name.endsWith('人民政府')) return name.endsWith('乡人民政府') ? '副乡长' : '副镇长';
  if (name.endsWith('局') || name.endsWith('分局')) return '分管副局长';
  return '分管副主任';
}

function staffFor(orgCode: string, name: string, positions: readonly { code: PositionCode }[]): DepartmentSeed['staff'] {
  const rng = rngFor('staff', orgCode);
  const has = (code: PositionCode) => positions.some((p) => p.code === code);
  return {
    drafter: { name: personName(rng), post: POSITION_NAMES.disclosure },
    reviewer: { name: personName(rng), post: has('legal_review') ? POSITION_NAMES.legal_review : '办公室主任' },
    approver: { name: personName(rng), post: approverPost(name) },
    publisher: { name: personName(rng), post: POSITION_NAMES.publishing },
  };
}

/** The name people use inside the province, e.g. 建邺区财政局, 建邺生态环境局, 园区财政局, 南苑街道. */
function shortNameOf(name: string, replacements: readonly (readonly [string, string])[]): string {
  for (const [prefix, short] of replacements) {
    if (name.startsWith(prefix) && name.length > prefix.length) {
      return `${short}${name.slice(prefix.length)}`.replace(/(街道)办事处$|(镇|乡)人民政府$/, '$1$2');
    }
  }
  return name;
}

function makeDepartment(
  regionCode: string,
  serial: number,
  slug: string,
  name: string,
  roles: readonly DepartmentRole[],
  docAbbr: string,
  shortPrefixes: readonly (readonly [string, string])[],
): DepartmentSeed {
  const orgCode = `${regionCode}${String(serial).padStart(3, '0')}`;
  const positions = positionsFor(roles);
  return {
    regionCode,
    code: `${regionCode}-${slug}`,
    slug,
    orgCode,
    name,
    shortName: shortNameOf(name, shortPrefixes),
    roles,
    domains: [],
    docAbbr,
    positions,
    staff: staffFor(orgCode, name, positions),
  };
}

/** The departments of one pilot unit, in a fixed order (their org codes follow it). */
export function buildUnitDepartments(unit: PilotUnit): DepartmentSeed[] {
  const profile: UnitProfile = profileOf(unit);
  const city = cityOf(unit);
  const ctx: NameContext = { unit, p: unit.name, city: city.name, base: profile.base, kind: unit.kind };
  const unitShort = unit.kind === 'park' ? '园区' : unit.shortName;
  const shortPrefixes = [
    [`国家税务总局${unit.name}`, unitShort],
    [unit.name, unitShort],
    [`${city.name}${profile.base}`, profile.base],
    [city.name, ''],
  ] as const;
  const departments: DepartmentSeed[] = [];
  for (const template of TEMPLATES) {
    const name = template.name(ctx);
    if (name === null) continue;
    departments.push(
      makeDepartment(unit.code, departments.length + 1, template.slug, name, template.roles, template.docAbbr, shortPrefixes),
    );
  }
  profile.townships.forEach((township, index) => {
    const name = township.kind === 'street' ? `${unit.name}${township.name}办事处` : `${unit.name}${township.name}人民政府`;
    const department = makeDepartment(
      unit.code,
      departments.length + 1,
      `township-${String(index + 1).padStart(2, '0')}`,
      name,
      ['township'],
      township.name.slice(0, 1),
      shortPrefixes,
    );
    departments.push({ ...department, township });
  });
  return departments;
}

/** A few bodies above the pilot units, so the province and every city have departments too. */
export function buildUpperDepartments(): DepartmentSeed[] {
  const province = [
    makeDepartment(PROVINCE.code, 1, 'gov-office', '江苏省人民政府办公厅', ['gov_office'], '苏政办', [['江苏省', '省']]),
    makeDepartment(PROVINCE.code, 2, 'finance', '江苏省财政厅', ['finance'], '苏财', [['江苏省', '省']]),
  ];
  const cities = CITIES.flatMap((city) => [
    makeDepartment(city.code, 1, 'gov-office', `${city.name}人民政府办公室`, ['gov_office'], '政办', [[city.name, city.name]]),
    makeDepartment(city.code, 2, 'data', `${city.name}数据局`, ['data'], '数据', [[city.name, city.name]]),
  ]);
  return [...province, ...cities].map((d) => ({ ...d, domains: ['other'] }));
}

export function departmentWithRole(
  departments: readonly DepartmentSeed[],
  role: DepartmentRole,
  nth = 0,
): DepartmentSeed | undefined {
  return departments.filter((d) => d.roles.includes(role))[nth];
}

export interface DepartmentIds {
  /** department code → id */
  departments: Map<string, number>;
  /** `${department code}/${position code}` → id */
  positions: Map<string, number>;
}

/** Inserts missing departments and positions; returns rows added and the ids of all of them. */
export async function seedDepartments(
  sql: Db,
  departments: readonly DepartmentSeed[],
  createdAt: Date,
): Promise<{ added: { departments: number; positions: number }; ids: DepartmentIds }> {
  const rows = departments.map((d) => ({
    region_code: d.regionCode,
    code: d.code,
    org_code: d.orgCode,
    name: d.name,
    short_name: d.shortName,
    domains: d.domains,
    created_at: createdAt,
  }));
  const inserted = await sql`
    insert into departments ${sql(rows, 'region_code', 'code', 'org_code', 'name', 'short_name', 'domains', 'created_at')}
    on conflict do nothing
    returning id`;
  const existing = await sql<{ id: number; code: string }[]>`
    select id, code from departments where code in ${sql(departments.map((d) => d.code))}`;
  const departmentIds = new Map(existing.map((r) => [r.code, r.id]));

  const positionRows = departments.flatMap((d) => {
    const departmentId = departmentIds.get(d.code);
    // a department whose org code was taken by another row is not ours to extend
    if (departmentId === undefined) return [];
    return d.positions.map((p) => ({ department_id: departmentId, code: p.code, name: p.name }));
  });
  const insertedPositions = positionRows.length
    ? await sql`
        insert into positions ${sql(positionRows, 'department_id', 'code', 'name')}
        on conflict (department_id, code) do nothing
        returning id`
    : [];
  const positions = await sql<{ id: number; code: string; department_code: string }[]>`
    select p.id, p.code, d.code as department_code
    from positions p join departments d on d.id = p.department_id
    where d.code in ${sql(departments.map((d) => d.code))}`;
  return {
    added: { departments: inserted.length, positions: insertedPositions.length },
    ids: {
      departments: departmentIds,
      positions: new Map(positions.map((p) => [`${p.department_code}/${p.code}`, p.id])),
    },
  };
}
