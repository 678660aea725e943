// Denmark's early effort (seed 003; sygedagpengeloven § 7c/§ 7e): the leader's screening
// at the report and in week 2 (the dialogue dk_screening), and the fast-track request to
// the jobcenter it may lead to. The request is voluntary: it is stored only when the
// employee agrees (or asks herself). The rounds, the milestone and the sources are in the
// rule pack (src/domain/milestones/rules/dk.ts `earlyEffort`); who may do what is
// CASE_PERMISSIONS (earlyEffort.screen, fastTrack.offer, fastTrack.agree), checked here.
import type { Command } from "../../domain/messages/commands.js";
import type { Button, Message } from "../../domain/messages/model.js";
import type { SessionState } from "../../domain/dialogue/state.js";
import { SCREENING_INDICATORS } from "../../domain/dialogue/definitions/dkScreening.js";
import { earlyEffortOf, isLastRound, roundOn, type FastTrackStatus } from "../../domain/earlyEffort/index.js";
import type { EarlyEffortRule } from "../../domain/milestones/index.js";
import type { FastTrackRequest, Person, SickCase } from "../../generated/prisma/client.js";
import { authorize, actorFor, teamOf } from "../access.js";
import { audit } from "../audit.js";
import { UserError } from "../errors.js";
import { enqueue } from "../notify/outbox.js";
import type { KindPayload } from "../notify/kinds/index.js";
import { leadersOf } from "../people.js";
import { recordCaseFact } from "../settlement.js";
import { currentCaseRow } from "./completion.js";
import type { Turn } from "./conversation.js";
import { date } from "./views.js";
import { isUniqueViolation } from "../../db/errors.js";

type FastTrackCommand = Extract<Command, { type: "fastTrack" }>;

interface DanishCase {
  row: SickCase;
  rule: EarlyEffortRule;
  /** The request's deadline (the milestone's due date), or null when the milestone does not apply. */
  due: string | null;
}

/** The employee's current case under a law with an early effort (Denmark), or a refusal that says why not. */
export async function danishCase(turn: Turn, employee: Person): Promise<DanishCase> {
  const current = await currentCaseRow(turn, employee);
  const rule = earlyEffortOf(current?.row.jurisdiction ?? employee.jurisdiction);
  if (!rule) throw new UserError("early:errors.notDanish");
  if (!current) throw new UserError("early:errors.noCase", { name: employee.name });
  const m = current.result.milestones.find((x) => x.id === rule.milestone);
  const applies = m && m.due !== null && m.status !== "not_applicable" && m.status !== "cancelled";
  return { row: current.row, rule, due: applies ? m.due : null };
}

function note(text: string, style: "success" | "muted" | "normal" | "warning" = "normal", buttons: Button[] = []): Message {
  return { summary: text, blocks: [{ kind: "text", text, style }, ...(buttons.length > 0 ? [{ kind: "actions" as const, buttons }] : [])] };
}

/** What fast track is and by when, with the paragraph it rests on (for the leader, or the employee). */
function explanation(turn: Turn, audience: "leader" | "employee", c: DanishCase, name: string): string {
  return turn.t(`early:explain.${audience}`, { date: date(turn, c.due), name, source: c.rule.source });
}

