// What the demo simulator files through the public request form (依申请公开): an online application by a person
// to a pilot department, with a made-up resident ID number that passes the check and a number in mobile format
// (the demo never calls it).
import type { Rng } from '../../seeds/prng';
import { residentIdCheckChar } from '../requests/identity';

const WANTS: readonly ((department: string) => string)[] = [
  (d) => `申请公开${d}2025 年度部门决算及“三公”经费支出情况`,
  (d) => `申请公开${d}近一年作出的行政处罚决定书目录`,
  (d) => `申请公开${d}本年度政府采购项目的合同及验收报告`,
  (d) => `申请公开${d}负责的重点建设项目批准文件`,
  (d) => `申请公开${d}近三年收到的政府信息公开申请办理情况统计`,
];

const FAMILY = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '强', '磊', '军', '洋'];

export interface PlannedRequest {
  channel: 'online';
  applicant: { type: 'person'; name: string; idType: 'resident_id'; idNo: string; phone: string };
  regionId: string;
  departmentId: number;
  description: string;
  format: 'electronic';
  delivery: 'online';
}

export function planRequest(random: Rng, department: { id: number; name: string; regionCode: string }): PlannedRequest {
  const pickOf = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const between = (min: number, max: number, width: number) => String(min + Math.floor(random() * (max - min + 1))).padStart(width, '0');
  const first17 = `${department.regionCode}${between(1960, 1999, 4)}${between(1, 12, 2)}${between(1, 28, 2)}${between(0, 999, 3)}`;
  return {
    channel: 'online',
    applicant: {
      type: 'person',
      name: `${pickOf(FAMILY)}${pickOf(GIVEN)}`,
      idType: 'resident_id',
      idNo: first17 + residentIdCheckChar(first17),
      phone: `199${String(Math.floor(random() * 100_000_000)).padStart(8, '0')}`,
    },
    regionId: department.regionCode,
    departmentId: department.id,
    description: pickOf(WANTS)(department.name),
    format: 'electronic',
    delivery: 'online',
  };
}
