// `cli directory import`: upserts people by e-mail in one transaction. Every bad
// row is reported with its line number and nothing changes, because a half-applied
// org chart would send nudges to the wrong leader.
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import { parseLocale } from "../../i18n/index.js";
import { isValidTimeZone } from "../../domain/time/zone.js";
import { UserError, type UserProblem } from "../errors.js";
import { DIRECTORY_COLUMNS, EMAIL_MAX, FIELD_MAX, FORBIDDEN_CHARACTERS, KNOWN_ROLES, NAME_MAX, OPTIONAL_EXTRA_COLUMNS, REQUIRED_COLUMNS, isPhoneNumber, parseRoles, restoreCell } from "./csvFormat.js";

const JURISDICTIONS = ["NO", "DK", "SE"] as const;
const emailSchema = z.email();

export interface DirectoryRow {
  line: number;
  email: string;
  name: string;
  leaderEmail: string | null;
  /** Null when the column is blank: the person has not chosen, and src/app/locale.ts decides. */
  locale: string | null;
  jurisdiction: (typeof JURISDICTIONS)[number];
  timeZone: string;
  slackUserId: string | null;
  teamsUserId: string | null;
  roles: string | null;
  /** null when the file has no phone column (the stored phone is kept). */
  phone: string | null;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  total: number;
}

export interface ImportOptions {
  defaultTimeZone: string;
}

/**
 * Comma, or the semicolon Excel writes in Norway, Sweden and Denmark (where the comma is the decimal
 * sign): whichever the header line has more of outside quotes.
 */
