// `cli directory import`: upserts people by e-mail. Every bad row is reported with its
// line number and nothing changes, because a half-applied org chart would send nudges to
// the wrong leader; a good file is written in short statements (see importDirectory).
import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { dialectOf, type Db } from "../../db/client.js";
import { Prisma } from "../../generated/prisma/client.js";
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
  const delimiter = detectDelimiter(text);
  const problems: UserProblem[] = [];
  const rows: DirectoryRow[] = [];
  let header: string[] | undefined;
  // Each record becomes its row as it is read (nothing keeps the parser's record objects:
  // a file of 200,000 people fits in a fraction of the memory).
  const zones = new Map<string, boolean>();
  // One copy of each repeated value (a language, a time zone, a leader's e-mail) for all rows.
  const strings = new Map<string, string>();
  const intern = <T extends string | null>(value: T): T => {
    if (value === null) return value;
    const known = strings.get(value);
    if (known !== undefined) return known as T;
    strings.set(value, value);
    return value;
  };
  const validZone = (zone: string) => {
    let valid = zones.get(zone);
    if (valid === undefined) zones.set(zone, (valid = isValidTimeZone(zone)));
    return valid;
  };
  try {
    parse(text, {
      bom: true,
      delimiter,
      columns: (names: string[]) => names.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
      on_record: (raw: Record<string, string>, info: { lines: number }) => {
        header ??= Object.keys(raw);
        const row = checkRow(raw, info.lines, options, problems, validZone);
        row.leaderEmail = intern(row.leaderEmail);
        row.locale = intern(row.locale);
        row.jurisdiction = intern(row.jurisdiction);
        row.timeZone = intern(row.timeZone);
        row.roles = intern(row.roles);
        row.phone = intern(row.phone);
        rows.push(row);
        return undefined;
      },
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UserError("cli:directory.errors.unreadable", { detail: (error as Error).message }, [
      { line, key: "cli:directory.errors.unreadable", params: { detail: (error as Error).message } },
    ]);
  }
  const columns = header ?? [];
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  const known = new Set<string>([...DIRECTORY_COLUMNS, ...OPTIONAL_EXTRA_COLUMNS]);
  const unknown = columns.filter((h) => !known.has(h));
  if (rows.length > 0 && (missing.length > 0 || unknown.length > 0)) {
    // A header like "email|name|…" names no known column: say what separates the columns.
    const odd = unknown.map((h) => /[|:\t]/.exec(h)?.[0]).find((c) => c !== undefined);
    throw new UserError("cli:directory.errors.header", { missing: missing.join(", "), unknown: unknown.join(", ") }, [
      { line: 1, key: "cli:directory.errors.header", params: { missing: missing.join(", ") || "-", unknown: unknown.join(", ") || "-" } },
      ...(odd ? [{ line: 1, key: "cli:directory.errors.separator", params: { separator: odd === "\t" ? "tab" : odd } }] : []),
    ]);
  }
  duplicates(rows, (r) => r.email, "email", "cli:directory.errors.duplicateEmail", problems);
  duplicates(rows.filter((r) => r.slackUserId), (r) => r.slackUserId!, "slack_user_id", "cli:directory.errors.duplicateSlackId", problems);
  duplicates(rows.filter((r) => r.teamsUserId), (r) => r.teamsUserId!, "teams_user_id", "cli:directory.errors.duplicateTeamsId", problems);
  return { rows, problems };
}

/** One record's checks; its problems are added to `problems`. */
function checkRow(raw: Record<string, string>, line: number, options: ImportOptions, problems: UserProblem[], validZone: (zone: string) => boolean): DirectoryRow {
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
  if (!validZone(timeZone)) rowProblems.push({ line, field: "timezone", key: "cli:directory.errors.badTimeZone", params: { value: timeZone } });
  const roles = record.roles ?? "";
  const unknownRoles = roles.split(/[;,\s]+/).filter((r) => r && !(KNOWN_ROLES as readonly string[]).includes(r.toLowerCase()));
  if (unknownRoles.length > 0) rowProblems.push({ line, field: "roles", key: "cli:directory.errors.badRole", params: { value: unknownRoles.join(", ") } });
  const phone = (record.phone ?? "").trim();
  if (phone !== "" && !isPhoneNumber(phone)) rowProblems.push({ line, field: "phone", key: "nav:directory.badPhone", params: { value: phone } });
  problems.push(...rowProblems);
  return {
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
  };
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

/** A stored person as the database has them (read a page at a time, never all at once). */
interface StoredRow {
  id: string;
  email: string;
  name: string;
  leaderId: string | null;
  locale: string | null;
  jurisdiction: string;
  timeZone: string;
  slackUserId: string | null;
  teamsUserId: string | null;
  roles: string;
  phone: string | null;
}

/**
 * What the import keeps of each stored person: what the checks and the writes need, and whether
 * the file's row says the same of them (compared as the page is read, so the names, languages …
 * of 200,000 people are not kept).
 */
interface Stored {
  id: string;
  email: string;
  leaderId: string | null;
  slackUserId: string | null;
  teamsUserId: string | null;
  /** The file has a row for them that matches what is stored in everything but the leader (compared once the leaders' e-mails are known). */
  sameAsRow: boolean;
}

/**
 * Validates against the existing directory (leaders, cycles, ids taken), then applies the
 * file. Every problem is found before anything is written, so a bad file changes nothing.
 * The writes go in statements of up to a few hundred rows, with pauses between (inSlices), so
 * a command of a running server waits a moment at most (one transaction for the whole file
 * held the database for minutes). Each step is safe to repeat: an import that stops half-way (a
 * crash, a full disk) is completed by importing the same file again.
 */
export function importDirectory(db: Db, text: string, options: ImportOptions): Promise<ImportSummary> {
  // Parsed here and applied by an async function of its own, so the file's text is not kept
  // alive (by this frame) while the rows are checked and written: 16 MB for 200,000 people.
  let parsed: ReturnType<typeof parseDirectoryCsv>;
  try {
    parsed = parseDirectoryCsv(text, options);
  } catch (error) {
    return Promise.reject(error);
  }
  return applyDirectory(db, parsed);
}

async function applyDirectory(db: Db, { rows, problems }: ReturnType<typeof parseDirectoryCsv>): Promise<ImportSummary> {
  // Every problem in one report: row checks (parsed), then checks across rows and the stored directory.
  const rowByEmail = new Map(rows.map((r) => [r.email, r]));
  const byEmail = await readStored(db, rowByEmail);
  // The e-mails of the stored people who lead someone (the leader graph names them by id).
  const leaderIds = new Set<string>();
  for (const p of byEmail.values()) if (p.leaderId) leaderIds.add(p.leaderId);
  const emailById = new Map<string, string>();
  for (const p of byEmail.values()) if (leaderIds.has(p.id)) emailById.set(p.id, p.email);
  leaderIds.clear();
  // The stored Slack and Teams ids are unique: who holds each.
  const holders = { slackUserId: new Map<string, Stored>(), teamsUserId: new Map<string, Stored>() };
  for (const p of byEmail.values()) {
    if (p.slackUserId) holders.slackUserId.set(p.slackUserId, p);
    if (p.teamsUserId) holders.teamsUserId.set(p.teamsUserId, p);
  }

  // The leader graph after the import: file rows override the stored leader.
  const leaderOf = (email: string): string | null => {
    const row = rowByEmail.get(email);
    if (row) return row.leaderEmail;
    const stored = byEmail.get(email);
    return stored?.leaderId ? (emailById.get(stored.leaderId) ?? null) : null;
  };

  for (const r of rows) {
    if (r.leaderEmail && !rowByEmail.has(r.leaderEmail) && !byEmail.has(r.leaderEmail)) {
      problems.push({ line: r.line, field: "leader_email", key: "cli:directory.errors.unknownLeader", params: { value: r.leaderEmail } });
    }
    for (const [field, value, column] of [
      ["slackUserId", r.slackUserId, "slack_user_id"],
      ["teamsUserId", r.teamsUserId, "teams_user_id"],
    ] as const) {
      if (!value) continue;
      const holder = holders[field].get(value);
      const owner = holder && holder.email !== r.email ? holder : undefined;
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
  // A new person's id once made, kept only for those who lead someone (memory: most new
  // people are nobody's leader); a stored person's is in byEmail.
  const newIds = new Map<string, string>();
  const leading = new Set<string>();
  for (const r of rows) if (r.leaderEmail) leading.add(r.leaderEmail);
  const newPersonId = personIds();
  const idOfNew = (r: DirectoryRow) => {
    const id = newPersonId();
    if (leading.has(r.email)) newIds.set(r.email, id);
    return id;
  };
  const created: DirectoryRow[] = [];
  const changed: Array<{ row: DirectoryRow; before: Stored }> = [];
  for (const r of rows) {
    const before = byEmail.get(r.email);
    if (!before) {
      created.push(r);
      summary.created += 1;
      continue;
    }
    const leaderBefore = before.leaderId ? (emailById.get(before.leaderId) ?? null) : null;
    const same = before.sameAsRow && leaderBefore === r.leaderEmail;
    // An unchanged person is not written at all (their updatedAt would make the scheduler re-plan them).
    if (same) summary.unchanged += 1;
    else {
      changed.push({ row: r, before });
      summary.updated += 1;
    }
  }

  const now = new Date();
  const leaderIdOf = (r: DirectoryRow) => (r.leaderEmail ? (newIds.get(r.leaderEmail) ?? byEmail.get(r.leaderEmail)!.id) : null);
  // SQLite: no sync to disk at each batch's commit, only at checkpoints (WAL's "normal"): a
  // batch commits in a moment, so a waiting command is not kept behind a disk flush. A power
  // cut may lose the last batches, which importing the file again brings back.
  const relaxed = dialectOf(db) === "sqlite" ? await relaxSync(db) : undefined;
  try {
    // 1. Release the Slack and Teams ids that move, so two people may swap theirs.
    const moving = changed.filter(
      ({ row, before }) => (before.slackUserId !== null && before.slackUserId !== row.slackUserId) || (before.teamsUserId !== null && before.teamsUserId !== row.teamsUserId),
    );
    await inSlices(moving, 500, async (part) => {
      await db.$executeRaw`UPDATE "Person" SET "slackUserId" = NULL, "teamsUserId" = NULL, "updatedAt" = ${now} WHERE "id" IN (${Prisma.join(part.map((c) => c.before.id))})`;
    });
    // 2. The new people, leaders before their reports (the file may have them the other way
    //    round), so each row is written once, with its leader.
    await inSlices(leadersFirst(created, rowByEmail), 70, async (part) => {
      const values = part.map(
        (r) =>
          Prisma.sql`(${idOfNew(r)}, ${r.email}, ${r.name}, ${leaderIdOf(r)}, ${r.locale}, ${r.jurisdiction}, ${r.timeZone}, ${r.slackUserId}, ${r.teamsUserId}, ${r.roles ?? ""}, ${r.phone || null}, ${now}, ${now})`,
      );
      await db.$executeRaw`INSERT INTO "Person" ("id", "email", "name", "leaderId", "locale", "jurisdiction", "timeZone", "slackUserId", "teamsUserId", "roles", "phone", "createdAt", "updatedAt") VALUES ${Prisma.join(values)}`;
    });
    // 3. The people who changed: everything the file says but the phone (as before: the
    //    phone is only written for new people), and their leader.
    await inSlices(changed, 100, async (part) => {
      const values = part.map(
        ({ row: r, before }) => Prisma.sql`(${before.id}, ${leaderIdOf(r)}, ${r.slackUserId}, ${r.teamsUserId}, ${r.name}, ${r.locale}, ${r.jurisdiction}, ${r.timeZone}, ${r.roles})`,
      );
      await db.$executeRaw`
        WITH "v" ("id", "leaderId", "slackUserId", "teamsUserId", "name", "locale", "jurisdiction", "timeZone", "roles") AS (VALUES ${Prisma.join(values)})
        UPDATE "Person" SET "leaderId" = "v"."leaderId", "slackUserId" = "v"."slackUserId", "teamsUserId" = "v"."teamsUserId", "name" = "v"."name",
          "locale" = "v"."locale", "jurisdiction" = "v"."jurisdiction", "timeZone" = "v"."timeZone", "roles" = COALESCE("v"."roles", "Person"."roles"), "updatedAt" = ${now}
        FROM "v" WHERE "Person"."id" = "v"."id"`;
    });
  } finally {
    await relaxed?.restore();
  }
  return summary;
}

/**
 * The stored directory by e-mail, read in pages (a read of 200,000 people at once costs a few
 * times their size while it is turned into objects), raw (Prisma's typed read costs several
 * times more); each person compared with the file's row as the page is read, and only what
 * the import needs kept (an e-mail the file has is kept as the file's own string, leaders'
 * ids once).
 */
async function readStored(db: Db, rowByEmail: ReadonlyMap<string, DirectoryRow>): Promise<Map<string, Stored>> {
  const stored = new Map<string, Stored>();
  const strings = new Map<string, string>();
  const once = (value: string | null) => {
    if (value === null) return null;
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
  let after = "";
  for (;;) {
    const page = await db.$queryRaw<StoredRow[]>`
      SELECT "id", "email", "name", "leaderId", "locale", "jurisdiction", "timeZone", "slackUserId", "teamsUserId", "roles", "phone"
      FROM "Person" WHERE "id" > ${after} ORDER BY "id" LIMIT ${STORED_PAGE}`;
    for (const p of page) {
      const row = rowByEmail.get(p.email);
      const sameAsRow =
        row !== undefined &&
        p.name === row.name &&
        p.locale === row.locale &&
        p.jurisdiction === row.jurisdiction &&
        p.timeZone === row.timeZone &&
        p.slackUserId === row.slackUserId &&
        p.teamsUserId === row.teamsUserId &&
        (row.roles === null || p.roles === row.roles) &&
        (row.phone === null || (p.phone ?? "") === row.phone);
      const email = row?.email ?? p.email;
      // (The file's own strings where they are the same: one copy.)
      const slackUserId = row?.slackUserId === p.slackUserId ? row.slackUserId : p.slackUserId;
      const teamsUserId = row?.teamsUserId === p.teamsUserId ? row.teamsUserId : p.teamsUserId;
      stored.set(email, { id: p.id, email, leaderId: once(p.leaderId), slackUserId, teamsUserId, sameAsRow });
    }
    if (page.length < STORED_PAGE) return stored;
    after = page[page.length - 1]!.id;
  }
}

const STORED_PAGE = 10_000;

/**
 * How long the import writes before it pauses, and the pause, in which another process's
 * waiting writer takes its turn. SQLite's busy handler retries at growing intervals (up to
 * 100 ms apart), so what lets a waiting command in soon is that half the time is a gap,
 * not the gap's length: a command waits a few tens of milliseconds, not most of a second.
 */
const WRITE_SLICE_MS = 10;
const PAUSE_MS = 10;

/** The new people ordered so that everyone comes after their leader (the file has no cycles by now). */
function leadersFirst(created: DirectoryRow[], rowByEmail: Map<string, DirectoryRow>): DirectoryRow[] {
  const isNew = new Set(created.map((r) => r.email));
  const depth = new Map<string, number>();
  const depthOf = (start: DirectoryRow): number => {
    // Walk up to the first known depth (or a leader who is not new), then fill in on the way back.
    const chain: string[] = [];
    let email: string | null = start.email;
    let base = -1;
    while (email && isNew.has(email)) {
      const known = depth.get(email);
      if (known !== undefined) {
        base = known;
        break;
      }
      chain.push(email);
      email = rowByEmail.get(email)!.leaderEmail;
    }
    for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i]!, ++base);
    return depth.get(start.email)!;
  };
  for (const r of created) depthOf(r);
  // (A stable sort: within one depth, the file's order.)
  return [...created].sort((a, b) => depth.get(a.email)! - depth.get(b.email)!);
}

/** Sets SQLite's synchronous to NORMAL on this connection until restore(). */
async function relaxSync(db: Db): Promise<{ restore(): Promise<void> }> {
  const [row] = await db.$queryRawUnsafe<Array<{ synchronous: number | bigint }>>("PRAGMA synchronous");
  const before = Number(row?.synchronous ?? 2);
  if (before <= 1) return { restore: async () => undefined };
  await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  return { restore: async () => void (await db.$executeRawUnsafe(`PRAGMA synchronous = ${before}`)) };
}

/**
 * Writes `items` in statements of `size` rows, each atomic on its own (no transaction around
 * them: a transaction of 500 rows held the database for tens of milliseconds and ran every
 * statement through Prisma), pausing after each WRITE_SLICE_MS of writing.
 */
async function inSlices<T>(items: readonly T[], size: number, write: (part: T[]) => Promise<void>): Promise<void> {
  let sliceStart = performance.now();
  for (const part of chunks(items, size)) {
    await write(part);
    if (performance.now() - sliceStart >= WRITE_SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      sliceStart = performance.now();
    }
  }
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Ids for new people, made here because the rows are written in raw SQL (Prisma makes a
 * cuid; any unique text will do): a random prefix per import and a counter, short, so that
 * 200,000 of them take little memory.
 */
function personIds(): () => string {
  const prefix = `c${randomBytes(9).toString("hex")}`;
  let next = 0;
  return () => `${prefix}${(next++).toString(36)}`;
}

/** The chain of leaders from `start` if it comes back to itself, else undefined. */
function findCycle(start: string, leaderOf: (email: string) => string | null): string[] | undefined {
  const path = [start];
  const seen = new Set([start]);
  let current = leaderOf(start);
  while (current) {
    path.push(current);
    if (current === start) return path;
    if (seen.has(current)) return undefined; // a cycle elsewhere; reported on its own rows
    seen.add(current);
    current = leaderOf(current);
  }
  return undefined;
}
