// The browser's calls of the complaint actions endpoint, with the contract's error body unpacked.

export async function postAction(id: number, body: Record<string, unknown>): Promise<{ ok: true } | { ok: false; message: string; fields: Record<string, string> }> {
  const response = await fetch(`/api/v1/complaints/${id}/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!response) return { ok: false, message: '网络异常，请稍后重试', fields: {} };
  if (response.ok) return { ok: true };
  const answer = (await response.json().catch(() => ({}))) as { error?: { message: string; fields?: Record<string, string> } };
  return { ok: false, message: answer.error?.message ?? '操作失败，请稍后重试', fields: answer.error?.fields ?? {} };
}
