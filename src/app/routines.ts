// The team's agreed routine (seed 002): the leader (or HR for a leader's team) writes it once
// in the team_routine dialogue, the questions of contact_preferences asked about the team; it
// is offered to every member of the team (the people whose leader she is in the directory),
// who accepts it as-is or adjusts it, and either way it becomes her own contact preferences,
// the agreement the leader's notice shows when she reports sick. Once a year she is asked
// whether it still fits (the planner's routine_reminder).
import { z } from "zod";
import type { Db } from "../db/client.js";
import type { Person, TeamRoutine } from "../generated/prisma/client.js";
import { agreementFromSnapshots, agreementLines, type Agreement } from "../domain/agreement/index.js";
import { contactPreferences } from "../domain/dialogue/definitions/contactPreferences.js";
import { PERSONAL_STEPS } from "../domain/dialogue/definitions/teamRoutine.js";
import { startSession } from "../domain/dialogue/engine.js";
import { isAnswerable } from "../domain/dialogue/answers.js";
import type { SessionState } from "../domain/dialogue/state.js";
import { snapshotAnswers } from "../domain/dialogue/snapshot.js";
import type { Locale, Translate } from "../domain/locale.js";
import { answerValueSchema, type AnswerValue, type Command } from "../domain/messages/commands.js";
import type { Message } from "../domain/messages/model.js";
import type { AnswerSnapshot } from "../domain/plan/snapshot.js";
import { answerSnapshotSchema } from "../domain/plan/snapshot.js";
import { actorFor, authorize, refusal } from "./access.js";
import { audit } from "./audit.js";
import { enqueue } from "./notify/outbox.js";
import type { KindPayload } from "./notify/kinds/index.js";
import { isHrAdmin } from "./people.js";
import { UserError } from "./errors.js";

export interface RoutineView {
  t: Translate;
  locale: Locale;
  today: string;
}

/** Top-level steps of contact_preferences that a routine may answer (her own list is hers). */
const ROUTINE_STEPS = new Set(contactPreferences.steps.filter((s) => isAnswerable(s) && !PERSONAL_STEPS.includes(s.id)).map((s) => s.id));

const answersSchema = z.record(z.string(), answerValueSchema);

/** The routine's answers, keyed by contact_preferences step id (only steps it may answer). */
export function routineAnswers(json: string): Record<string, AnswerValue> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {};
  }
  const result = answersSchema.safeParse(parsed);
  if (!result.success) return {};
  return Object.fromEntries(Object.entries(result.data).filter(([k]) => ROUTINE_STEPS.has(k)));
}

/** A finished contact_preferences session holding these answers (what the snapshots are taken of). */
function sessionWith(answers: Record<string, AnswerValue>, today: string): SessionState {
  return { ...startSession(contactPreferences, { today }), answers, status: "completed" };
}

/** The routine's answers as a person's agreement, in the viewer's language. */
export function routineSnapshots(answers: Record<string, AnswerValue>, view: RoutineView): AnswerSnapshot[] {
  return snapshotAnswers(contactPreferences, sessionWith(answers, view.today), { t: view.t, locale: view.locale, answeredBy: "employee" });
}

export function routineAgreement(answers: Record<string, AnswerValue>, view: RoutineView): Agreement {
  return agreementFromSnapshots(routineSnapshots(answers, view));
}

/** The routine in words (the lines of the agreement, about "a member of the team"). */
export function routineLines(answers: Record<string, AnswerValue>, view: RoutineView): string[] {
  return agreementLines(view.t, view.t("routine:member"), routineAgreement(answers, view)).slice(1);
}

/** The routine of the employee's team: her leader's. */
export async function routineOfTeam(db: Db, member: Pick<Person, "leaderId">): Promise<TeamRoutine | null> {
  return member.leaderId ? db.teamRoutine.findUnique({ where: { leaderId: member.leaderId } }) : null;
}

/** The routine offered to a member: the routine, her leader's name, accept and adjust. */
export async function routineOfferMessage(db: Db, view: RoutineView, member: Person, routine: TeamRoutine): Promise<Message> {
  const leader = await db.person.findUnique({ where: { id: routine.leaderId } });
  const { t } = view;
  const heading = t("routine:offer.heading", { leader: leader?.name ?? "–" });
  const blocks: Message["blocks"] = [
    { kind: "text", text: heading, style: "heading" },
    { kind: "text", text: t("routine:offer.intro") },
    { kind: "text", text: routineLines(routineAnswers(routine.answers), view).join("\n") },
  ];
  if (member.contactPreferences) blocks.push({ kind: "text", text: t("routine:offer.replaces"), style: "muted" });
  blocks.push({
    kind: "actions",
    buttons: [
      { label: t("routine:buttons.accept"), command: { type: "routine", action: "accept", version: routine.version }, style: "primary" },
      { label: t("routine:buttons.adjust"), command: { type: "routine", action: "adjust", version: routine.version } },
    ],
  });
  return { summary: heading, blocks };
}

/**
 * Stores the routine the team_routine dialogue produced and offers it to every member. Checked
 * again here (where it is executed): only the leader herself or HR writes a team's routine.
 */
