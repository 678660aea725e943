// The directory file format HR exchanges with us: one row per person, keyed by e-mail.
// `roles` is our optional extension (e.g. "hr" for HR admins, "arr" for the ARR team).
export const DIRECTORY_COLUMNS = [
  "email",
  "name",
  "leader_email",
  "locale",
  "jurisdiction",
  "timezone",
  "slack_user_id",
  "teams_user_id",
] as const;
export const OPTIONAL_EXTRA_COLUMNS = ["roles", "phone"] as const;

/** A work phone as NAV's contact person field takes it: digits, spaces, +, -, ( ). */
export function isPhoneNumber(text: string): boolean {
  return /^\+?[0-9 ()-]{5,20}$/.test(text.trim()) && /\d{5}/.test(text.replace(/\D/g, ""));
}
export const REQUIRED_COLUMNS = ["email", "name", "leader_email"] as const;

export const KNOWN_ROLES = ["hr", "arr"] as const;
export type Role = (typeof KNOWN_ROLES)[number];

export function parseRoles(text: string | null | undefined): Role[] {
  return (text ?? "")
    .split(/[;,\s]+/)
    .map((r) => r.trim().toLowerCase())
    .filter((r): r is Role => (KNOWN_ROLES as readonly string[]).includes(r));
}

export function hasRole(roles: string, role: Role): boolean {
  return parseRoles(roles).includes(role);
}

/** Longest name and e-mail address a directory row may carry (RFC 5321 caps an address at 254). */
export const NAME_MAX = 200;
export const EMAIL_MAX = 254;
/** Any other field (ids, locale, time zone, roles). */
export const FIELD_MAX = 200;

/**
 * Control characters (C0, DEL, C1) and the bidirectional overrides that make a name read
 * differently from what it is. None belongs in a directory field.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point (they are refused at import)
export const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection);
 * OWASP's advice is to prefix such a cell with a single quote, which the spreadsheet shows
 * as text. Export does that, import takes the quote off again, so a round-trip is stable.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
