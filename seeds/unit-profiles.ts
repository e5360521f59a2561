// What makes each pilot unit's demo data look like its own: its website, the one-character prefix of
// its document numbers (文号), its streets and towns, and the places its projects are named after.
import type { PilotUnit } from './geography';

export interface Township {
  /** Without the unit's prefix, e.g. 南苑街道, 窑湾镇, 北丁集乡. */
  name: string;
  kind: 'street' | 'town';
}

export interface UnitProfile {
  code: string;
  /** The unit's name without 区/市/县, as used in 生态环境局 names (南京市建邺生态环境局). */
  base: string;
  /** First character of the unit's document numbers, e.g. 建 in 建发改投〔2026〕12号. */
  docAbbr: string;
  /** Host of the unit's government website. */
  host: string;
  townships: readonly Township[];
  /** Areas and roads that name projects and places in titles. */
  localities: readonly string[];
  roads: readonly string[];
  /** Drawn from name pools for a non-pilot county of the province-scale data (province-geography.ts). */
  generated?: boolean;
}

/** A county-level unit that brings its own profile: the non-pilot counties of the province-scale data. */
export interface ProfiledUnit extends PilotUnit {
  profile: UnitProfile;
}

const street = (name: string): Township => ({ name, kind: 'street' });
const town = (name: string): Township => ({ name, kind: 'town' });

export const UNIT_PROFILES: Readonly<Record<string, UnitProfile>> = {
  '320105': {
    code: '320105',
    base: '建邺',
    docAbbr: '建',
    host: 'www.njjy.gov.cn',
    townships: [street('南苑街道'), street('兴隆街道'), street('莫愁湖街道'), street('沙洲街道'), street('双闸街道'), street('江心洲街道')],
    localities: ['河西中央商务区', '江心洲', '奥体新城', '鱼嘴湿地', '南京国际博览中心', '新城科技园', '滨江风光带'],
    roads: ['江东中路', '庐山路', '嘉陵江东街', '白龙江东街', '梦都大街', '扬子江大道', '河西大街'],
  },
  '320211': {
    code: '320211',
    base: '滨湖',
    docAbbr: '滨',
    host: 'www.wxbh.gov.cn',
    townships: [street('河埒街道'), street('荣巷街道'), street('蠡园街道'), street('蠡湖街道'), street('华庄街道'), street('马山街道'), town('胡埭镇')],
    localities: ['蠡湖新城', '太湖新城', '雪浪小镇', '胡埭工业园', '马山国家级旅游度假区', '山水城', '十八湾'],
    roads: ['蠡湖大道', '隐秀路', '梁溪路', '湖滨路', '太湖大道', '高浪路', '震泽路'],
  },
  '320381': {
    code: '320381',
    base: '新沂',
    docAbbr: '新',
    host: 'www.xinyi.gov.cn',
    townships: [street('新安街道'), street('墨河街道'), town('窑湾镇'), town('马陵山镇'), town('时集镇'), town('瓦窑镇')],
    localities: ['新沂经济开发区', '窑湾古镇', '马陵山风景区', '骆马湖湿地', '锡沂高新区', '无锡—新沂工业园', '沭河风光带'],
    roads: ['北京路', '大桥路', '钟吾路', '新华路', '沭河路', '上海路', '无锡路'],
  },
  '320402': {
    code: '320402',
    base: '天宁',
    docAbbr: '天',
    host: 'www.tianning.gov.cn',
    townships: [street('天宁街道'), street('雕庄街道'), street('青龙街道'), street('茶山街道'), street('红梅街道'), town('郑陆镇')],
    localities: ['天宁经济开发区', '青龙工业园', '郑陆工业园', '东经120', '红梅公园片区', '舣舟亭', '焦溪古镇'],
    roads: ['延陵中路', '青洋北路', '竹林西路', '劳动东路', '中吴大道', '关河东路', '北塘河路'],
  },
  '320571': {
    code: '320571',
    base: '苏州工业园区',
    docAbbr: '苏园',
    host: 'www.sipac.gov.cn',
    townships: [street('娄葑街道'), street('斜塘街道'), street('唯亭街道'), street('胜浦街道'), street('金鸡湖街道')],
    localities: ['金鸡湖商务区', '独墅湖科教创新区', '阳澄湖半岛', '苏州中心', '生物医药产业园', '纳米城', '综合保税区'],
    roads: ['星湖街', '现代大道', '苏州大道东', '金鸡湖大道', '星港街', '唯华路', '东方大道'],
  },
  '320682': {
    code: '320682',
    base: '如皋',
    docAbbr: '皋',
    host: 'www.rugao.gov.cn',
    townships: [street('如城街道'), street('城南街道'), town('白蒲镇'), town('长江镇'), town('搬经镇'), town('丁堰镇')],
    localities: ['如皋经济技术开发区', '如皋港', '长寿文化园', '龙游湖', '高新区', '白蒲古镇', '水绘园片区'],
    roads: ['海阳路', '福寿路', '惠政路', '益寿路', '万寿路', '宁海路', '兴源大道'],
  },
  '321322': {
    code: '321322',
    base: '沭阳',
    docAbbr: '沭',
    host: 'www.shuyang.gov.cn',
    townships: [street('沭城街道'), street('南湖街道'), town('马厂镇'), town('新河镇'), town('颜集镇'), town('北丁集乡')],
    localities: ['沭阳经济技术开发区', '高新区', '花木大世界', '虞姬公园片区', '沭河湿地', '新河花木产业园', '韩山工业园'],
    roads: ['人民中路', '沭阳大道', '上海路', '北京路', '迎宾大道', '台州路', '温州路'],
  },
};

export function profileOf(unit: PilotUnit): UnitProfile {
  const profile = UNIT_PROFILES[unit.code] ?? ('profile' in unit ? (unit as ProfiledUnit).profile : undefined);
  if (!profile) throw new Error(`no demo profile for pilot unit ${unit.code}`);
  return profile;
}