export async function saveRoutine(
  ctx: { db: Db; now: Date; view: RoutineView; caseChanged: (id: string) => Promise<void> },
  writer: Person,
  leader: Person,
  state: SessionState,
): Promise<{ routine: TeamRoutine; members: Person[] }> {
  const { db, now } = ctx;
  const relation = await authorize(db, writer, leader, "routine.write", ctx.view.today);
  await assertLeadsATeam(db, leader);
  // Text the writer kept private (flagged by the health guard) is never offered to anyone.
  const answers = Object.fromEntries(Object.entries(state.answers).filter(([k]) => ROUTINE_STEPS.has(k) && !state.privateAnswers.includes(k)));
  const json = JSON.stringify(answers);
  const existing = await db.teamRoutine.findUnique({ where: { leaderId: leader.id } });
  const routine = existing
    ? await db.teamRoutine.update({ where: { id: existing.id }, data: { answers: json, version: existing.version + 1, writtenById: writer.id } })
    : await db.teamRoutine.create({ data: { leaderId: leader.id, answers: json, writtenById: writer.id } });
  await audit(db, { actor: actorFor(writer, relation), subjectId: leader.id, action: "change", entity: "team_routine", entityId: routine.id, detail: { version: routine.version } });
  const members = await db.person.findMany({ where: { leaderId: leader.id, NOT: { id: leader.id } }, orderBy: { name: "asc" } });
  for (const member of members) {
    const offer = { routineId: routine.id, routineVersion: routine.version, offeredAt: now, answer: null, answeredAt: null };
    await db.routineResponse.upsert({ where: { personId: member.id }, create: { personId: member.id, ...offer }, update: offer });
    await enqueue(db, {
      key: `routine_offer:${routine.id}:${routine.version}:${member.id}`,
      kind: "routine_offer",
      recipientId: member.id,
      payload: { template: "routine_offer", params: { routineId: routine.id, version: routine.version } } satisfies KindPayload,
      dueAt: now,
    });
    // Her yearly reminder counts from the offer until she answers.
    await ctx.caseChanged(member.id);
  }
  return { routine, members };
}

/** Her own answers to the top-level questions (a prefill for her own dialogue). */
export function ownAnswers(contactPreferencesJson: string | null): Record<string, AnswerValue> {
  if (!contactPreferencesJson) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(contactPreferencesJson);
  } catch {
    return {};
  }
  const result = z.array(answerSnapshotSchema).safeParse(parsed);
  if (!result.success) return {};
  const top = new Set(contactPreferences.steps.filter(isAnswerable).map((s) => s.id));
  return Object.fromEntries(result.data.filter((s) => top.has(s.questionId) && !s.private).map((s) => [s.questionId, s.value]));
}

/** Records that she answered (accepted, adjusted, or said it still holds): the yearly reminder counts from now. */
export async function recordRoutineAnswer(db: Db, person: Person, answer: "accepted" | "adjusted" | "kept", now: Date): Promise<void> {
  const row = await db.routineResponse.findUnique({ where: { personId: person.id } });
  if (row) {
    await db.routineResponse.update({ where: { personId: person.id }, data: { ...(answer === "kept" ? {} : { answer }), answeredAt: now } });
    return;
  }
  // Her own agreement, with no routine offered: the yearly reminder still applies to it.
  const routine = await routineOfTeam(db, person);
  await db.routineResponse.create({ data: { personId: person.id, routineId: routine?.id ?? "", routineVersion: routine?.version ?? 0, offeredAt: now, answer: answer === "kept" ? null : answer, answeredAt: now } });
}

export type RoutineCommand = Extract<Command, { type: "routine" }>;

/** The leaders HR may write a routine for: everyone who leads someone. */
export async function leadersWithTeams(db: Db): Promise<Person[]> {
  const ids = await db.person.findMany({ where: { leaderId: { not: null } }, select: { leaderId: true }, distinct: ["leaderId"] });
  return db.person.findMany({ where: { id: { in: ids.map((r) => r.leaderId!) } }, orderBy: { name: "asc" } });
}

/** Which leader's routine a `write` is about: the named one, else the writer's own (HR without a team chooses). */
/** A routine is a team's: refused (with a word on what to do instead) for someone who leads nobody. */
export async function assertLeadsATeam(db: Db, leader: Person): Promise<void> {
  const members = await db.person.count({ where: { leaderId: leader.id, NOT: { id: leader.id } } });
  if (members === 0) throw new UserError("routine:write.noTeam", { name: leader.name });
}

export async function routineLeaderFor(db: Db, writer: Person, leaderId: string | undefined): Promise<Person | "choose"> {
  if (leaderId) {
    const leader = await db.person.findUnique({ where: { id: leaderId } });
    // The same refusal as for a leader one may not write for: nothing says whether she exists.
    if (!leader) throw refusal("routine.write");
    return leader;
  }
  const leads = (await db.person.count({ where: { leaderId: writer.id } })) > 0;
  if (!leads && isHrAdmin(writer)) return "choose";
  return writer;
}
