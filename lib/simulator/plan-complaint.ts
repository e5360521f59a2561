// What the demo simulator files through the public complaint form: an online complaint about a pilot
// department's disclosure, in a citizen's words, with a random number in mobile format (the demo never calls it).
import type { Rng } from '../../seeds/prng';

const ISSUES: readonly ((department: string) => string)[] = [
  (d) => `${d}网站上找不到本季度的财政资金使用情况，按规定应当主动公开，请尽快公开。`,
  (d) => `${d}公开栏张贴的办事指南还是旧版本，收费标准和材料清单都变了，希望及时更新。`,
  (d) => `${d}上周作出的行政处罚决定至今没有在网站公示，请说明原因并依法公开。`,
  (d) => `我向${d}了解某建设项目的批准文件，网站只有标题没有正文，附件也下载不了。`,
  (d) => `${d}发布的政策解读只在微信公众号上，政府网站没有同步，老年人查询很不方便。`,
  (d) => `${d}的信息公开年度报告去年就没按时发布，今年又过了期限，请督促公开。`,
  (d) => `${d}网站“政府信息公开”专栏很多链接打不开，提示页面不存在，请检查修复。`,
];

const FAMILY = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟'];

export interface PlannedComplaint {
  channel: 'online';
  departmentId: number;
  name?: string;
  phone: string;
  content: string;
}

export function planComplaint(random: Rng, department: { id: number; name: string }): PlannedComplaint {
  const pickOf = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const phone = `199${String(Math.floor(random() * 100_000_000)).padStart(8, '0')}`;
  const named = random() < 0.8;
  return {
    channel: 'online',
    departmentId: department.id,
    ...(named ? { name: `${pickOf(FAMILY)}${pickOf(GIVEN)}` } : {}),
    phone,
    content: pickOf(ISSUES)(department.name),
  };
}
