// The region tree of the province-scale data set (`npm run seed -- --scale province`): 江苏省, its 13
// 设区市 and every county-level division under them — the 95 of the 2020s administrative division code
// table (55 市辖区, 21 县级市, 19 县) plus 苏州工业园区, which the pilot runs like a county. Codes and
// names are the real ones; the 7 pilot units are the demo's own objects (same codes, names, profiles),
// so demo users and tests that name them work on this data too.
//
// What a county looks like inside the demo generators (its streets and towns, places, roads, website)
// is known for the pilots only (unit-profiles.ts); every other county gets a plausible profile drawn
// deterministically from its code, marked as generated in `profile.generated`.
import { CITIES, PILOT_UNITS, PROVINCE, type PilotUnit, type PilotUnitKind, type RegionSeed } from './geography';
import { rngFor, sample, type Rng } from './prng';
import { UNIT_PROFILES, type ProfiledUnit, type Township, type UnitProfile } from './unit-profiles';

interface CountyRow {
  code: string;
  /** As used inside the province: 玄武区, 江阴市, 丰县. */
  shortName: string;
  kind: PilotUnitKind;
  /** Hanyu pinyin of the short name without 区/市/县, for the generated website host. */
  pinyin: string;
}

interface CityRow {
  code: string;
  /** Short pinyin of the city, prefixed to district hosts (www.njxuanwu.gov.cn). */
  abbr: string;
  counties: readonly CountyRow[];
}

const d = (code: string, shortName: string, pinyin: string): CountyRow => ({ code, shortName, kind: 'district', pinyin });
const cc = (code: string, shortName: string, pinyin: string): CountyRow => ({ code, shortName, kind: 'county_city', pinyin });
const c = (code: string, shortName: string, pinyin: string): CountyRow => ({ code, shortName, kind: 'county', pinyin });

