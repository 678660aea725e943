// A substitute leader while the leader is away: set from the CLI (`directory substitute`)
// or by the leader in chat ("vikar kari@firma.no til 2026-12-24"). The planner sends the
// leader's nudges to whoever covers on the day; changing cover re-plans the team.
import type { Message } from "../../domain/messages/model.js";
import { parseSubstituteText, type SubstituteVocabulary } from "../../domain/reminders/index.js";
import type { IsoDate } from "../../domain/time/localDate.js";
import { loadResources, SUPPORTED_LOCALES, formatDate } from "../../i18n/index.js";
import type { LeaderSubstitution, Person } from "../../generated/prisma/client.js";
import type { Db } from "../../db/client.js";
import type { AppContext } from "../context.js";
import { enqueue } from "../notify/outbox.js";
import { findPersonByEmail, isHrAdmin } from "../people.js";
import { currentCase, readCases } from "../cases.js";
import type { Turn } from "../conversation/conversation.js";
import type { KindPayload } from "../notify/kinds/index.js";

let vocabulary: SubstituteVocabulary | undefined;

/** The substitute words of every language, from the locale files (reminders:substitute.*). */
export function substituteVocabulary(): SubstituteVocabulary {
  if (vocabulary) return vocabulary;
  const resources = loadResources();
  const sets = { keywords: new Set<string>(), until: new Set<string>(), end: new Set<string>() };
  for (const locale of SUPPORTED_LOCALES) {
    const words = (resources[locale]?.reminders?.substitute ?? {}) as Partial<Record<keyof typeof sets, string[]>>;
    for (const kind of ["keywords", "until", "end"] as const) for (const w of words[kind] ?? []) sets[kind].add(w.toLowerCase());
  }
  vocabulary = sets;
  return sets;
}

export type SubstituteProblem = "self" | "teamMember" | "hasOpenCase" | "notLeaderOrHr";

/**
 * Why `candidate` may not cover for `leader`, or null when they may. A substitute sees the
 * team's sick cases and gets their nudges, so it must be a leader or HR, never one of the
 * leader's own team (they would read their colleagues' cases), and never someone who is on
 * sick leave themselves. Chat and `cli directory substitute` both ask here.
 */
export async function substituteProblem(db: Db, leader: Person, candidate: Person, today: IsoDate, now: Date): Promise<SubstituteProblem | null> {
  if (candidate.id === leader.id) return "self";
  if (candidate.leaderId === leader.id) return "teamMember";
  const current = currentCase(await readCases(db, candidate, today, now));
  if (current?.row.open) return "hasOpenCase";
  const leads = await db.person.count({ where: { leaderId: candidate.id } });
  if (leads === 0 && !isHrAdmin(candidate)) return "notLeaderOrHr";
  return null;
}

/**
 * Names `substitute` as cover for `leader` from `from` (until `until`, inclusive, or open).
 * An active arrangement with the same person is extended instead of duplicated.
 */
export async function setSubstitute(db: Db, leader: Person, substitute: Person, from: IsoDate, until: IsoDate | null): Promise<LeaderSubstitution> {
  const current = await db.leaderSubstitution.findFirst({
    where: { leaderId: leader.id, substituteId: substitute.id, endedAt: null, fromDate: { lte: from }, OR: [{ untilDate: null }, { untilDate: { gte: from } }] },
  });
  if (current) return db.leaderSubstitution.update({ where: { id: current.id }, data: { untilDate: until } });
  return db.leaderSubstitution.create({ data: { leaderId: leader.id, substituteId: substitute.id, fromDate: from, untilDate: until } });
}

/** Ends the leader's arrangements (all, or with one substitute); returns how many. */
export async function endSubstitutes(db: Db, leader: Person, now: Date, substituteId?: string): Promise<number> {
  const ended = await db.leaderSubstitution.updateMany({
    where: { leaderId: leader.id, endedAt: null, ...(substituteId ? { substituteId } : {}) },
    data: { endedAt: now },
  });
  return ended.count;
}

