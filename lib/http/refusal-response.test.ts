import { describe, expect, it } from 'vitest';
import { refuse, type RefusalKind } from '../refusal';
import { refusalResponse } from './refusal-response';

const EXPECTED: Record<RefusalKind, [number, string]> = {
  invalid: [400, 'invalid_input'],
  out_of_scope: [403, 'forbidden'],
  not_allowed: [403, 'forbidden'],
  not_found: [404, 'not_found'],
  conflict: [409, 'conflict'],
  unknown_reference: [422, 'unknown_reference'],
};

describe('refusalResponse', () => {
  for (const [kind, [status, code]] of Object.entries(EXPECTED) as [RefusalKind, [number, string]][]) {
    it(`answers ${kind} with ${status} ${code} and the contract's body`, async () => {
      const response = refusalResponse(refuse(kind, '预警不存在'));
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error: { code, message: '预警不存在' } });
    });
  }

  it('carries the fields of a refusal that names them', async () => {
    const response = refusalResponse(refuse('unknown_reference', '指派部门不存在', { departmentId: '指派部门不存在' }));
    expect(await response.json()).toEqual({
      error: { code: 'unknown_reference', message: '指派部门不存在', fields: { departmentId: '指派部门不存在' } },
    });
  });

  it('adds the headers it is given', () => {
    const response = refusalResponse(refuse('not_found', '资源不存在'), { 'cache-control': 'no-store' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
