// Checks of an applicant's identity and contact data (issue 13, bad input): a resident ID number by its
// GB 11643-1999 check digit, a 统一社会信用代码 by its GB 32100-2015 check character, and a mainland phone —
// a mobile (1[3-9] and 9 digits, +86 allowed) or a landline with its area code (0 and 2–3 digits, 7–8 digits,
// an extension allowed). Pure.

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = '10X98765432';

/** An 18-character resident ID number whose birth date exists and whose check character matches. */
export function isValidResidentId(raw: string): boolean {
  const id = raw.trim().toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1800 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17];
}

/** The check character of the first 17 digits of a resident ID number (also how the demo seed makes valid ones). */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i]!;
  return RESIDENT_ID_CHECK[sum % 11]!;
}

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** An 18-character 统一社会信用代码 whose check character matches. */
export function isValidCreditCode(raw: string): boolean {
  const code = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARS.indexOf(code[i]!) * CREDIT_CODE_WEIGHTS[i]!;
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31] === code[17];
}

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^(?:\+?86)?0\d{2,3}\d{7,8}(?:#?\d{1,6})?$/;

/** A mainland mobile or landline number; spaces, dashes and brackets between the digits are ignored. */
export function isMainlandPhone(raw: string): boolean {
  const compact = raw.trim().replace(/[\s\-()（）]/g, '').replace(/(转|ext\.?)/i, '#');
  return MOBILE.test(compact) || LANDLINE.test(compact);
}

/** 110105199001011234 → 110105********1234: region and the last four, the birth date hidden. */
export function maskIdNo(idNo: string | null): string | null {
  if (idNo === null) return null;
  const id = idNo.trim();
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