/** The leader finished the screening: store the assessment (coded answers only) and, on "risk", offer the fast track. */
export async function screeningCompleted(turn: Turn, state: SessionState, employee: Person): Promise<Message[]> {
  const { db } = turn.ctx;
  // Checked again where it is executed: the relation may have changed since the dialogue started.
  const relation = await authorize(db, turn.person, employee, "earlyEffort.screen", turn.today);
  const c = await danishCase(turn, employee);
  const round = roundOn(c.rule, c.row.startDate, turn.today);
  const assessment = state.answers.assessment === "risk" ? "risk" : "no_risk";
  const answers = Object.fromEntries(SCREENING_INDICATORS.map((k) => [k, typeof state.answers[k] === "string" ? state.answers[k] : null]));
  await db.earlyScreening.upsert({
    where: { caseId_round: { caseId: c.row.id, round } },
    // createdAt is the (possibly simulated) time of the latest screening of the round.
    create: { caseId: c.row.id, round, assessment, answers: JSON.stringify(answers), leaderId: turn.person.id, createdAt: turn.now },
    update: { assessment, answers: JSON.stringify(answers), leaderId: turn.person.id, createdAt: turn.now },
  });
  await audit(db, { actor: actorFor(turn.person, relation), subjectId: employee.id, action: "change", entity: "case", entityId: c.row.id, detail: { op: "dk_screening", round, assessment } });
  const request = await db.fastTrackRequest.findUnique({ where: { caseId: c.row.id } });
  if (assessment === "no_risk") {
    // The last round's "no risk" decides it: no request will be made (it settles the milestone, rules/dk.ts).
    if (isLastRound(c.rule, round) && !request) await recordCaseFact(db, { caseId: c.row.id, kind: "fast_track_not_indicated", on: turn.today, source: "chat", recordedById: turn.person.id });
    return [note(turn.t(isLastRound(c.rule, round) ? "early:screening.noRiskLast" : "early:screening.noRisk", { name: employee.name }), "success")];
  }
  // A "risk" now outweighs an earlier week-2 "no risk" (a screening done again).
  await db.caseFact.deleteMany({ where: { caseId: c.row.id, kind: "fast_track_not_indicated" } });
  const lines = [turn.t("early:screening.risk", { name: employee.name })];
  if (request) return [note([...lines, statusText(turn, request, employee)].join("\n"), "success")];
  if (!c.due || c.due < turn.today) return [note([...lines, turn.t(c.due ? "early:errors.tooLate" : "early:errors.notApplicable", { date: date(turn, c.due) })].join("\n"), "success")];
  return [
    note(lines.join("\n"), "success"),
    note(explanation(turn, "leader", c, employee.name), "normal", [
      { label: turn.t("early:buttons.offer", { name: employee.name }), command: { type: "fastTrack", action: "offer", employeeId: employee.id }, style: "primary" },
    ]),
  ];
}

function statusText(turn: Turn, request: Pick<FastTrackRequest, "status">, employee: Person): string {
  return turn.t(`early:status.${request.status as FastTrackStatus}`, { name: employee.name });
}

export async function fastTrackCommand(turn: Turn, command: FastTrackCommand): Promise<Message[]> {
  switch (command.action) {
    case "explain":
      return explain(turn, command.employeeId);
    case "offer":
      return offer(turn, command.employeeId);
    case "agree":
    case "decline":
      return answer(turn, command.action, command.employeeId);
    case "submitted":
      return submitted(turn, command.employeeId);
  }
}

async function subjectOf(turn: Turn, employeeId: string | undefined): Promise<Person | null> {
  return !employeeId || employeeId === turn.person.id ? turn.person : turn.ctx.db.person.findUnique({ where: { id: employeeId } });
}

