// Any method on /api or an /api path no route handler owns – 404 in the contract's error body (DESIGN §3), not Next.js's
// HTML not-found page. Specific routes win over this catch-all, so it only answers what nothing else does.
import { notFound } from '../../../lib/http/errors';

const answer = async () => notFound('接口不存在');

export { answer as DELETE, answer as GET, answer as HEAD, answer as OPTIONS, answer as PATCH, answer as POST, answer as PUT };
