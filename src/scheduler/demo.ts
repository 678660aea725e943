// `cli demo`: one sick-leave case from the first day to the return, played on a
// temporary database with a simulated clock, through the real conversation core,
// the real scheduler and the console channel. Weeks pass in seconds: the clock jumps
// from one due reminder to the next, and every message is printed as the person would
// see it in `cli chat`. The narration and the scripted answers are in the locale files
// (reminders:demo.*), so the demo runs in the operator's language.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import type { AnswerValue, Command } from "../domain/messages/commands.js";
import type { Button, InputBlock, Message } from "../domain/messages/model.js";
import { instantAt } from "../domain/time/zone.js";
import { formatDate, translator, type Locale, type Translate } from "../i18n/index.js";
import { loadConfig } from "../config/env.js";
import { openDatabase } from "../db/client.js";
import { createLogger } from "../logging/logger.js";
import type { Person } from "../generated/prisma/client.js";
import type { AppContext } from "../app/context.js";
import { createServices, type Services } from "../app/services.js";
import { ensureWorkspace, setWorkspaceLocale } from "../app/workspaces.js";
import { listReminders } from "../app/reminders/list.js";
import { defaultSchedulerSettings } from "../app/reminders/settings.js";
import { renderConsoleReply } from "../channels/console/render.js";
import { arrInboxOf, takeInbox } from "../channels/console/delivery.js";
import { Scheduler } from "./scheduler.js";

const ZONE = "Europe/Oslo";

export interface DemoOptions {
  locale: Locale;
  /** Receives the transcript, one line at a time. */
  write(line: string): void;
  /** Keep the temporary database (its path is in the result). */
  keep?: boolean;
}

export interface DemoResult {
  dir: string;
  /** Reminders the scheduler planned and sent during the demo. */
  reminders: { planned: number; sent: number; cancelled: number };
}

interface Cast {
  ola: Person;
  lina: Person;
  per: Person;
  hanne: Person;
  arne: Person;
}

type Answers = Record<string, AnswerValue | AnswerValue[]>;

class Stage {
  now: Date;
  private shownStamp = "";
  /** The buttons each person saw last (their inbox or their own replies). */
  private readonly seen = new Map<string, Button[]>();
  private arrInbox = "";

  constructor(
    readonly t: Translate,
    readonly locale: Locale,
    readonly write: (line: string) => void,
    readonly services: Services,
    readonly scheduler: Scheduler,
    readonly cast: Cast,
    start: Date,
  ) {
    this.now = start;
  }

  get db() {
    return this.services.ctx.db;
  }

  async init(): Promise<void> {
    this.arrInbox = arrInboxOf(await ensureWorkspace(this.db, "local", "local"));
  }

  narrate(key: string, params: Record<string, unknown> = {}): void {
    this.write("");
    for (const line of this.t(`reminders:demo.scene.${key}`, params).split("\n")) this.write(`» ${line}`);
  }

  private stamp(): void {
    const local = DateTime.fromJSDate(this.now, { zone: ZONE });
    const stamp = `${formatDate(local.toISODate()!, this.locale)}, ${local.toFormat("HH:mm")}`;
    if (stamp === this.shownStamp) return;
    this.shownStamp = stamp;
    this.write("");
    this.write(this.t("reminders:demo.clock", { stamp }));
  }

  private print(messages: Message[], indent = "    "): Button[] {
    const rendered = renderConsoleReply(messages, this.t);
    for (const line of rendered.text.split("\n")) if (line.trim() !== "") this.write(`${indent}${line}`);
    return [...rendered.buttons.values()];
  }

  /** Shows what arrived in everyone's console inbox (and the ARR channel) since last time. */
  async inboxes(): Promise<number> {
    let count = 0;
    for (const person of Object.values(this.cast) as Person[]) {
      const waiting = await takeInbox(this.db, [person.id]);
      if (waiting.length === 0) continue;
      this.stamp();
      this.write(`  ${this.t("reminders:demo.inbox", { name: person.name, count: waiting.length })}`);
      this.seen.set(person.id, this.print(waiting));
      count += waiting.length;
    }
    const arr = await takeInbox(this.db, [this.arrInbox]);
    if (arr.length > 0) {
      this.stamp();
      this.write(`  ${this.t("reminders:demo.arrInbox", { count: arr.length })}`);
      this.print(arr);
      count += arr.length;
    }
    return count;
  }

