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
