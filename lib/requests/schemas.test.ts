import { describe, expect, it } from 'vitest';
import { fieldsFromZod } from '../http/errors';
import { actionSchema, intakeSchema } from './schemas';

const body = (over: Record<string, unknown> = {}) => ({
  channel: 'online',
  applicant: { type: 'business', name: '江苏某建设工程有限公司', phone: '025-83456789' },
  regionId: '320105',
  description: '本区 2026 年建设项目环评批复',
  ...over,
});
const fields = (result: { success: boolean; error?: Parameters<typeof fieldsFromZod>[0] }) => (result.error ? fieldsFromZod(result.error) : {});

describe('the request intake body', () => {
  it('takes an organisation with a landline and no ID, and leaves blank optional text out', () => {
    const parsed = intakeSchema.parse(body({ purpose: '  ', applicant: { type: 'research', name: '某大学课题组', phone: '13812345678', address: '' } }));
    expect(parsed.purpose).toBeUndefined();
    expect(parsed.applicant.address).toBeUndefined();
  });

  it('checks a 统一社会信用代码 and asks for the ID type and number together', () => {
    expect(fields(intakeSchema.safeParse(body({ applicant: { type: 'business', name: '某公司', phone: '13812345678', idType: 'credit_code', idNo: '91350100M000100Y44' } })))).toEqual({
      'applicant.idNo': '统一社会信用代码无效：应为 18 位，且校验位正确',
    });
    expect(fields(intakeSchema.safeParse(body({ applicant: { type: 'person', name: '李四', phone: '13812345678', idNo: '11010519491231002X' } })))).toEqual({
      'applicant.idType': '请选择证件类型',
    });
  });

  it('names every missing field in zh-CN', () => {
    expect(fields(intakeSchema.safeParse({ channel: 'fax' }))).toEqual({
      channel: '申请方式必须是 online（网上）、letter（信函）、in_person（当面）之一',
      applicant: expect.any(String),
      regionId: '请选择受理区域',
      description: '请填写所需信息的描述',
    });
  });
});

describe('the actions body', () => {
  it('needs a basis for 部分公开 and 不予公开 only', () => {
    expect(actionSchema.safeParse({ action: 'reply', type: 'disclosed', text: '予以公开' }).success).toBe(true);
    expect(fields(actionSchema.safeParse({ action: 'reply', type: 'partly_disclosed', text: '部分公开' }))).toEqual({
      basis: '「部分公开」须写明法律依据和理由',
    });
  });

  it('reads `at` as a day or a moment with its offset, and refuses one without', () => {
    expect(actionSchema.parse({ action: 'end_consultation', at: '2026-11-16' })).toMatchObject({ at: { day: '2026-11-16' } });
    expect(actionSchema.parse({ action: 'end_consultation', at: '2026-11-16T10:00:00+08:00' })).toMatchObject({ at: { instant: new Date('2026-11-16T02:00:00Z') } });
    expect(fields(actionSchema.safeParse({ action: 'end_consultation', at: '2026-11-16T10:00' }))).toEqual({ at: '征求意见结束的时间：缺少时区，请写明如 +08:00 或 Z' });
    expect(fields(actionSchema.safeParse({ action: 'start_consultation', with: '第三方' }))).toEqual({ at: '请填写开始征求意见的时间' });
  });

  it('allows an extension of 1–20 working days with approver and reason', () => {
    expect(fields(actionSchema.safeParse({ action: 'extend', workingDays: 0, approver: '王主任', reason: '调档' }))).toEqual({ workingDays: '延长期限至少 1 个工作日' });
    expect(actionSchema.safeParse({ action: 'extend', workingDays: 20, approver: '王主任', reason: '调档' }).success).toBe(true);
  });
});