// 江苏省 county-level divisions after the 2020 南通 adjustment (港闸区 merged into 崇川区, 海门撤市设区).
const COUNTY_TABLE: readonly CityRow[] = [
  {
    code: '320100',
    abbr: 'nj',
    counties: [
      d('320102', '玄武区', 'xuanwu'), d('320104', '秦淮区', 'qinhuai'), d('320105', '建邺区', 'jianye'),
      d('320106', '鼓楼区', 'gulou'), d('320111', '浦口区', 'pukou'), d('320113', '栖霞区', 'qixia'),
      d('320114', '雨花台区', 'yuhuatai'), d('320115', '江宁区', 'jiangning'), d('320116', '六合区', 'luhe'),
      d('320117', '溧水区', 'lishui'), d('320118', '高淳区', 'gaochun'),
    ],
  },
  {
    code: '320200',
    abbr: 'wx',
    counties: [
      d('320205', '锡山区', 'xishan'), d('320206', '惠山区', 'huishan'), d('320211', '滨湖区', 'binhu'),
      d('320213', '梁溪区', 'liangxi'), d('320214', '新吴区', 'xinwu'), cc('320281', '江阴市', 'jiangyin'),
      cc('320282', '宜兴市', 'yixing'),
    ],
  },
  {
    code: '320300',
    abbr: 'xz',
    counties: [
      d('320302', '鼓楼区', 'gulou'), d('320303', '云龙区', 'yunlong'), d('320305', '贾汪区', 'jiawang'),
      d('320311', '泉山区', 'quanshan'), d('320312', '铜山区', 'tongshan'), c('320321', '丰县', 'fengxian'),
      c('320322', '沛县', 'peixian'), c('320324', '睢宁县', 'suining'), cc('320381', '新沂市', 'xinyi'),
      cc('320382', '邳州市', 'pizhou'),
    ],
  },
  {
    code: '320400',
    abbr: 'cz',
    counties: [
      d('320402', '天宁区', 'tianning'), d('320404', '钟楼区', 'zhonglou'), d('320411', '新北区', 'xinbei'),
      d('320412', '武进区', 'wujin'), d('320413', '金坛区', 'jintan'), cc('320481', '溧阳市', 'liyang'),
    ],
  },
  {
    code: '320500',
    abbr: 'sz',
    counties: [
      d('320505', '虎丘区', 'huqiu'), d('320506', '吴中区', 'wuzhong'), d('320507', '相城区', 'xiangcheng'),
      d('320508', '姑苏区', 'gusu'), d('320509', '吴江区', 'wujiang'),
      { code: '320571', shortName: '苏州工业园区', kind: 'park', pinyin: 'sipac' },
      cc('320581', '常熟市', 'changshu'), cc('320582', '张家港市', 'zhangjiagang'), cc('320583', '昆山市', 'kunshan'),
      cc('320585', '太仓市', 'taicang'),
    ],
  },
  {
    code: '320600',
    abbr: 'nt',
    counties: [
      d('320612', '通州区', 'tongzhou'), d('320613', '崇川区', 'chongchuan'), d('320614', '海门区', 'haimen'),
      c('320623', '如东县', 'rudong'), cc('320681', '启东市', 'qidong'), cc('320682', '如皋市', 'rugao'),
      cc('320685', '海安市', 'haian'),
    ],
  },
  {
    code: '320700',
    abbr: 'lyg',
    counties: [
      d('320703', '连云区', 'lianyun'), d('320706', '海州区', 'haizhou'), d('320707', '赣榆区', 'ganyu'),
      c('320722', '东海县', 'donghai'), c('320723', '灌云县', 'guanyun'), c('320724', '灌南县', 'guannan'),
    ],
  },
  {
    code: '320800',
    abbr: 'ha',
    counties: [
      d('320803', '淮安区', 'huaian'), d('320804', '淮阴区', 'huaiyin'), d('320812', '清江浦区', 'qingjiangpu'),
      d('320813', '洪泽区', 'hongze'), c('320826', '涟水县', 'lianshui'), c('320830', '盱眙县', 'xuyi'),
      c('320831', '金湖县', 'jinhu'),
    ],
  },
  {
    code: '320900',
    abbr: 'yc',
    counties: [
      d('320902', '亭湖区', 'tinghu'), d('320903', '盐都区', 'yandu'), d('320904', '大丰区', 'dafeng'),
      c('320921', '响水县', 'xiangshui'), c('320922', '滨海县', 'binhai'), c('320923', '阜宁县', 'funing'),
      c('320924', '射阳县', 'sheyang'), c('320925', '建湖县', 'jianhu'), cc('320981', '东台市', 'dongtai'),
    ],
  },
  {
    code: '321000',
    abbr: 'yz',
    counties: [
      d('321002', '广陵区', 'guangling'), d('321003', '邗江区', 'hanjiang'), d('321012', '江都区', 'jiangdu'),
      c('321023', '宝应县', 'baoying'), cc('321081', '仪征市', 'yizheng'), cc('321084', '高邮市', 'gaoyou'),
    ],
  },
  {
    code: '321100',
    abbr: 'zj',
    counties: [
      d('321102', '京口区', 'jingkou'), d('321111', '润州区', 'runzhou'), d('321112', '丹徒区', 'dantu'),
      cc('321181', '丹阳市', 'danyang'), cc('321182', '扬中市', 'yangzhong'), cc('321183', '句容市', 'jurong'),
    ],
  },
  {
    code: '321200',
    abbr: 'tz',
    counties: [
      d('321202', '海陵区', 'hailing'), d('321203', '高港区', 'gaogang'), d('321204', '姜堰区', 'jiangyan'),
      cc('321281', '兴化市', 'xinghua'), cc('321282', '靖江市', 'jingjiang'), cc('321283', '泰兴市', 'taixing'),
    ],
  },
  {
    code: '321300',
    abbr: 'sq',
    counties: [
      d('321302', '宿城区', 'sucheng'), d('321311', '宿豫区', 'suyu'), c('321322', '沭阳县', 'shuyang'),
      c('321323', '泗阳县', 'siyang'), c('321324', '泗洪县', 'sihong'),
    ],
  },
];

// ——— generated profiles ———

const STREET_NAMES = [
  '城东', '城西', '城南', '城北', '新城', '湖滨', '滨江', '运河', '开发区', '高新区', '锦绣', '和平', '人民', '东湖', '西湖',
  '南湖', '花园', '长江', '文昌', '府前', '新港', '朝阳', '凤凰', '青龙',
];
const TOWN_NAMES = [
  '新港', '马桥', '双桥', '三河', '龙集', '黄墩', '塘桥', '白马', '清水', '金沙', '石桥', '杨庄', '高集', '李集', '王集',
  '张集', '丁庄', '四河', '五里', '八滩', '大兴', '永安', '仁和', '古城',
];
const LOCALITY_SUFFIXES = [
  '经济开发区', '高新技术产业开发区', '新城', '老城区', '科技产业园', '湿地公园', '滨江片区', '商务区', '物流园', '现代农业园',
  '文化旅游区', '综合保税区',
];
const ROADS = [
  '人民路', '解放路', '建设路', '中山路', '长江路', '黄河路', '淮海路', '文化路', '健康路', '府前路', '青年路', '迎宾大道',
  '世纪大道', '振兴路', '工业大道', '湖滨路', '新华路', '北京路', '上海路', '东方大道',
];