  /** Lets time pass to `target`, running the scheduler at every moment something falls due. */
  async advanceTo(date: string, time: string): Promise<void> {
    const [h, m] = time.split(":").map(Number) as [number, number];
    const target = instantAt(date, h, m, ZONE);
    for (let guard = 0; guard < 500; guard++) {
      const next = await this.db.outbox.findFirst({ where: { status: "pending", dueAt: { lte: target } }, orderBy: { dueAt: "asc" }, select: { dueAt: true } });
      if (!next) break;
      if (next.dueAt.getTime() > this.now.getTime()) this.now = next.dueAt;
      await this.scheduler.tick(this.now);
      await this.inboxes();
    }
    if (target.getTime() > this.now.getTime()) this.now = target;
    await this.scheduler.tick(this.now);
    await this.inboxes();
    this.stamp();
  }

  async handle(person: Person, command: Command, shown: string): Promise<Message[]> {
    this.stamp();
    this.write(`  ${person.name} > ${shown}`);
    const reply = await this.services.conversation.handle(person, command, "console");
    return reply;
  }

  /** A person types a line; their reply is printed, then everyone else's inbox. */
  async say(person: Person, text: string, options: { quiet?: boolean } = {}): Promise<Message[]> {
    const reply = await this.handle(person, { type: "text", text }, text);
    if (!options.quiet) this.seen.set(person.id, this.print(reply));
    await this.inboxes();
    return reply;
  }

  /** A person clicks the first button they have seen that matches. */
  async click(person: Person, match: (command: Command) => boolean, options: { quiet?: boolean } = {}): Promise<Message[]> {
    const button = (this.seen.get(person.id) ?? []).find((b) => match(b.command));
    if (!button) throw new Error(`demo script: ${person.name} has no such button`);
    const reply = await this.handle(person, button.command, `[${button.label}]`);
    if (!options.quiet) this.seen.set(person.id, this.print(reply));
    await this.inboxes();
    return reply;
  }

  /**
   * Answers a dialogue from `first` on, one compact line per question. With `stopAfter`
   * the person leaves after that many answers (the rest waits, and the scheduler reminds).
   */
  async dialogue(person: Person, first: Message[], answers: Answers, options: { stopAfter?: number } = {}): Promise<Message[]> {
    const used = new Map<string, number>();
    let reply = first;
    let answered = 0;
    for (let step = 0; step < 120; step++) {
      const prompt = reply.findLast((m) => m.replaceKey?.startsWith("dialogue:"));
      if (!prompt) break;
      const input = prompt.blocks.find((b): b is InputBlock => b.kind === "input");
      let command: Command | undefined;
      if (input) {
        if (options.stopAfter !== undefined && answered >= options.stopAfter) {
          this.write(`    ${this.t("reminders:demo.leaves", { name: person.name })}`);
          return reply;
        }
        const stepId = input.submit.type === "dialogue" ? (input.submit.stepId ?? "") : "";
        const answer = this.answerFor(input, stepId, answers, used);
        this.write(`    ? ${input.label.length > 90 ? `${input.label.slice(0, 87)}…` : input.label}  → ${this.shown(input, answer)}`);
        command = { ...input.submit, answer } as Command;
        answered += 1;
      } else {
        const next = prompt.blocks
          .flatMap((b) => (b.kind === "actions" ? b.buttons : []))
          .find((b) => b.command.type === "dialogue" && (b.command.action === "confirm" || b.command.action === "answer"));
        if (!next) break;
        command = next.command;
      }
      reply = await this.services.conversation.handle(person, command, "console");
      const done = !reply.some((m) => m.blocks.some((b) => b.kind === "input")) && !reply.some((m) => m.replaceKey?.startsWith("dialogue:") && m.blocks.some((b) => b.kind === "actions" && b.buttons.some((x) => x.command.type === "dialogue" && x.command.action === "confirm")));
      if (done) break;
    }
    // The closing messages (receipt, plan version …) as the person sees them.
    const closing = reply.filter((m) => !m.replaceKey?.startsWith("dialogue:"));
    this.seen.set(person.id, this.print(closing));
    await this.inboxes();
    return reply;
  }

  private answerFor(input: InputBlock, stepId: string, answers: Answers, used: Map<string, number>): AnswerValue {
    const scripted = answers[stepId];
    if (Array.isArray(scripted) && !(input.input.type === "choice" && input.input.multiple)) {
      const n = used.get(stepId) ?? 0;
      used.set(stepId, n + 1);
      return (scripted[Math.min(n, scripted.length - 1)] ?? null) as AnswerValue;
    }
    if (scripted !== undefined) return scripted as AnswerValue;
    const i = input.input;
    switch (i.type) {
      case "choice":
        return i.multiple ? [i.options[0]!.value] : i.options[0]!.value;
      case "date":
        return i.initial ?? i.min ?? DateTime.fromJSDate(this.now, { zone: ZONE }).toISODate()!;
      case "number":
        return i.initial ?? i.max;
      case "text":
        return this.t("reminders:demo.answers.default");
    }
  }

