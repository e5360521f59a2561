// How every /alerts/:id route reads its record: supervisors and admins only, the alert's id, its 404.
import { z } from 'zod';

const alertIdSchema = z.coerce.number({ error: '预警编号无效' }).int('预警编号无效').positive('预警编号无效');

export const alertRecord = { permission: 'actOnAlerts', idSchema: alertIdSchema, missing: '预警不存在' } as const;
