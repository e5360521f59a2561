// Name pools for realistic demo text: staff, companies, projects. Everything is drawn through a
// seeded generator, so the same day gives the same names.
import { pick, type Rng } from './prng';
import type { UnitProfile } from './unit-profiles';

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余',
  '杜', '叶', '程', '苏', '魏', '吕', '丁', '沈', '姚', '卢', '姜', '钟', '陆', '汪', '范', '金', '顾', '钱', '严', '戴',
];

const GIVEN_NAMES = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞', '平', '刚',
  '文', '辉', '玲', '华', '婷', '鹏', '宇', '晨', '欣怡', '子涵', '浩然', '雨桐', '思远', '佳琪', '俊杰', '梦瑶', '志强',
  '建国', '海燕', '晓东', '雪梅', '春华', '立新', '国平', '秀兰', '红梅', '建华', '卫东', '晓峰', '丹丹', '亚楠', '一鸣',
];

export function personName(rng: Rng): string {
  return pick(rng, SURNAMES) + pick(rng, GIVEN_NAMES);
}

/** A private person as published in enforcement decisions: the given name is withheld (王某某). */
export function maskedPerson(rng: Rng): string {
  return `${pick(rng, SURNAMES)}某某`;
}

const TRADE_NAMES = [
  '恒瑞', '华信', '鑫源', '锦程', '瑞丰', '泰和', '天成', '中迅', '润泽', '博远', '星辰', '德胜', '永盛', '嘉禾', '宏图',
  '新维', '科达', '联创', '盛世', '绿源', '东方', '长鸿', '同顺', '金诺', '启明', '睿思', '海纳', '益康', '众邦', '远航',
];

const INDUSTRIES = [
  ['新材料科技', '年产5000吨高性能复合材料'],
  ['电子科技', '年产120万片柔性线路板'],
  ['精密机械', '年产8000台精密数控机床'],
  ['生物医药', '创新药研发及中试'],
  ['新能源科技', '年产2GWh动力电池模组'],
  ['食品', '年产3万吨速冻食品'],
  ['包装材料', '年产1.5万吨环保包装材料'],
  ['光电科技', '年产60万套光学模组'],
  ['环保科技', '固体废物资源化利用'],
  ['汽车零部件', '年产40万套新能源汽车零部件'],
  ['智能装备', '工业机器人生产线扩建'],
  ['纺织科技', '年产2000万米功能性面料'],
] as const;

export interface Company {
  name: string;
  /** What the company's project builds, e.g. 年产5000吨高性能复合材料. */
  product: string;
}

export function company(rng: Rng, cityShortName: string): Company {
  const [industry, product] = pick(rng, INDUSTRIES);
  return { name: `${cityShortName}${pick(rng, TRADE_NAMES)}${industry}有限公司`, product: `${product}项目` };
}

const PUBLIC_WORKS = [
  '道路提档升级工程', '雨污分流管网改造工程', '老旧小区改造工程', '九年一贯制学校新建工程', '人才公寓项目', '安置房项目',
  '综合管廊工程', '公园绿地提升工程', '社区卫生服务中心新建工程', '河道综合整治工程', '智慧停车场建设项目',
  '体育公园建设工程', '养老服务中心建设项目', '污水处理厂提标改造工程', '幼儿园新建工程', '邻里中心建设项目',
];

/** A public project named after a place of the unit, e.g. 江心洲雨污分流管网改造工程. */
export function publicProject(rng: Rng, profile: UnitProfile): string {
  const place = rng() < 0.5 ? pick(rng, profile.localities) : pick(rng, profile.roads);
  return `${place}${pick(rng, PUBLIC_WORKS)}`;
}

const SHOP_KINDS = ['餐饮店', '便利店', '超市', '面馆', '烘焙坊', '小吃店', '茶饮店', '农贸市场经营户', '食堂'];

export function shopName(rng: Rng, profile: UnitProfile): string {
  return `${profile.base}${pick(rng, profile.roads)}${pick(rng, TRADE_NAMES)}${pick(rng, SHOP_KINDS)}`;
}

export function pharmacyName(rng: Rng, cityShortName: string): string {
  return `${cityShortName}${pick(rng, TRADE_NAMES)}大药房有限公司${pick(rng, ['', '一分店', '二分店', '便民店'])}`;
}
