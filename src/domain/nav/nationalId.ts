// The Norwegian national identity number (fødselsnummer, or a D-number): 11 digits,
// a date of birth, an individual number and two check digits (mod 11). NAV's API
// only checks "11 digits"; we check the check digits too, so a typo is caught in the
// chat before anything is sent. Test numbers (NAV's synthetic ids add 40 or 80 to
// the month) pass: they keep valid check digits.
const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

export type NationalIdProblem = "format" | "date" | "checksum";

function checkDigit(digits: number[], weights: number[]): number | undefined {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  return k === 10 ? undefined : k;
}

/** Spaces and dots people type (e.g. "010170 12345") are ignored. */
export function normalizeNationalId(raw: string): string {
  return raw.replace(/[\s.]/g, "");
}

export function nationalIdProblem(raw: string): NationalIdProblem | undefined {
  const id = normalizeNationalId(raw);
  if (!/^\d{11}$/.test(id)) return "format";
  const digits = [...id].map(Number);
  let day = Number(id.slice(0, 2));
  let month = Number(id.slice(2, 4));
  if (day > 40) day -= 40; // D-number
  if (month > 80) month -= 80; // synthetic (Tenor)
  else if (month > 40) month -= 40; // synthetic (NAV/Dolly) or H-number
  if (day < 1 || day > 31 || month < 1 || month > 12) return "date";
  const k1 = checkDigit(digits, K1);
  const k2 = checkDigit(digits, K2);
  if (k1 === undefined || k2 === undefined || k1 !== digits[9] || k2 !== digits[10]) return "checksum";
  return undefined;
}

export function isValidNationalId(raw: string): boolean {
  return nationalIdProblem(raw) === undefined;
}

/** For screens and records: nothing of the number is left but its length (a birth date is personal data too). */
export function maskNationalId(id: string): string {
  return "*".repeat(id.length);
}
