// Every kind of message the core produces, rendered as the Teams channel renders it
// (Action.Submit for personal chat, Action.Execute for shared conversations), must
// parse cleanly with Microsoft's Adaptive Cards parser; and what a card sends back
// must turn into the right Command, or into nothing when it is not one of ours.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../../helpers/tempDb.js";
import { buttons, promptOf, runDialogue, type Answers } from "../../helpers/conversationDriver.js";
import { ROOT } from "../../helpers/cli.js";
import { importDirectory } from "../../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../../src/app/services.js";
import { loadConfig } from "../../../src/config/env.js";
import { createLogger } from "../../../src/logging/logger.js";
import { takeInbox } from "../../../src/channels/console/delivery.js";
import { COMPLETE_LOCALES, LOCALES_DIR, SUPPORTED_LOCALES, hasKey, translator } from "../../../src/i18n/index.js";
import type { Message } from "../../../src/domain/messages/model.js";
import type { Person } from "../../../src/generated/prisma/client.js";
import { reportForm } from "../../../src/domain/messages/reportForm.js";
import { commandFromCard, renderBlocksCard, renderCard, reportFormCard, sharedViewCard, textCard } from "../../../src/channels/teams/cards.js";
import { actionsOf, cardProblems, cardText, inputsOf, type Card } from "./helpers/cards.js";

const PEOPLE = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,en,NO,Europe/Oslo,,,",
  "hanne@firma.no,Hanne HR,,nb,NO,Europe/Oslo,,,hr",
].join("\n");

const t = translator("nb");

