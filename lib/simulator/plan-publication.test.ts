import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../seeds/prng';
import { pickScenario, planPublication, type Scenario } from './plan-publication';

const entry = { code: 'JY-HB-001', name: '建设项目环评审批结果', requiredElements: ['indexNo', 'summary', 'body'], channels: ['website', 'open_platform'] };
const department = { id: 1, name: '南京市建邺区生态环境局', orgCode: '320105001', regionCode: '320105' };
const now = new Date('2026-11-27T10:00:00+08:00');

describe('planPublication', () => {
  it('keeps close to the stated mix', () => {
    const random = mulberry32(7);
    const counts: Record<Scenario, number> = { on_time: 0, late: 0, incomplete: 0, unpublished: 0 };
    for (let i = 0; i < 10_000; i += 1) counts[pickScenario(random)] += 1;
    expect(counts.on_time / 10_000).toBeCloseTo(0.6, 1);
    expect(counts.late / 10_000).toBeCloseTo(0.15, 1);
    expect(counts.incomplete / 10_000).toBeCloseTo(0.17, 1);
    expect(counts.unpublished / 10_000).toBeCloseTo(0.08, 1);
  });

  it('fixes an incomplete item later with the complete payload of the same item', () => {
    const random = mulberry32(1);
    for (let i = 0; i < 200; i += 1) {
      const plan = planPublication(random, { entry, department, now, externalId: `sim-${i}`, serial: i + 1 });
      expect(plan.payload.externalId).toBe(`sim-${i}`);
      expect(new Date(String(plan.payload.formedAt)).getTime()).toBeLessThan(now.getTime());
      if (plan.scenario === 'incomplete') {
        expect(plan.followUp?.payload).not.toEqual(plan.payload);
        expect(plan.followUp?.payload.externalId).toBe(plan.payload.externalId);
      }
      if (plan.scenario === 'unpublished') {
        expect(plan.payload.publishedAt).toBeUndefined();
        expect(plan.followUp).toBeDefined();
      }
      if (plan.scenario === 'on_time' || plan.scenario === 'late') expect(plan.followUp).toBeUndefined();
    }
  });
});