/** "hurtigt spor": what it is; for the employee with her own request's status and the button to ask. */
async function explain(turn: Turn, employeeId: string | undefined): Promise<Message[]> {
  const employee = await subjectOf(turn, employeeId);
  if (employee?.id !== turn.person.id) {
    // About someone else: the leader's view (and only the leader's), as after a screening.
    await authorize(turn.ctx.db, turn.person, employee, "fastTrack.offer", turn.today);
    const c = await danishCase(turn, employee!);
    const request = await turn.ctx.db.fastTrackRequest.findUnique({ where: { caseId: c.row.id } });
    // The screening is reachable from here too (not only from its reminder), and may be done again.
    const screen: Button = { label: turn.t("early:buttons.screen"), command: { type: "dialogue.start", dialogueId: "dk_screening", employeeId: employee!.id } };
    const offer: Button = { label: turn.t("early:buttons.offer", { name: employee!.name }), command: { type: "fastTrack", action: "offer", employeeId: employee!.id }, style: "primary" };
    return [note(explanation(turn, "leader", c, employee!.name), "normal", request ? [screen] : [offer, screen])];
  }
  const own = await currentCaseRow(turn, turn.person);
  if (!own && employeeId === undefined) {
    // A leader without a case of her own: the team's Danish cases to choose from.
    const team = [];
    for (const p of await teamOf(turn.ctx.db, turn.person, turn.today)) {
      const theirs = await currentCaseRow(turn, p);
      if (theirs && earlyEffortOf(theirs.row.jurisdiction)) team.push(p);
    }
    if (team.length > 0) {
      return [note(turn.t("early:choose"), "normal", team.slice(0, 10).map((p) => ({ label: p.name, command: { type: "fastTrack" as const, action: "explain" as const, employeeId: p.id } })))];
    }
  }
  const c = await danishCase(turn, turn.person);
  const request = await turn.ctx.db.fastTrackRequest.findUnique({ where: { caseId: c.row.id } });
  const lines = [explanation(turn, "employee", c, turn.person.name)];
  if (request) lines.push(statusText(turn, request, turn.person));
  const open = !request || request.status === "awaiting_employee" || request.status === "declined";
  const buttons: Button[] = [];
  if (open && c.due && c.due >= turn.today) {
    buttons.push({ label: turn.t("early:buttons.agree"), command: { type: "fastTrack", action: "agree" }, style: "primary" });
    if (request?.status === "awaiting_employee") buttons.push({ label: turn.t("early:buttons.decline"), command: { type: "fastTrack", action: "decline" } });
  }
  return [note(lines.join("\n"), "normal", buttons)];
}

/** The leader offers the fast track: the request waits for the employee's answer. */
async function offer(turn: Turn, employeeId: string | undefined): Promise<Message[]> {
  const { db } = turn.ctx;
  const employee = await subjectOf(turn, employeeId);
  const relation = await authorize(db, turn.person, employee, "fastTrack.offer", turn.today);
  const c = await danishCase(turn, employee!);
  const existing = await db.fastTrackRequest.findUnique({ where: { caseId: c.row.id } });
  if (existing) return [note(statusText(turn, existing, employee!), "muted")];
  if (!c.due) throw new UserError("early:errors.notApplicable");
  if (c.due < turn.today) throw new UserError("early:errors.tooLate", { date: date(turn, c.due) });
  try {
    await db.fastTrackRequest.create({ data: { caseId: c.row.id, initiatedBy: "leader", initiatedById: turn.person.id, status: "awaiting_employee", createdAt: turn.now } });
  } catch (error) {
    // Offered at the same moment by a substitute: one request per case.
    if (!isUniqueViolation(error)) throw error;
  }
  await audit(db, { actor: actorFor(turn.person, relation), subjectId: employee!.id, action: "change", entity: "case", entityId: c.row.id, detail: { op: "fast_track_offer" } });
  await enqueue(db, {
    key: `fasttrack:ask:${c.row.id}`,
    kind: "fast_track_ask",
    recipientId: employee!.id,
    payload: { template: "fast_track_ask", params: { caseId: c.row.id, leaderId: turn.person.id } } satisfies KindPayload,
    dueAt: turn.now,
    caseId: c.row.id,
  });
  return [note(turn.t("early:offer.sent", { name: employee!.name }), "success")];
}

