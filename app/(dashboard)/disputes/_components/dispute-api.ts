// The browser's calls to the dispute API (POST /api/v1/disputes, POST /api/v1/disputes/:id/decision): the
// contract's zh-CN error message is what the user sees when a call is refused.
import type { DisputeSubjectType } from '../../../../lib/disputes/schemas';

export interface DisputeAttachmentInput {
  name: string;
  url: string;
}

async function send(path: string, body: unknown): Promise<{ ok: true } | { ok: false; message: string; fields?: Record<string, string> }> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, message: '网络连接失败，请稍后重试' };
  }
  if (response.ok) return { ok: true };
  const answer = (await response.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string> } } | null;
  return { ok: false, message: answer?.error?.message ?? `提交失败（${response.status}）`, fields: answer?.error?.fields };
}

export function postDispute(subject: { type: DisputeSubjectType; id: number }, reason: string, attachments: DisputeAttachmentInput[]) {
  return send('/api/v1/disputes', { subject, reason, attachments });
}

export function postDecision(id: number, decision: 'accept' | 'reject', reason: string) {
  return send(`/api/v1/disputes/${id}/decision`, { decision, reason });
}
