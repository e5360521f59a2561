// items.payload_hash: sha-256 of a canonical JSON of the normalized ingest payload — keys sorted at
// every depth, absent/undefined/null values dropped, instants as ISO strings — so a resend of the
// same payload hashes equally whatever order its keys came in, and changes nothing (DESIGN §1 Item).
// The demo seeds hash their items with this function too, so a CMS resending a seeded item's payload gets
// 200 unchanged as well.
import { createHash } from 'node:crypto';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function canonical(value: unknown): Json | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => canonical(v) ?? null);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const v = canonical((value as Record<string, unknown>)[key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new TypeError(`cannot hash a value of type ${typeof value}`);
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value) ?? null);
}

export function payloadHash(payload: object): string {
  return createHash('sha256').update(canonicalJson(payload)).digest('hex');
}