/** 区/市/县 dropped, except where that leaves one character (丰县 stays 丰县, as in 徐州市丰县生态环境局). */
export function countyBase(shortName: string): string {
  const base = shortName.replace(/(区|市|县)$/, '');
  return Array.from(base).length >= 2 ? base : shortName;
}

function generatedTownships(rng: Rng, kind: PilotUnitKind, code: string): Township[] {
  // urban districts are all streets (街道); outer districts, county-level cities and counties also have towns
  const isOuterDistrict = kind === 'district' && Number(code.slice(4)) >= 11;
  const streets = kind === 'district' ? 4 : 2;
  const towns = kind === 'district' ? (isOuterDistrict ? 1 : 0) : 3;
  return [
    ...sample(rng, STREET_NAMES, streets).map((name): Township => ({ name: `${name}街道`, kind: 'street' })),
    ...sample(rng, TOWN_NAMES, towns).map((name): Township => ({ name: `${name}镇`, kind: 'town' })),
  ];
}

function generatedProfile(row: CountyRow, city: CityRow): UnitProfile {
  const rng = rngFor('province-profile', row.code);
  const base = countyBase(row.shortName);
  return {
    code: row.code,
    base,
    docAbbr: Array.from(base)[0]!,
    host: row.kind === 'district' ? `www.${city.abbr}${row.pinyin}.gov.cn` : `www.${row.pinyin}.gov.cn`,
    townships: generatedTownships(rng, row.kind, row.code),
    localities: sample(rng, LOCALITY_SUFFIXES, 7).map((suffix) => `${base}${suffix}`),
    roads: sample(rng, ROADS, 7),
    generated: true,
  };
}

export interface ProvinceUnit extends ProfiledUnit {
  isPilot: boolean;
}

function unitOf(row: CountyRow, city: CityRow): ProvinceUnit {
  const pilot = PILOT_UNITS.find((u) => u.code === row.code);
  if (pilot) return { ...pilot, profile: UNIT_PROFILES[pilot.code]!, isPilot: true };
  const cityName = CITIES.find((x) => x.code === city.code)!.name;
  return {
    code: row.code,
    // a district is named with its city (南京市玄武区); a county-level city or county stands alone (江阴市)
    name: row.kind === 'district' ? `${cityName}${row.shortName}` : row.shortName,
    shortName: row.shortName,
    cityCode: city.code,
    kind: row.kind,
    profile: generatedProfile(row, city),
    isPilot: false,
  };
}

let units: readonly ProvinceUnit[] | undefined;

/** Every county-level unit of the province, by city and code; the pilots are the demo's own units. */
export function provinceUnits(): readonly ProvinceUnit[] {
  units ??= COUNTY_TABLE.flatMap((city) => city.counties.map((row) => unitOf(row, city)));
  return units;
}

export function provinceRegionSeeds(): RegionSeed[] {
  const province: RegionSeed = {
    code: PROVINCE.code,
    name: PROVINCE.name,
    shortName: PROVINCE.shortName,
    level: 'province',
    parentCode: null,
    path: PROVINCE.code,
    isPilot: false,
  };
  const cities = CITIES.map(
    (city): RegionSeed => ({
      code: city.code,
      name: city.name,
      shortName: city.shortName,
      level: 'city',
      parentCode: PROVINCE.code,
      path: `${PROVINCE.code}.${city.code}`,
      isPilot: false,
    }),
  );
  const counties = provinceUnits().map(
    (unit): RegionSeed => ({
      code: unit.code,
      name: unit.name,
      shortName: unit.shortName,
      level: 'county',
      parentCode: unit.cityCode,
      path: `${PROVINCE.code}.${unit.cityCode}.${unit.code}`,
      isPilot: unit.isPilot,
    }),
  );
  return [province, ...cities, ...counties];
}

const KIND_WEIGHT: Readonly<Record<PilotUnitKind, number>> = { park: 1.3, county_city: 1.15, district: 1, county: 0.9 };

/**
 * How much a unit publishes relative to the others (before the scale factor that sets the province's
 * total): the park and the county-level cities most, counties least, ±30% per unit.
 */
export function unitWeight(unit: PilotUnit): number {
  const rng = rngFor('province-weight', unit.code);
  return KIND_WEIGHT[unit.kind] * (0.7 + 0.6 * rng());
}
