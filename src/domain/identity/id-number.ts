/**
 * Identity numbers: 居民身份证号码 (GB 11643-1999), 统一社会信用代码 (GB 32100-2015: 18 characters, the last a check
 * character mod 31), bank card numbers (Luhn), phone numbers. Used by the application form and by the
 * pre-publication scanner.
 */
/** A 居民身份证号码 as typed in a form: trimmed, lower-case x accepted. */
export function isValidResidentId(value: string): boolean {
  return isIdNumber(value.trim().toUpperCase());
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function isValidCreditCode(value: string): boolean {
  const code = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  const sum = USCC_WEIGHTS.reduce((s, w, i) => s + w * USCC_CHARS.indexOf(code[i]!), 0);
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === code[17];
}

/** Mainland mobile (1[3-9]xxxxxxxxx) or a landline with area code (0xx-xxxxxxx), loosely. */
export function isPlausiblePhone(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  return /^1[3-9]\d{9}$/.test(digits) || /^0\d{2,3}\d{7,8}$/.test(digits) || /^\+?86\d{11}$/.test(digits);
}

/**
 * 公民身份号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence, 1 check character
 * computed with ISO 7064 MOD 11-2. A number whose check character is wrong is not an ID number.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function validBirthDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1880 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An 18-character 公民身份号码 with a plausible region, a real birth date and a correct check character. */
export function isIdNumber(text: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(text)) return false;
  if (!validBirthDate(text.slice(6, 14))) return false;
  return idCheckCharacter(text.slice(0, 17)) === text[17]!.toUpperCase();
}

/** Luhn (ISO/IEC 7812) — the check digit of bank card numbers. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
