// The channel-neutral core of the bot. Every channel (console, Slack, Teams) turns
// what a person did into a Command and calls `handle`; what comes back are Messages
// for that person, and rows in the outbox for everyone else (leaders, the ARR team).
// Nothing here knows which platform the person is on.
import type { Command } from "../../domain/messages/commands.js";
import { textMessage, type Message, type Block } from "../../domain/messages/model.js";
import type { HealthGuard } from "../../domain/guard/types.js";
import { getDialogue, type DialogueId } from "../../domain/dialogue/definitions/index.js";
import { applyCommand, currentStep, renderPrompt, startSession } from "../../domain/dialogue/engine.js";
import { buttonForTypedLabel, parseTextAnswer, labelsFromTranslators } from "../../domain/dialogue/parse.js";
import type { DialogueDefinition } from "../../domain/dialogue/schema.js";
import { problemMessage } from "../../domain/plan/validation.js";
import { SUPPORTED_LOCALES, translator, type Locale, type Translate } from "../../i18n/index.js";
import type { Person } from "../../generated/prisma/client.js";
import type { AppContext } from "../context.js";
import type { ChannelName } from "../notify/channels.js";
import { UserError } from "../errors.js";
import { isArrMember, isHrAdmin, todayFor } from "../people.js";
import { localeFor } from "../locale.js";
import { KeyedLock } from "./keyedLock.js";
import { keywordTable } from "./keywords.js";
import { ConcurrentSessionUpdate, createSession, expireStale, findActive, latestActive, saveSession, stateOf, type SessionRow } from "./sessions.js";
import { helpMessage, type HelpAudience } from "./views.js";
import { PlanProblems } from "../plans.js";
import { onDialogueCompleted, startContextFor, submitReport, type DialogueSubject } from "./completion.js";
import { statusMessage } from "./status.js";
import { hasOwnPlanToConfirm, planCommand } from "./planCommand.js";
import { consentCommand, milestoneCommand, measureCommand, reviewCommand } from "./actions.js";
import { authorize, DIALOGUE_ACTIONS } from "../access.js";
import { substituteCommand } from "../reminders/substitutes.js";
import { workspaceLanguageCommand } from "./workspaceLanguage.js";
import { navSendCommand } from "../nav/chat.js";
import { readersCommand } from "./readers.js";
import { timelineCommand } from "./timelineCommand.js";
import { routineCommand } from "./routineCommand.js";
import type { AnswerValue } from "../../domain/messages/commands.js";
import { fastTrackCommand } from "./earlyEffort.js";
import { earlyEffortOf } from "../../domain/earlyEffort/index.js";

/** Text longer than this is refused before anything else looks at it. */
export const MAX_TEXT = 4000;

export interface ConversationOptions {
  guard: HealthGuard;
  /** Called after each handled command (e.g. to deliver outbox rows at once). */
  afterCommand?: () => Promise<void>;
  /**
   * Marks a person whose case the command may have changed for re-planning (the composition
   * root passes the planner's); without it nothing is re-planned in this process.
   */
  caseChanged?: (personId: string) => Promise<void>;
}

/** One command being handled: who, when, in which language and channel. */
export interface Turn {
  ctx: AppContext;
  person: Person;
  origin: ChannelName;
  now: Date;
  today: string;
  locale: Locale;
  t: Translate;
  guard: HealthGuard;
  /** Marks a person for re-planning (see ConversationOptions.caseChanged). */
  caseChanged: (personId: string) => Promise<void>;
}

export class Conversation {
  private readonly lock = new KeyedLock();
  private readonly caseChanged: (personId: string) => Promise<void>;

  constructor(
    readonly ctx: AppContext,
    private readonly options: ConversationOptions,
  ) {
    this.caseChanged = options.caseChanged ?? (async () => undefined);
  }

  /** Handles one command from a person; messages for that person come back in order. */
  async handle(person: Person, command: Command, origin: ChannelName, localeOverride?: Locale): Promise<Message[]> {
    try {
      return await this.lock.run(person.id, async () => {
        // Re-read the person: a previous command in the queue may have changed them.
        const fresh = (await this.ctx.db.person.findUnique({ where: { id: person.id } })) ?? person;
        const now = this.ctx.clock();
        const locale = localeOverride ?? (await localeFor(this.ctx.db, fresh));
        const turn: Turn = { ctx: this.ctx, person: fresh, origin, now, today: todayFor(fresh, now), locale, t: translator(locale), guard: this.options.guard, caseChanged: this.caseChanged };
        const notices = await this.expiredNotices(turn);
        try {
          return [...notices, ...(await this.route(turn, command))];
        } catch (error) {
          return [...notices, ...errorMessages(turn, error)];
        } finally {
          await this.replan(turn, command);
        }
      });
    } finally {
      await this.options.afterCommand?.();
    }
  }

