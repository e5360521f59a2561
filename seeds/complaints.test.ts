import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 } from '../lib/calendar/calendar-2026.fixture';
import { STATES } from '../lib/complaints/complaint';
import { transition } from '../lib/complaints/state-machine';
import { TRACKING_CODE_PATTERN } from '../lib/complaints/tracking-code';
import { planComplaints, SEED_SCENARIOS } from './complaints';

const at = new Date('2026-11-27T10:30:00+08:00');
const units = [
  { regionCode: '320105', departmentCodes: ['320105-ecology', '320105-finance'], preferred: '320105-ecology' },
  { regionCode: '320211', departmentCodes: ['320211-ecology', '320211-finance', '320211-culture'] },
];
const plan = () => planComplaints({ today: '2026-11-27', at, cal: CALENDAR_2026, units });

describe('demo complaints plan', () => {
  it('covers every state in every unit', () => {
    const plans = plan();
    expect(plans).toHaveLength(units.length * SEED_SCENARIOS.length);
    for (const unit of units) {
      const states = new Set(plans.filter((p) => p.regionCode === unit.regionCode).map((p) => p.state));
      expect([...states].sort()).toEqual([...STATES].sort());
    }
  });

  it('gives each complaint a history the state machine accepts, ending in its state', () => {
    for (const p of plan()) {
      let state: (typeof STATES)[number] = 'received';
      for (const step of p.steps) {
        const result = transition(state, step.input.action, step.actor, step.input.action === 'rate' ? step.input.satisfaction : undefined);
        expect(result.ok, `${p.scenario}: ${step.input.action} from ${state}`).toBe(true);
        if (result.ok) state = result.to;
      }
      expect(state, p.scenario).toBe(p.state);
    }
  });

  it('dates every step after the receipt, in order, and before the seeding instant', () => {
    for (const p of plan()) {
      let previous = p.receivedAt.getTime();
      expect(previous).toBeLessThanOrEqual(at.getTime());
      for (const step of p.steps) {
        expect(step.at.getTime(), p.scenario).toBeGreaterThan(previous);
        previous = step.at.getTime();
      }
      expect(previous, p.scenario).toBeLessThan(at.getTime());
    }
  });

  it('is the same for the same day, with distinct readable tracking codes', () => {
    const first = plan();
    expect(plan()).toEqual(first);
    const codes = first.map((p) => p.trackingCode);
    for (const code of codes) expect(code).toMatch(TRACKING_CODE_PATTERN);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('sends the demo department user’s unit to its department', () => {
    expect(new Set(plan().filter((p) => p.regionCode === '320105').map((p) => p.departmentCode))).toEqual(new Set(['320105-ecology']));
  });
});
