// The queue's filter as the /requests URL holds it: the API's list filters (lib/requests/schemas.ts), with 'all'
// for every state, the open ones by default and the countdown's order.
import { z } from 'zod';
import { CHANNELS, STATES } from '../../../../lib/requests/request';

export const requestQueueFilterSchema = z.object({
  state: z.enum(['open', 'all', ...STATES]).catch('open'),
  departmentId: z.coerce.number().int().positive().optional().catch(undefined),
  level: z.enum(['none', 'yellow', 'orange', 'red']).optional().catch(undefined),
  channel: z.enum(CHANNELS).optional().catch(undefined),
  sort: z.enum(['due', 'received']).catch('due'),
});
export type RequestQueueFilter = z.infer<typeof requestQueueFilterSchema>;