  private shown(input: InputBlock, answer: AnswerValue): string {
    if (input.input.type === "choice") {
      const options = input.input.options;
      const values = Array.isArray(answer) ? answer : [answer];
      return values.map((v) => options.find((o) => o.value === v)?.label ?? String(v)).join(", ");
    }
    if (answer === null) return this.t("reminders:demo.unknown");
    if (input.input.type === "date" && typeof answer === "string") return formatDate(answer, this.locale);
    // A list answer is one item per line: shown on one line here.
    return String(answer).replace(/\s*\n\s*/g, "; ");
  }

  async pendingFor(person: Person): Promise<number> {
    return this.db.outbox.count({ where: { subjectId: person.id, status: "pending" } });
  }
}

async function seed(ctx: AppContext, locale: Locale, t: Translate): Promise<Cast> {
  const person = (key: string, extra: { leaderId?: string; roles?: string } = {}) =>
    ctx.db.person.create({
      data: { email: `${key}@demo.example`, name: t(`reminders:demo.cast.${key}`), locale, timeZone: ZONE, jurisdiction: "NO", ...extra },
    });
  const lina = await person("lina");
  const per = await person("per");
  const hanne = await person("hanne", { roles: "hr" });
  // Per is "another leader": he leads Arne, so he may cover for Lina (a substitute must be a leader or HR).
  const arne = await person("arne", { roles: "arr", leaderId: per.id });
  const ola = await person("ola", { leaderId: lina.id });
  // The ARR channel (the console's local workspace) speaks the demo's language too.
  const local = await ensureWorkspace(ctx.db, "local", "local");
  await setWorkspaceLocale(ctx.db, local.id, locale);
  return { ola, lina, per, hanne, arne };
}

const is =
  (type: string, extra: (c: Command) => boolean = () => true) =>
  (c: Command): boolean =>
    c.type === type && extra(c);

