/**
 * What the dossier's history may keep of an address: enough for staff to recognise which one the
 * applicant gave ("n***@gmail.com", "09******78"), not enough to write to it. The full address
 * stays in the dossier's applicant only (Decree 13/2023/NĐ-CP: no second copy of personal data).
 */

/** `nguyenvana@gmail.com` → `n***@gmail.com`: the first letter and the domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** `0912345678` → `09******78`: the first two and last two digits, the rest starred. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const local = digits.startsWith('84') && phone.startsWith('+') ? `0${digits.slice(2)}` : digits;
  if (local.length < 5) return '*'.repeat(local.length);
  return `${local.slice(0, 2)}${'*'.repeat(local.length - 4)}${local.slice(-2)}`;
}

/** A Vietnamese number as SMS gateways take it, E.164: `0912345678` → `+84912345678`. */
export function toE164(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('84')) return `+${digits}`;
  return `+84${digits.replace(/^0/, '')}`;
}
