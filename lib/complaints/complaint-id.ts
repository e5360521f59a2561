import { z } from 'zod';

export const complaintIdSchema = z.coerce.number({ error: '投诉件编号无效' }).int('投诉件编号无效').positive('投诉件编号无效').max(2 ** 53 - 1);
