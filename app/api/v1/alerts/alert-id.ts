import { z } from 'zod';

export const alertIdSchema = z.coerce.number({ error: '预警编号无效' }).int('预警编号无效').positive('预警编号无效');