export function detectDelimiter(text: string): "," | ";" {
  const header = (text.replace(/^\uFEFF/, "").split(/\r?\n/).find((l) => l.trim() !== "") ?? "").replace(/"[^"]*"/g, "");
  const count = (c: string) => header.split(c).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

/** Parses and checks each row on its own; the file's shape problems throw, row problems are returned. */
export function parseDirectoryCsv(text: string, options: ImportOptions): { rows: DirectoryRow[]; problems: UserProblem[] } {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  const delimiter = detectDelimiter(text);
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: false,
    }) as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UserError("cli:directory.errors.unreadable", { detail: (error as Error).message }, [
      { line, key: "cli:directory.errors.unreadable", params: { detail: (error as Error).message } },
    ]);
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  const known = new Set<string>([...DIRECTORY_COLUMNS, ...OPTIONAL_EXTRA_COLUMNS]);
  const unknown = header.filter((h) => !known.has(h));
  if (records.length > 0 && (missing.length > 0 || unknown.length > 0)) {
    // A header like "email|name|…" names no known column: say what separates the columns.
    const odd = unknown.map((h) => /[|:\t]/.exec(h)?.[0]).find((c) => c !== undefined);
    throw new UserError("cli:directory.errors.header", { missing: missing.join(", "), unknown: unknown.join(", ") }, [
      { line: 1, key: "cli:directory.errors.header", params: { missing: missing.join(", ") || "-", unknown: unknown.join(", ") || "-" } },
      ...(odd ? [{ line: 1, key: "cli:directory.errors.separator", params: { separator: odd === "\t" ? "tab" : odd } }] : []),
    ]);
  }

  const problems: UserProblem[] = [];
  const rows: DirectoryRow[] = [];
  for (const { record: raw, info } of records) {
    const line = info.lines;
    const rowProblems: UserProblem[] = [];
    // Our own export's neutralised cells ('=…) come back as they were; then every field is
    // checked for control characters and length before anything else looks at it.
    const record: Record<string, string> = {};
    for (const [field, value] of Object.entries(raw)) {
      const restored = restoreCell(value ?? "");
      const max = field === "name" ? NAME_MAX : field === "email" || field === "leader_email" ? EMAIL_MAX : FIELD_MAX;
      if (FORBIDDEN_CHARACTERS.test(restored)) {
        rowProblems.push({ line, field, key: "access:directory.controlCharacters" });
        record[field] = "";
      } else if (restored.length > max) {
        rowProblems.push({ line, field, key: "access:directory.tooLong", params: { max, length: restored.length } });
        record[field] = "";
      } else {
        record[field] = restored;
      }
    }
    const email = (record.email ?? "").toLowerCase();
    const flagged = new Set(rowProblems.map((p) => p.field));
    if (!flagged.has("email") && !emailSchema.safeParse(email).success) rowProblems.push({ line, field: "email", key: "cli:directory.errors.badEmail", params: { value: record.email ?? "" } });
    if (!flagged.has("name") && !record.name) rowProblems.push({ line, field: "name", key: "cli:directory.errors.missingName" });
    const leaderEmail = (record.leader_email ?? "").toLowerCase() || null;
    if (leaderEmail && !emailSchema.safeParse(leaderEmail).success) {
      rowProblems.push({ line, field: "leader_email", key: "cli:directory.errors.badEmail", params: { value: record.leader_email } });
    }
    if (leaderEmail && leaderEmail === email) rowProblems.push({ line, field: "leader_email", key: "cli:directory.errors.ownLeader" });
    const localeText = record.locale ?? "";
    const locale = localeText ? parseLocale(localeText) : null;
    if (locale === undefined) rowProblems.push({ line, field: "locale", key: "cli:directory.errors.badLocale", params: { value: localeText } });
    const jurisdiction = (record.jurisdiction || "NO").toUpperCase();
    if (!(JURISDICTIONS as readonly string[]).includes(jurisdiction)) {
      rowProblems.push({ line, field: "jurisdiction", key: "cli:directory.errors.badJurisdiction", params: { value: record.jurisdiction } });
    }
    const timeZone = record.timezone || options.defaultTimeZone;
    if (!isValidTimeZone(timeZone)) rowProblems.push({ line, field: "timezone", key: "cli:directory.errors.badTimeZone", params: { value: timeZone } });
    const roles = record.roles ?? "";
    const unknownRoles = roles.split(/[;,\s]+/).filter((r) => r && !(KNOWN_ROLES as readonly string[]).includes(r.toLowerCase()));
    if (unknownRoles.length > 0) rowProblems.push({ line, field: "roles", key: "cli:directory.errors.badRole", params: { value: unknownRoles.join(", ") } });
    const phone = (record.phone ?? "").trim();
    if (phone !== "" && !isPhoneNumber(phone)) rowProblems.push({ line, field: "phone", key: "nav:directory.badPhone", params: { value: phone } });
    problems.push(...rowProblems);
    rows.push({
      line,
      email,
      name: record.name ?? "",
      leaderEmail,
      locale: locale ?? null,
      jurisdiction: jurisdiction as DirectoryRow["jurisdiction"],
      timeZone,
      slackUserId: record.slack_user_id || null,
      teamsUserId: record.teams_user_id || null,
      roles: "roles" in record ? parseRoles(roles).join(",") : null,
      phone: "phone" in record ? phone : null,
    });
  }
  duplicates(rows, (r) => r.email, "email", "cli:directory.errors.duplicateEmail", problems);
  duplicates(rows.filter((r) => r.slackUserId), (r) => r.slackUserId!, "slack_user_id", "cli:directory.errors.duplicateSlackId", problems);
  duplicates(rows.filter((r) => r.teamsUserId), (r) => r.teamsUserId!, "teams_user_id", "cli:directory.errors.duplicateTeamsId", problems);
  return { rows, problems };
}

function duplicates(rows: DirectoryRow[], key: (r: DirectoryRow) => string, field: string, messageKey: string, problems: UserProblem[]): void {
  const first = new Map<string, number>();
  for (const row of rows) {
    const k = key(row);
    const seen = first.get(k);
    if (seen !== undefined) problems.push({ line: row.line, field, key: messageKey, params: { value: k, firstLine: seen } });
    else first.set(k, row.line);
  }
}