/** Plays the demo; everything happens on a temporary database that is removed afterwards (unless kept). */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const t = translator(options.locale);
  const dir = mkdtempSync(path.join(tmpdir(), "jobbdialog-demo-"));
  const url = `file:${path.join(dir, "demo.db")}`;
  const opened = await openDatabase(url);
  try {
    const start = instantAt("2026-01-05", 8, 45, ZONE);
    const config = loadConfig({ DATABASE_URL: url, TZ_DEFAULT: ZONE, LOG_LEVEL: "silent" });
    // The stage moves the clock; the core and the scheduler read it through ctx.clock.
    let stage: Stage | undefined;
    const ctx: AppContext = { config, db: opened.db, logger: createLogger("silent"), clock: () => stage?.now ?? start };
    const services = createServices(ctx, { settings: defaultSchedulerSettings(ZONE) });
    const { scheduler } = services;
    const cast = await seed(ctx, options.locale, t);
    stage = new Stage(t, options.locale, options.write, services, scheduler, cast, start);
    await stage.init();
    const { ola, lina, per, hanne } = cast;
    const a = (key: string) => t(`reminders:demo.answers.${key}`);

    options.write(t("reminders:demo.title"));
    options.write(t("reminders:demo.castLine", { ola: ola.name, lina: lina.name, per: per.name, hanne: hanne.name, arne: cast.arne.name }));
    await scheduler.tick(stage.now);

    stage.narrate("report");
    let reply = await stage.say(ola, t("reminders:demo.typed.report"), { quiet: true });
    await stage.dialogue(ola, reply, { endDate: null, grade: "full", leaveType: "sykmelding" });

    stage.narrate("wait");
    await stage.advanceTo("2026-01-23", "08:00");
    stage.narrate("nudged");
    reply = await stage.click(lina, is("plan"), { quiet: true });
    await stage.dialogue(lina, reply, {
      typicalWorkday: a("typicalWorkday"),
      tasksPossible: a("tasksPossible"),
      tasksMoved: a("tasksMoved"),
      triedBefore: "no",
      plannedFacilitation: a("plannedFacilitation"),
      otherFacilitationOptions: a("otherOptions"),
      "measures._more": ["yes", "no"],
      measureTitle: a("measureTitle"),
      measureDescription: a("measureDescription"),
      measureOwner: "leader",
      measureDueDate: "2026-02-10",
      followUp: a("followUp"),
      evaluationDate: "2026-03-02",
      needsHelpFromNav: "no",
      employeeContributed: "yes",
      sendToNav: "no",
      sendToGp: "yes",
    });

    stage.narrate("substitute");
    await stage.say(lina, t("reminders:demo.typed.substitute", { email: per.email }));

    await stage.advanceTo("2026-01-23", "10:00");
    stage.narrate("pause");
    reply = await stage.click(ola, is("plan"), { quiet: true });
    const employeeAnswers: Answers = {
      contactAsAgreed: "as_agreed",
      role: a("role"),
      positionPercent: 100,
      typicalWorkday: a("ownWorkday"),
      mainTasks: a("mainTasks"),
      otherTasks: a("otherTasks"),
      colleagueSupport: a("colleagueSupport"),
      workplaceChanges: a("workplaceChanges"),
      triedBefore: "no",
      ownSuggestions: a("ownSuggestions"),
      returnPace: "graded",
      returnGoals: a("returnGoals"),
      arrConsent: "yes",
    };
    await stage.dialogue(ola, reply, employeeAnswers, { stopAfter: 4 });

    stage.narrate("waitReminder");
    await stage.advanceTo("2026-01-27", "10:00");
    stage.narrate("resume");
    reply = await stage.click(ola, is("dialogue.start"), { quiet: true });
    await stage.dialogue(ola, reply, employeeAnswers);
    stage.narrate("confirm");
    await stage.click(ola, is("plan.review", (c) => c.type === "plan.review" && c.action === "confirm"));

    stage.narrate("away");
    await stage.advanceTo("2026-01-29", "08:00");

    stage.narrate("overdue");
    await stage.advanceTo("2026-02-04", "08:00");
    stage.narrate("settled");
    await stage.click(lina, is("milestone", (c) => c.type === "milestone" && c.milestoneId === "no.plan_to_sykmelder" && c.action === "done"));

    stage.narrate("measure");
    await stage.advanceTo("2026-02-10", "14:00");
    await stage.click(lina, is("measure", (c) => c.type === "measure" && c.action === "done"));

    await stage.advanceTo("2026-02-12", "09:00");
    stage.narrate("end", { count: await stage.pendingFor(ola) });
    reply = await stage.say(ola, t("reminders:demo.typed.change"), { quiet: true });
    await stage.dialogue(ola, reply, { change: "back_at_work", lastSickDay: "2026-02-11" });
    stage.narrate("ended", { count: await stage.pendingFor(ola) });

    await stage.advanceTo("2026-03-02", "09:00");
    stage.narrate("quiet");

    // The same case as one history, seen by the employee and (with her consent) the ARR team.
    options.write("");
    options.write(`» ${t("timeline:demo.employee", { name: ola.name })}`);
    await stage.say(ola, t("timeline:help.word"));
    options.write("");
    options.write(`» ${t("timeline:demo.arr", { name: cast.arne.name })}`);
    await stage.say(cast.arne, t("timeline:help.word"));
    await stage.click(cast.arne, is("timeline", (c) => c.type === "timeline" && c.employeeId === ola.id));

    const { rows } = await listReminders(opened.db, { limit: 0 });
    const names = new Map((Object.values(cast) as Person[]).map((p) => [p.id, p.name]));
    const reminders = rows.filter((r) => ["nudge", "escalation", "measure_due", "dialogue_reminder", "arr_summary", "arr_digest"].includes(r.kind));
    const line = (r: (typeof reminders)[number]) => {
      const due = DateTime.fromISO(r.dueAt, { zone: ZONE }).toFormat("yyyy-LL-dd HH:mm");
      const to = r.target === "arr" ? t("reminders:demo.arrChannel") : (names.get(r.recipientId ?? "") ?? "?");
      const what = r.milestoneId ? t(`milestones:${r.milestoneId}.title`) : (r.measure ?? "");
      return `  ${due}  ${t(`reminders:demo.kinds.${r.kind}`).padEnd(22)} ${to.padEnd(16)} ${what}`;
    };
    const count = (status: string) => reminders.filter((r) => r.status === status).length;
    options.write("");
    options.write(t("reminders:demo.summary"));
    for (const r of reminders.filter((x) => x.status === "sent")) options.write(line(r));
    // What was planned but became pointless, grouped (the full list: `cli demo --keep`, then `cli reminders list`).
    const cancelled = new Map<string, number>();
    for (const r of reminders.filter((x) => x.status === "cancelled")) {
      const what = `${t(`reminders:demo.kinds.${r.kind}`)}${r.milestoneId ? ` – ${t(`milestones:${r.milestoneId}.title`)}` : ""}`;
      cancelled.set(what, (cancelled.get(what) ?? 0) + 1);
    }
    options.write("");
    options.write(t("reminders:demo.cancelledHeading"));
    for (const [what, n] of cancelled) options.write(`  ${n} × ${what}`);
    options.write("");
    options.write(t("reminders:demo.done", { sent: count("sent"), cancelled: count("cancelled") }));
    return { dir, reminders: { planned: reminders.length, sent: count("sent"), cancelled: count("cancelled") } };
  } finally {
    await opened.close();
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}