  /** Re-plans reminders for whoever the command may have changed (cheap when nothing changed). */
  private async replan(turn: Turn, command: Command): Promise<void> {
    if (!this.options.caseChanged || command.type === "help" || command.type === "status" || command.type === "plan.readers" || command.type === "timeline") return;
    const touched = new Set([turn.person.id]);
    if (command.type === "plan" && command.employeeId) touched.add(command.employeeId);
    if (command.type === "dialogue.start" && command.employeeId) touched.add(command.employeeId);
    if (command.type === "fastTrack" && command.employeeId) touched.add(command.employeeId);
    if (command.type === "dialogue") {
      const row = await turn.ctx.db.dialogueSession.findUnique({ where: { id: command.sessionId }, select: { subjectId: true } });
      if (row) touched.add(row.subjectId);
    }
    if (command.type === "milestone") {
      const c = await turn.ctx.db.sickCase.findUnique({ where: { id: command.caseId }, select: { personId: true } });
      if (c) touched.add(c.personId);
    }
    if (command.type === "plan.review" || command.type === "nav.send") {
      const p = await turn.ctx.db.plan.findUnique({ where: { id: command.planId }, select: { employeeId: true } });
      if (p) touched.add(p.employeeId);
    }
    if (command.type === "measure") {
      const m = await turn.ctx.db.measure.findUnique({ where: { id: command.measureId }, include: { plan: { select: { employeeId: true } } } });
      if (m) touched.add(m.plan.employeeId);
    }
    for (const id of touched) {
      try {
        await this.caseChanged(id);
      } catch (error) {
        turn.ctx.logger.error({ err: error }, "re-planning reminders failed");
      }
    }
  }

  private async expiredNotices(turn: Turn): Promise<Message[]> {
    const expired = await expireStale(turn.ctx.db, turn.now, turn.person.id);
    return expired.map((row) => {
      const def = getDialogue(row.dialogueId);
      const text = turn.t("bot:session.expired", { title: def ? turn.t(def.titleKey) : row.dialogueId, days: turn.ctx.config.SESSION_TTL_DAYS });
      return { summary: text, blocks: [{ kind: "text", text, style: "muted" }] } satisfies Message;
    });
  }

  private async route(turn: Turn, command: Command): Promise<Message[]> {
    switch (command.type) {
      case "help":
        return [helpMessage(turn, await helpAudience(turn))];
      case "status":
        return [await statusMessage(turn)];
      case "report":
        return this.startDialogue(turn, "report_sickness", { employee: turn.person, role: "employee" });
      case "report.submit":
        return submitReport(turn, { start: command.start, end: command.end, grade: command.grade, document: command.document });
      case "plan":
        return planCommand(turn, command.employeeId, (subject, id) => this.startDialogue(turn, id, subject));
      case "dialogue":
        return this.dialogueCommand(turn, command);
      case "milestone":
        return milestoneCommand(turn, command, (subject, id) => this.startDialogue(turn, id, subject));
      case "measure":
        return measureCommand(turn, command);
      case "plan.review":
        return reviewCommand(turn, command, (subject, id) => this.startDialogue(turn, id, subject));
      case "consent":
        return consentCommand(turn, command.granted);
      case "nav.send":
        return navSendCommand(turn, command);
      case "plan.readers":
        return readersCommand(turn, command.employeeId);
      case "timeline":
        return timelineCommand(turn, command.employeeId);
      case "routine":
        return routineCommand(turn, command, (subject, id, prefill) => this.startDialogue(turn, id, subject, prefill));
      case "fastTrack":
        return fastTrackCommand(turn, command);
      case "dialogue.start":
        return this.startNamed(turn, command.dialogueId, command.employeeId);
      case "dialogue.resume":
        return this.resume(turn);
      case "text":
        return this.text(turn, command.text);
    }
  }