describe("Adaptive Cards for every message the bot can send", () => {
  let db: TempDb;
  let services: Services;
  const messages: Message[] = [];
  const seenSteps: string[] = [];

  beforeAll(async () => {
    db = await createTempDb();
    await importDirectory(db.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
    const now = new Date("2026-11-23T09:00:00Z");
    services = createServices({ config: loadConfig({ DATABASE_URL: db.url }), db: db.db, logger: createLogger("silent"), clock: () => now });
    const person = (email: string) => db.db.person.findUniqueOrThrow({ where: { email } });
    const [anne, lise, hanne] = [await person("anne@firma.no"), await person("lise@firma.no"), await person("hanne@firma.no")];
    const say = async (who: Person, command: Parameters<Services["conversation"]["handle"]>[1]) => {
      const reply = await services.conversation.handle(who, command, "teams");
      messages.push(...reply);
      return reply;
    };
    const run = async (who: Person, first: Message[], answers: Answers = {}) => {
      messages.push(...(await runDialogue(services.conversation, who, first, answers, { seen: seenSteps })));
    };
    const inbox = async (who: Person) => {
      const got = await takeInbox(db.db, [who.id]);
      messages.push(...got);
      return got;
    };
    let more = 0;
    const oneMore = () => (more++ % 2 === 0 ? "yes" : "no");

    await say(anne, { type: "help" });
    await say(lise, { type: "text", text: "something the bot does not know" });
    await run(anne, await say(anne, { type: "report" }), { startDate: "2026-11-23", endDate: null, grade: "graded", gradePercent: 50, leaveType: "sykmelding" });
    await inbox(lise);
    await run(anne, await say(anne, { type: "dialogue.start", dialogueId: "contact_preferences" }));
    await run(anne, await say(anne, { type: "plan" }), { arrConsent: "yes", mainTasks: ["Kundemøter", "Telefonvakt"] });
    await inbox(lise);
    await say(lise, { type: "plan" });
    await run(lise, await say(lise, { type: "plan", employeeId: anne.id }), { "measures._more": oneMore, employeeContributed: "yes" });
    const review = await inbox(anne);
    const disagree = buttons(review).find((b) => b.command.type === "plan.review" && b.command.action === "disagree");
    await run(anne, await say(anne, disagree!.command), { comment: "Jeg ønsker færre møter." });
    await inbox(lise);
    await say(lise, { type: "plan", employeeId: anne.id });
    await run(lise, await say(lise, { type: "dialogue.start", dialogueId: "measures", employeeId: anne.id }), { "measures._more": oneMore });
    await run(lise, await say(lise, { type: "dialogue.start", dialogueId: "evaluation", employeeId: anne.id }));
    await run(lise, await say(lise, { type: "dialogue.start", dialogueId: "plan_not_needed", employeeId: anne.id }));
    await inbox(hanne);
    await inbox(anne);
    await run(anne, await say(anne, { type: "dialogue.start", dialogueId: "change_absence" }), { change: "graded", gradeFrom: "2026-11-30", gradePercent: 40 });
    await say(anne, { type: "status" });
    await say(lise, { type: "status" });
    await say(hanne, { type: "status" });
    // A cancelled dialogue and a stale click.
    const started = await say(anne, { type: "report" });
    const sessionId = promptOf(started)!.replaceKey!.slice("dialogue:".length);
    await say(anne, { type: "dialogue", sessionId, action: "cancel" });
    await say(anne, { type: "dialogue", sessionId: "no-such-session", action: "back" });
    // The scheduler's nudge to a leader: done / snooze / plan not needed on a milestone.
    const caseId = (await db.db.sickCase.findFirstOrThrow({ where: { personId: anne.id } })).id;
    messages.push({
      summary: "Frist nærmer seg",
      blocks: [
        { kind: "text", text: "Oppfølgingsplan for Anne Ansatt", style: "heading" },
        { kind: "text", text: "Fristen er mandag 21. desember 2026." },
        {
          kind: "actions",
          buttons: [
            { label: "Gjort", command: { type: "milestone", caseId, milestoneId: "no.followup_plan", action: "done" }, style: "primary" },
            { label: "Minn meg om en uke", command: { type: "milestone", caseId, milestoneId: "no.followup_plan", action: "snooze", snoozeDays: 7 } },
            { label: "Plan ikke nødvendig", command: { type: "milestone", caseId, milestoneId: "no.followup_plan", action: "open_not_needed" } },
          ],
        },
      ],
    });
  });

  afterAll(async () => db?.dispose());

  it("drove every kind of step: choices, multi-choice, text, lists, dates (with 'unknown'), numbers, info and summaries", () => {
    const kinds = new Set(messages.flatMap((m) => m.blocks.flatMap((b) => (b.kind === "input" ? [`${b.input.type}${b.input.type === "choice" && b.input.multiple ? "-multi" : ""}${b.input.type === "date" && b.input.allowUnknown ? "-unknown" : ""}${b.input.type === "text" && b.input.multiline ? "-multiline" : ""}`] : []))));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["choice", "choice-multi", "date", "date-unknown", "number", "text", "text-multiline"]));
    expect(seenSteps.length).toBeGreaterThan(60);
    expect(messages.some((m) => m.blocks.some((b) => b.kind === "actions" && b.buttons.some((x) => x.command.type === "dialogue" && x.command.action === "edit")))).toBe(true);
  });

  it("renders each of them as a card the Adaptive Cards parser accepts, for personal chat and shared conversations", () => {
    const cards: Array<{ what: string; card: Card }> = [];
    for (const message of messages) {
      cards.push({ what: message.summary, card: renderCard(message, { mode: "submit", t }) });
      cards.push({ what: message.summary, card: renderCard(message, { mode: "execute", t }) });
    }
    cards.push({ what: "all at once", card: renderBlocksCard(messages.slice(0, 6), { mode: "execute", t }) });
    cards.push({ what: "report form", card: reportFormCard({ t, mode: "submit", form: reportForm(t, "2026-11-23") }) });
    cards.push({ what: "report form (shared)", card: reportFormCard({ t, mode: "execute", form: reportForm(t, "2026-11-23") }) });
    cards.push({ what: "shared view", card: sharedViewCard({ t, name: "Anne", userId: "29:anne", view: { type: "status" } }) });
    cards.push({ what: "text", card: textCard("Linje 1\n\nLinje 3", "warning") });
    const problems = cards.map(({ what, card }) => ({ what, problems: cardProblems(card) })).filter((c) => c.problems.length > 0);
    expect(problems).toEqual([]);
    expect(cards.length).toBeGreaterThan(150);
  });

  it("keeps what the message says and what its buttons do", () => {
    for (const message of messages) {
      const card = renderCard(message, { mode: "submit", t });
      const text = cardText(card);
      for (const block of message.blocks) {
        if (block.kind === "text") for (const line of block.text.split("\n").filter((l) => l.trim())) expect(text).toContain(line);
        if (block.kind === "fields") for (const f of block.fields) expect(text).toContain(f.label);
      }
      const sent = actionsOf(card).map((a) => JSON.stringify((a.data as { jd?: unknown }).jd));
      for (const block of message.blocks) {
        if (block.kind === "actions") for (const b of block.buttons) expect(sent).toContain(JSON.stringify(b.command));
      }
      // One input per question, with only its own button sending it.
      const questions = message.blocks.filter((b) => b.kind === "input").length;
      expect(inputsOf(card)).toHaveLength(questions);
      for (const action of actionsOf(card)) {
        const data = action.data as Record<string, unknown>;
        expect(action.type).toBe("Action.Submit");
        expect(action.associatedInputs).toBe(data.jdInput ? "auto" : "none");
      }
      // Teams hides buttons beyond six in a row.
      for (const set of card.body as Array<{ type: string; actions?: unknown[] }>) if (set.type === "ActionSet") expect(set.actions!.length).toBeLessThanOrEqual(5);
    }
  });
});