function sortProblems(problems: UserProblem[]): UserProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** Validates against the existing directory (leaders, cycles, ids taken) and applies atomically. */
export async function importDirectory(db: Db, text: string, options: ImportOptions): Promise<ImportSummary> {
  // Every problem in one report: row checks, then checks across rows and the stored directory.
  const { rows, problems } = parseDirectoryCsv(text, options);
  const existing = await db.person.findMany({
    select: { id: true, email: true, name: true, leaderId: true, locale: true, jurisdiction: true, timeZone: true, slackUserId: true, teamsUserId: true, roles: true, phone: true },
  });
  const byEmail = new Map(existing.map((p) => [p.email, p]));
  const emailById = new Map(existing.map((p) => [p.id, p.email]));
  const rowByEmail = new Map(rows.map((r) => [r.email, r]));

  // The leader graph after the import: file rows override the stored leader.
  const leaderOf = new Map<string, string | null>();
  for (const p of existing) leaderOf.set(p.email, p.leaderId ? (emailById.get(p.leaderId) ?? null) : null);
  for (const r of rows) leaderOf.set(r.email, r.leaderEmail);

  for (const r of rows) {
    if (r.leaderEmail && !rowByEmail.has(r.leaderEmail) && !byEmail.has(r.leaderEmail)) {
      problems.push({ line: r.line, field: "leader_email", key: "cli:directory.errors.unknownLeader", params: { value: r.leaderEmail } });
    }
    for (const [field, value, column] of [
      ["slackUserId", r.slackUserId, "slack_user_id"],
      ["teamsUserId", r.teamsUserId, "teams_user_id"],
    ] as const) {
      if (!value) continue;
      const owner = existing.find((p) => p[field] === value && p.email !== r.email);
      // Taken by someone else who keeps it (not re-assigned in this same file).
      if (owner && rowByEmail.get(owner.email)?.[field] !== null && (rowByEmail.get(owner.email)?.[field] ?? owner[field]) === value) {
        problems.push({ line: r.line, field: column, key: "cli:directory.errors.idTaken", params: { value, owner: owner.email } });
      }
    }
  }
  for (const r of rows) {
    const cycle = findCycle(r.email, leaderOf);
    if (cycle) problems.push({ line: r.line, field: "leader_email", key: "cli:directory.errors.leaderCycle", params: { cycle: cycle.join(" → ") } });
  }
  if (problems.length > 0) throw new UserError("cli:directory.errors.rejected", { count: problems.length }, sortProblems(problems));

  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, total: rows.length };
  await db.$transaction(async (tx) => {
    // Two passes: people first, then leaders, so a leader may appear after their reports.
    const ids = new Map(existing.map((p) => [p.email, p.id]));
    for (const r of rows) {
      const data = {
        name: r.name,
        locale: r.locale,
        jurisdiction: r.jurisdiction,
        timeZone: r.timeZone,
        slackUserId: r.slackUserId,
        teamsUserId: r.teamsUserId,
        ...(r.roles !== null ? { roles: r.roles } : {}),
        ...(r.phone !== null ? { phone: r.phone === "" ? null : r.phone } : {}),
      };
      const before = byEmail.get(r.email);
      if (!before) {
        const created = await tx.person.create({ data: { email: r.email, ...data } });
        ids.set(r.email, created.id);
        summary.created += 1;
      } else {
        const leaderBefore = before.leaderId ? emailById.get(before.leaderId) ?? null : null;
        const same =
          before.name === data.name &&
          before.locale === data.locale &&
          before.jurisdiction === data.jurisdiction &&
          before.timeZone === data.timeZone &&
          before.slackUserId === data.slackUserId &&
          before.teamsUserId === data.teamsUserId &&
          (r.roles === null || before.roles === r.roles) &&
          (r.phone === null || (before.phone ?? "") === r.phone) &&
          leaderBefore === r.leaderEmail;
        if (same) {
          summary.unchanged += 1;
          continue;
        }
        // Release ids first so swapping Slack/Teams ids between two people cannot collide.
        await tx.person.update({ where: { id: before.id }, data: { slackUserId: null, teamsUserId: null } });
        summary.updated += 1;
      }
    }
    for (const r of rows) {
      const before = byEmail.get(r.email);
      await tx.person.update({
        where: { id: ids.get(r.email)! },
        data: {
          leaderId: r.leaderEmail ? ids.get(r.leaderEmail)! : null,
          slackUserId: r.slackUserId,
          teamsUserId: r.teamsUserId,
          ...(before ? { name: r.name, locale: r.locale, jurisdiction: r.jurisdiction, timeZone: r.timeZone, ...(r.roles !== null ? { roles: r.roles } : {}) } : {}),
        },
      });
    }
  });
  return summary;
}

/** The chain of leaders from `start` if it comes back to itself, else undefined. */
function findCycle(start: string, leaderOf: Map<string, string | null>): string[] | undefined {
  const path = [start];
  const seen = new Set([start]);
  let current = leaderOf.get(start) ?? null;
  while (current) {
    path.push(current);
    if (current === start) return path;
    if (seen.has(current)) return undefined; // a cycle elsewhere; reported on its own rows
    seen.add(current);
    current = leaderOf.get(current) ?? null;
  }
  return undefined;
}
