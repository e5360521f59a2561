import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../seeds/prng';
import { intakeSchema } from '../complaints/schemas';
import { planComplaint } from './plan-complaint';

describe('simulated online complaints', () => {
  it('pass the public form’s validation and name the department', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 200; i++) {
      const planned = planComplaint(random, { id: 42, name: '南京市建邺区生态环境局' });
      expect(intakeSchema.safeParse(planned).success).toBe(true);
      expect(planned).toMatchObject({ channel: 'online', departmentId: 42 });
      expect(planned.content).toContain('南京市建邺区生态环境局');
      expect(planned.phone).toMatch(/^199\d{8}$/);
    }
  });
});