  private async text(turn: Turn, raw: string): Promise<Message[]> {
    const text = raw.trim();
    if (text.length > MAX_TEXT) throw new UserError("common:errors.tooLong", { max: MAX_TEXT });
    // "vikar kari@firma.no til 2026-12-24": a leader names a substitute (src/app/reminders/substitutes.ts).
    const substitute = await substituteCommand(turn, text);
    if (substitute) return substitute;
    // "språk sv": HR sets the language of the workspace's ARR channel (workspaceLanguage.ts).
    const language = await workspaceLanguageCommand(turn, text);
    if (language) return language;
    const meaning = keywordTable().meaningOf(text);
    const active = await latestActive(turn.ctx.db, turn.person.id);
    if (meaning?.kind === "navigation" && active) {
      return this.dialogueCommand(turn, { type: "dialogue", sessionId: active.id, action: meaning.action });
    }
    if (meaning?.kind === "navigation" && meaning.action === "confirm" && (await hasOwnPlanToConfirm(turn))) {
      // «bekreft» with a plan waiting for the person's confirmation: the plan, to read and confirm (never confirmed unread).
      return this.route(turn, { type: "plan" });
    }
    if (meaning?.kind === "navigation") {
      // A dialogue word with no dialogue open is understood, not "I didn't understand «avbryt»".
      const note = turn.t(meaning.action === "cancel" ? "bot:session.nothingToCancel" : "bot:session.nothingOpen");
      return [{ summary: note, blocks: [{ kind: "text", text: note, style: "muted" }] }];
    }
    if (meaning?.kind === "command") return this.route(turn, meaning.command);
    // Registering the ARR channel is done in that channel, never in a chat with the bot.
    if (meaning?.kind === "arrChannel") return [textMessage(turn.t("bot:arrChannel.inChannel"), "muted")];
    if (!active) return [helpMessage(turn, { ...(await helpAudience(turn)), unknown: text })];
    // Anything else answers the question the person is looking at.
    const def = definitionOf(active);
    const state = stateOf(active);
    const step = currentStep(def, state);
    if (!step) return this.dialogueCommand(turn, { type: "dialogue", sessionId: active.id, action: "answer" });
    // Typing a button's label ("hopp over") presses that button rather than answering with its words.
    const shown = renderPrompt(def, state, { t: turn.t, locale: turn.locale, today: turn.today, sessionId: active.id });
    const pressed = buttonForTypedLabel(shown, text);
    if (pressed) return this.route(turn, pressed.command);
    const labels = labelsFromTranslators(SUPPORTED_LOCALES.map((l) => translator(l)));
    const parsed = parseTextAnswer(step, text, turn.locale, turn.today, labels);
    if (!parsed.ok) {
      const shown = { ...state, error: parsed.error };
      return [renderPrompt(def, shown, { t: turn.t, locale: turn.locale, today: turn.today, sessionId: active.id })];
    }
    return this.dialogueCommand(turn, { type: "dialogue", sessionId: active.id, action: "answer", answer: parsed.value }, parsed.alsoAnswers);
  }

  /** The person's open dialogue where they left it (a console session started anew shows it, so its buttons work). */
  private async resume(turn: Turn): Promise<Message[]> {
    const active = await latestActive(turn.ctx.db, turn.person.id);
    return active ? this.resumed(turn, active, definitionOf(active)) : [];
  }

  /** «We go on where you left off», and the question. */
  private resumed(turn: Turn, row: SessionRow, def: DialogueDefinition): Message[] {
    const resumed = turn.t("bot:session.resumed", { title: turn.t(def.titleKey) });
    return [{ summary: resumed, blocks: [{ kind: "text", text: resumed, style: "muted" }] }, this.prompt(turn, row, def)];
  }

  /** A button asking for a specific dialogue: about oneself, or about an employee one leads. */
  private async startNamed(turn: Turn, dialogueId: string, employeeId: string | undefined): Promise<Message[]> {
    const def = getDialogue(dialogueId);
    if (!def) throw new UserError("common:errors.unknownCommand");
    // The employee's dialogues are hers alone; the leader's are about someone one leads.
    const action = DIALOGUE_ACTIONS[def.id as DialogueId];
    const employee = !employeeId || employeeId === turn.person.id ? turn.person : await turn.ctx.db.person.findUnique({ where: { id: employeeId } });
    await authorize(turn.ctx.db, turn.person, employee, action, turn.today);
    return this.startDialogue(turn, def.id as DialogueId, { employee: employee!, role: def.audience });
  }

  /** Starts a dialogue, or resumes the person's unfinished one about the same subject. */
  async startDialogue(turn: Turn, dialogueId: DialogueId, subject: DialogueSubject, prefill?: Record<string, AnswerValue>): Promise<Message[]> {
    const def = getDialogue(dialogueId);
    if (!def) throw new UserError("common:errors.unknownCommand");
    const existing = await findActive(turn.ctx.db, turn.person.id, def.id, subject.employee.id);
    if (existing) return this.resumed(turn, existing, def);
    const start = await startContextFor(turn, def, subject);
    // `prefill`: answers to start from (a member adjusting the team's routine), over the usual ones.
    const state = startSession(def, { today: turn.today, ...start.context, ...(prefill ? { prefill: { ...start.context.prefill, ...prefill } } : {}) });
    const row = await createSession(turn.ctx.db, {
      personId: turn.person.id,
      subjectId: subject.employee.id,
      caseId: start.caseId,
      state,
      now: turn.now,
      ttlDays: turn.ctx.config.SESSION_TTL_DAYS,
    });
    return [this.prompt(turn, row, def)];
  }