/** Only the employee says yes or no (or asks herself). A yes after a no is her right: the no is taken back. */
async function answer(turn: Turn, action: "agree" | "decline", employeeId: string | undefined): Promise<Message[]> {
  const { db } = turn.ctx;
  const employee = await subjectOf(turn, employeeId);
  await authorize(db, turn.person, employee, "fastTrack.agree", turn.today);
  const c = await danishCase(turn, turn.person);
  const existing = await db.fastTrackRequest.findUnique({ where: { caseId: c.row.id } });
  if (existing?.status === "agreed" || existing?.status === "submitted") return [note(statusText(turn, existing, turn.person), "muted")];
  if (action === "decline") {
    if (!existing || existing.status === "declined") return [note(turn.t("early:decline.nothing"), "muted")];
    await db.fastTrackRequest.update({ where: { id: existing.id }, data: { status: "declined", declinedAt: turn.now } });
    await recordCaseFact(db, { caseId: c.row.id, kind: "fast_track_declined", on: turn.today, source: "chat", recordedById: turn.person.id });
    await tellLeaders(turn, c.row, "declined");
    return [note(turn.t("early:decline.done"), "success")];
  }
  if (!c.due) throw new UserError("early:errors.notApplicable");
  if (c.due < turn.today) throw new UserError("early:errors.tooLate", { date: date(turn, c.due) });
  if (existing) {
    await db.fastTrackRequest.update({ where: { id: existing.id }, data: { status: "agreed", agreedAt: turn.now, declinedAt: null } });
    await db.caseFact.deleteMany({ where: { caseId: c.row.id, kind: { in: ["fast_track_declined", "fast_track_not_indicated"] } } });
  } else {
    await db.fastTrackRequest.create({ data: { caseId: c.row.id, initiatedBy: "employee", initiatedById: turn.person.id, status: "agreed", agreedAt: turn.now, createdAt: turn.now } });
    // Her own request outweighs the leader's week-2 "no risk".
    await db.caseFact.deleteMany({ where: { caseId: c.row.id, kind: "fast_track_not_indicated" } });
  }
  const leaders = await tellLeaders(turn, c.row, existing ? "agreed" : "asked");
  return [note(turn.t(existing ? "early:agree.done" : "early:agree.doneOwn", { names: leaders.map((l) => l.name).join(", ") || "–", date: date(turn, c.due) }), "success")];
}

async function tellLeaders(turn: Turn, sickCase: SickCase, event: "agreed" | "declined" | "asked"): Promise<Person[]> {
  const leaders = await leadersOf(turn.ctx.db, turn.person, turn.today);
  for (const leader of leaders) {
    await enqueue(turn.ctx.db, {
      key: `fasttrack:${event}:${sickCase.id}:${turn.now.getTime()}:${leader.id}`,
      kind: "fast_track_update",
      recipientId: leader.id,
      payload: { template: "fast_track_update", params: { caseId: sickCase.id, event } } satisfies KindPayload,
      dueAt: turn.now,
      caseId: sickCase.id,
    });
  }
  return leaders;
}

/** The leader sent the agreed request to the jobcenter: the fact settles the milestone (rules/dk.ts settledBy). */
async function submitted(turn: Turn, employeeId: string | undefined): Promise<Message[]> {
  const { db } = turn.ctx;
  const employee = await subjectOf(turn, employeeId);
  const relation = await authorize(db, turn.person, employee, "fastTrack.offer", turn.today);
  const c = await danishCase(turn, employee!);
  const request = await db.fastTrackRequest.findUnique({ where: { caseId: c.row.id } });
  if (request?.status === "submitted") return [note(statusText(turn, request, employee!), "muted")];
  // Never without her agreement.
  if (request?.status !== "agreed") throw new UserError("early:errors.notAgreed", { name: employee!.name });
  await db.fastTrackRequest.update({ where: { id: request.id }, data: { status: "submitted", submittedAt: turn.now, submittedById: turn.person.id } });
  await recordCaseFact(db, { caseId: c.row.id, kind: "fast_track_requested", on: turn.today, source: "chat", recordedById: turn.person.id });
  await audit(db, { actor: actorFor(turn.person, relation), subjectId: employee!.id, action: "change", entity: "case", entityId: c.row.id, detail: { op: "fast_track_submitted" } });
  return [note(turn.t("early:submitted.done", { name: employee!.name }), "success")];
}
