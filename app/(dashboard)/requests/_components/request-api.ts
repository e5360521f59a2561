// The browser's call of POST /api/v1/requests/:id/actions, with the contract's error body unpacked.

export type ActionAnswer = { ok: true } | { ok: false; status: number; message: string; fields: Record<string, string> };

export async function postRequestAction(id: number, body: Record<string, unknown>): Promise<ActionAnswer> {
  const response = await fetch(`/api/v1/requests/${id}/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!response) return { ok: false, status: 0, message: '网络异常，请稍后重试', fields: {} };
  if (response.ok) return { ok: true };
  const answer = (await response.json().catch(() => ({}))) as { error?: { message: string; fields?: Record<string, string> } };
  return { ok: false, status: response.status, message: answer.error?.message ?? '操作失败，请稍后重试', fields: answer.error?.fields ?? {} };
}