  private prompt(turn: Turn, row: SessionRow, def: DialogueDefinition): Message {
    return renderPrompt(def, stateOf(row), { t: turn.t, locale: turn.locale, today: turn.today, sessionId: row.id });
  }

  /** `alsoAnswers`: the next step's answer given in the same line, applied when that step is the one the first answer leads to. */
  private async dialogueCommand(turn: Turn, command: Extract<Command, { type: "dialogue" }>, alsoAnswers?: { stepId: string; value: AnswerValue }): Promise<Message[]> {
    const { db } = turn.ctx;
    const row = await db.dialogueSession.findUnique({ where: { id: command.sessionId } });
    // Someone else's session looks exactly like a missing one: nothing leaks.
    if (!row || row.personId !== turn.person.id) throw new UserError("bot:session.notFound");
    const def = definitionOf(row);
    if (row.status === "expired") throw new UserError("bot:session.expiredUse", { title: turn.t(def.titleKey) });
    const state = stateOf(row);
    // A click on a question already answered (a double click, a duplicate delivery): show where we are.
    if (row.status !== "active" && command.action !== "restart") return [this.prompt(turn, row, def)];
    const context = { today: turn.today, guard: turn.guard, locale: turn.locale };
    const first = applyCommand(def, state, command, context);
    const result =
      alsoAnswers && first.outcome.type === "accepted" && currentStep(def, first.state)?.id === alsoAnswers.stepId
        ? applyCommand(def, first.state, { type: "dialogue", sessionId: command.sessionId, action: "answer", answer: alsoAnswers.value }, context)
        : first;
    let saved: SessionRow;
    try {
      saved = await saveSession(db, row, result.state, turn.now, turn.ctx.config.SESSION_TTL_DAYS);
    } catch (error) {
      if (!(error instanceof ConcurrentSessionUpdate)) throw error;
      const latest = await db.dialogueSession.findUniqueOrThrow({ where: { id: row.id } });
      return [this.prompt(turn, latest, def)];
    }
    if (result.outcome.type !== "completed") return [this.prompt(turn, saved, def)];
    try {
      return [this.prompt(turn, saved, def), ...(await onDialogueCompleted(turn, saved, def, result.state))];
    } catch (error) {
      // The answers could not be used (e.g. the period overlaps one already registered):
      // reopen the summary so nothing the person gave is lost, and say why.
      const reopened = await db.dialogueSession.update({ where: { id: saved.id }, data: { status: "active", state: JSON.stringify({ ...state, status: "active" }), revision: saved.revision + 1 } });
      return [...errorMessages(turn, error), this.prompt(turn, reopened, def)];
    }
  }
}

function definitionOf(row: SessionRow): DialogueDefinition {
  const def = getDialogue(row.dialogueId);
  if (!def) throw new UserError("bot:session.notFound");
  return def;
}

async function isLeader(turn: Turn): Promise<boolean> {
  return (await turn.ctx.db.person.count({ where: { leaderId: turn.person.id } })) > 0;
}

async function helpAudience(turn: Turn): Promise<HelpAudience> {
  return { isLeader: await isLeader(turn), isHr: isHrAdmin(turn.person), isArr: isArrMember(turn.person), earlyEffort: earlyEffortOf(turn.person.jurisdiction) !== undefined };
}

/** Errors a person can act on become a message in their language; anything else is logged. */
export function errorMessages(turn: Pick<Turn, "t" | "locale" | "ctx">, error: unknown): Message[] {
  const { t } = turn;
  if (error instanceof UserError) {
    const blocks: Block[] = [{ kind: "text", text: t(error.key, error.params), style: "warning" }];
    if (error.problems.length > 0) blocks.push({ kind: "text", text: error.problems.map((p) => `• ${t(p.key, p.params)}`).join("\n") });
    return [{ summary: t(error.key, error.params), blocks }];
  }
  if (error instanceof PlanProblems) {
    const lines = error.problems.map((p) => `• ${problemMessage(p, t, turn.locale)}`);
    const head = t("bot:plan.problems");
    return [{ summary: head, blocks: [{ kind: "text", text: head, style: "warning" }, { kind: "text", text: lines.join("\n") }] }];
  }
  turn.ctx.logger.error({ err: error }, "command failed");
  const text = t("common:errors.internal");
  return [{ summary: text, blocks: [{ kind: "text", text, style: "warning" }] }];
}