/**
 * Tells the substitute (through the outbox) and marks the leader's team for re-planning;
 * without `caseChanged` the scheduler's change scan re-plans them on its next tick.
 */
export async function afterSubstituteChange(ctx: AppContext, caseChanged: ((personId: string) => Promise<void>) | undefined, leader: Person, substitution?: LeaderSubstitution): Promise<void> {
  if (substitution) {
    await enqueue(ctx.db, {
      key: `substitute:${substitution.id}:${substitution.untilDate ?? "open"}`,
      kind: "substitute_notice",
      recipientId: substitution.substituteId,
      payload: { template: "substitute_notice", params: { substitutionId: substitution.id } } satisfies KindPayload,
      dueAt: ctx.clock(),
    });
    // HR is told who was named: the substitute reads the team's sick cases meanwhile.
    const hrs = (await ctx.db.person.findMany({ where: { roles: { contains: "hr" } } })).filter((p) => isHrAdmin(p) && p.id !== substitution.substituteId);
    for (const hr of hrs) {
      await enqueue(ctx.db, {
        key: `substitute-hr:${substitution.id}:${substitution.untilDate ?? "open"}:${hr.id}`,
        kind: "substitute_hr_notice",
        recipientId: hr.id,
        payload: { template: "substitute_hr_notice", params: { substitutionId: substitution.id } } satisfies KindPayload,
        dueAt: ctx.clock(),
      });
    }
  }
  if (!caseChanged) return;
  const team = await ctx.db.person.findMany({ where: { leaderId: leader.id }, select: { id: true } });
  for (const member of team) await caseChanged(member.id);
}

function note(text: string, style: "success" | "muted" | "warning" = "success"): Message {
  return { summary: text, blocks: [{ kind: "text", text, style }] };
}

/** Handles a typed "vikar …"/"substitute …" line; undefined when the line is something else. */
export async function substituteCommand(turn: Turn, raw: string): Promise<Message[] | undefined> {
  const request = parseSubstituteText(raw, substituteVocabulary());
  if (!request) return undefined;
  const { db } = turn.ctx;
  const { t } = turn;
  if (request.kind === "usage") {
    const problem = request.problem === "email" ? t("reminders:substitute.badEmail") : request.problem === "date" ? t("reminders:substitute.badDate") : "";
    return [{ summary: t("reminders:substitute.usage"), blocks: [...(problem ? [{ kind: "text" as const, text: problem, style: "warning" as const }] : []), { kind: "text", text: t("reminders:substitute.usage") }] }];
  }
  const leads = await db.person.count({ where: { leaderId: turn.person.id } });
  if (leads === 0) return [note(t("reminders:substitute.notLeader"), "warning")];
  if (request.kind === "end") {
    const count = await endSubstitutes(db, turn.person, turn.now);
    if (count > 0) await afterSubstituteChange(turn.ctx, turn.caseChanged, turn.person);
    return [note(count > 0 ? t("reminders:substitute.ended", { count }) : t("reminders:substitute.none"), count > 0 ? "success" : "muted")];
  }
  const substitute = await findPersonByEmail(db, request.email);
  if (!substitute) return [note(t("reminders:substitute.unknown", { email: request.email }), "warning")];
  if (request.until !== null && request.until < turn.today) return [note(t("reminders:substitute.past", { date: formatDate(request.until, turn.locale) }), "warning")];
  const problem = await substituteProblem(db, turn.person, substitute, turn.today, turn.now);
  if (problem) return [note(t(`reminders:substitute.refused.${problem}`, { name: substitute.name }), "warning")];
  const row = await setSubstitute(db, turn.person, substitute, turn.today, request.until);
  await afterSubstituteChange(turn.ctx, turn.caseChanged, turn.person, row);
  const until = request.until ? formatDate(request.until, turn.locale) : t("reminders:substitute.openEnd");
  return [note(t("reminders:substitute.set", { name: substitute.name, from: formatDate(row.fromDate, turn.locale), until }))];
}
