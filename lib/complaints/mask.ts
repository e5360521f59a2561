// Personal data (name, phone) is shown in full to complaint handlers only (DESIGN §1 Complaints); every
// other role, every socket payload and the public tracking page see these masked forms.

/** 张三 → 张*, 欧阳娜娜 → 欧***; an empty name stays empty. */
export function maskName(name: string | null): string | null {
  if (name === null) return null;
  const chars = [...name.trim()];
  if (chars.length === 0) return null;
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 13812345678 → 138****5678; short numbers keep only their last 4 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length > 4) return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
  return '*'.repeat(digits.length);
}

/** The last 4 digits a citizen gives to look a complaint up. */
export function phoneLast4(phone: string): string {
  return phone.replace(/\D/g, '').slice(-4);
}
