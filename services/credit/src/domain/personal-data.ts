/**
 * Masking of personal data (spec credit §2.4, §9.1 N6; 个人信息保护法). Full values are shown only to the roles
 * that need them; notices, events and everyone else see the masked form.
 */
export const piiRoles = ['CENTER_STAFF', 'BANK_OFFICER', 'INSURER_OFFICER'] as const;

/** First 6 and last 4 characters of an identity number, the rest as asterisks. */
export const maskIdNumber = (id: string): string =>
  id.length <= 10 ? '*'.repeat(id.length) : id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);

/** First 3 and last 4 digits of a phone number. */
export const maskPhone = (phone: string): string =>
  phone.length <= 7 ? '*'.repeat(phone.length) : phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);

/** Surname only: the first character, then one asterisk per remaining character. */
export const maskName = (name: string): string => {
  const chars = [...name];
  return chars.length <= 1 ? name : chars[0] + '*'.repeat(chars.length - 1);
};

const ID_PATTERN = /^\d{17}[\dX]$/;
/** 18-character resident identity number with a valid ISO 7064 MOD 11-2 check character. */
export function isValidIdNumber(id: string): boolean {
  if (!ID_PATTERN.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}

/** Appends the check character to a 17-digit body (factories use it to make valid numbers). */
export function withCheckDigit(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(body17[i]), 0);
  return body17 + '10X98765432'[sum % 11];
}