describe("what a card sends back", () => {
  it("turns an input's value into the dialogue's answer type", () => {
    const base = { type: "dialogue", sessionId: "s1", action: "answer", stepId: "contactChannel" };
    expect(commandFromCard({ jd: base, jdInput: "in0", jdKind: "multi", in0: "phone,email" })).toEqual({ kind: "command", command: { ...base, answer: ["phone", "email"] } });
    expect(commandFromCard({ jd: base, jdInput: "in0", jdKind: "number", in0: "50" })).toEqual({ kind: "command", command: { ...base, answer: 50 } });
    expect(commandFromCard({ jd: base, jdInput: "in0", jdKind: "text", in0: "Kundemøter\nTelefon" })).toEqual({ kind: "command", command: { ...base, answer: "Kundemøter\nTelefon" } });
    expect(commandFromCard({ jd: base, jdInput: "in0", jdKind: "date" })).toEqual({ kind: "command", command: { ...base, answer: "" } });
    expect(commandFromCard({ jd: { ...base, answer: null } })).toEqual({ kind: "command", command: { ...base, answer: null } });
  });

  it("turns the report form into report.submit, an empty end meaning 'not known yet'", () => {
    expect(commandFromCard({ jdForm: "report", start: "2026-11-23", end: "", grade: "60", document: "egenmelding" })).toEqual({
      kind: "command",
      command: { type: "report.submit", start: "2026-11-23", end: null, grade: 60, document: "egenmelding" },
    });
    expect(commandFromCard({ jdForm: "report", start: "2026-11-23", grade: "100", document: "a doctor's note" })).toEqual({ kind: "invalid" });
  });

  it("refuses anything that is not one of our commands", () => {
    expect(commandFromCard(undefined)).toEqual({ kind: "invalid" });
    expect(commandFromCard("status")).toEqual({ kind: "invalid" });
    expect(commandFromCard({ jd: { type: "drop table" } })).toEqual({ kind: "invalid" });
    expect(commandFromCard({ jd: { type: "dialogue", sessionId: 5, action: "answer" } })).toEqual({ kind: "invalid" });
    expect(commandFromCard({ jd: { type: "milestone", caseId: "c", milestoneId: "m", action: "delete" } })).toEqual({ kind: "invalid" });
    expect(commandFromCard({ jdView: { type: "status" } })).toEqual({ kind: "view", command: { type: "status" } });
  });
});

describe("Teams locale files", () => {
  const flat = (json: unknown, prefix = ""): string[] =>
    Object.entries(json as Record<string, unknown>).flatMap(([k, v]) => (v !== null && typeof v === "object" && !Array.isArray(v) ? flat(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
  const keys = (locale: string) => flat(JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, "teams.json"), "utf8")));

  it("nb and en hold the same keys; nn, sv and da nothing that nb lacks, and their own welcome", () => {
    const nb = keys("nb");
    expect(keys("en").sort()).toEqual([...nb].sort());
    for (const locale of SUPPORTED_LOCALES) {
      expect(keys(locale).filter((k) => !nb.includes(k))).toEqual([]);
      expect(hasKey(locale, "teams:welcome")).toBe(true);
    }
  });

  it("has every teams: key the Teams code uses", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.(ts|js)$/.test(e.name) ? [path.join(dir, e.name)] : []));
    const used = new Set<string>();
    // Teams' texts are also used by the app facade (the unreachable notice) and the one report form.
    for (const file of [...files(path.join(ROOT, "src/channels/teams")), ...files(path.join(ROOT, "src/app/facade")), path.join(ROOT, "src/domain/messages/reportForm.ts"), path.join(ROOT, "src/cli/commands/teams.ts")]) {
      for (const match of readFileSync(file, "utf8").matchAll(/["'`](teams:[a-zA-Z.]+)["'`]/g)) used.add(match[1]!);
    }
    for (const reason of ["roster", "blocked", "other"]) used.add(`teams:unreachable.${reason}`);
    expect(used.size).toBeGreaterThan(25);
    for (const locale of COMPLETE_LOCALES) {
      expect([...used].filter((key) => !hasKey(locale, key)), locale).toEqual([]);
    }
  });
});

describe("the Bot Framework SDK boundary", () => {
  it("imports botbuilder (and its connector) only inside src/channels/teams/", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === "generated" ? [] : files(path.join(dir, e.name))) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
    const teamsDir = path.join(ROOT, "src/channels/teams") + path.sep;
    const all = files(path.join(ROOT, "src"));
    const importing = all.filter((file) => /from\s+["'](botbuilder|botframework-[a-z-]+)["']|import\(["'](botbuilder|botframework-)/.test(readFileSync(file, "utf8")));
    expect(importing.length).toBeGreaterThan(3);
    expect(importing.filter((file) => !file.startsWith(teamsDir))).toEqual([]);
  });
});
