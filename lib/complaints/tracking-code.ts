// 查询码: unguessable and easy to read aloud over the phone — 12 characters from an alphabet without the
// look-alikes 0/O, 1/I/L, grouped in fours (7K3M-Q9TX-4HPA). 31^12 ≈ 7.9·10^17 codes, and lookups also need
// the phone's last 4 digits and are rate-limited, so guessing is hopeless.
import { customAlphabet } from 'nanoid';

export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const GROUP = 4;
const LENGTH = 12;
const generate = customAlphabet(TRACKING_ALPHABET, LENGTH);

export const TRACKING_CODE_PATTERN = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;

export function newTrackingCode(): string {
  return groupCode(generate());
}

function groupCode(raw: string): string {
  const groups: string[] = [];
  for (let i = 0; i < raw.length; i += GROUP) groups.push(raw.slice(i, i + GROUP));
  return groups.join('-');
}

/** What a citizen typed, as stored (case, spaces and dashes do not matter); null when it cannot be a code. */
export function normalizeTrackingCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== LENGTH) return null;
  const code = groupCode(compact);
  return TRACKING_CODE_PATTERN.test(code) ? code : null;
}
