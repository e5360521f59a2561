import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../seeds/prng';
import { intakeSchema } from '../requests/schemas';
import { planRequest } from './plan-request';

describe('simulated online requests for information', () => {
  it('pass the public form’s validation (ID checksum, phone) and name the agency', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 200; i++) {
      const planned = planRequest(random, { id: 42, name: '南京市建邺区生态环境局', regionCode: '320105' });
      const parsed = intakeSchema.safeParse(planned);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(planned).toMatchObject({ channel: 'online', departmentId: 42, regionId: '320105' });
      expect(planned.description).toContain('南京市建邺区生态环境局');
    }
  });
});
