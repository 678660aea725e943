// What a person types instead of clicking, in every channel (the core reads it the
// same way): a button's label presses that button, a choice is found forgivingly,
// and the console names every button it shows so each can be pressed.
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../helpers/tempDb.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../src/app/services.js";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import type { Person } from "../../src/generated/prisma/client.js";
import type { Message } from "../../src/domain/messages/model.js";
import { renderConsoleReply } from "../../src/channels/console/render.js";
import { runConsoleChat } from "../../src/channels/console/chat.js";
import { translator } from "../../src/i18n/index.js";
import { promptOf, textOf } from "../helpers/conversationDriver.js";

const PEOPLE = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,nb,NO,Europe/Oslo,,,",
].join("\n");

describe("typed answers", () => {
  let db: TempDb;
  let services: Services;
  let anne: Person;
  const say = (text: string) => services.facade.handle(anne, { type: "text", text }, "console");
  const activeState = async () => (await db.db.dialogueSession.findFirstOrThrow({ where: { personId: anne.id, status: "active" } })).state;

  beforeEach(async () => {
    db = await createTempDb();
    await importDirectory(db.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
    services = createServices({ config: loadConfig({ DATABASE_URL: db.url }), db: db.db, logger: createLogger("silent"), clock: () => new Date("2026-11-23T09:00:00Z") });
    anne = await db.db.person.findUniqueOrThrow({ where: { email: "anne@firma.no" } });
  });
  afterEach(async () => db.dispose());

  it("presses the button whose label is typed (“hopp over”) instead of storing the words as the answer", async () => {
    await say("kontakt");
    await say("ok"); // past the introduction
    await say("1"); // channels
    const atNote = await say("1"); // times → the optional note
    expect(JSON.stringify(atNote)).toMatch(/"label":"Hopp over"/);
    const next = await say("hopp over");
    expect(await activeState()).not.toMatch(/hopp over/i);
    // The next question is shown, not the note again.
    expect(promptOf(next)?.summary).not.toBe(promptOf(atNote)?.summary);
    expect(textOf(next)).not.toMatch(/finner ikke|not understood/i);
  });

  it("finds the option a person names loosely (“forlenget”) once they have reported", async () => {
    await services.facade.handle(anne, { type: "report.submit", start: "2026-11-20", end: "2026-11-27", grade: 100, document: "sykmelding" }, "console");
    await say("endre");
    const asked = await say("forlenget");
    expect(textOf(asked)).toMatch(/ny forventet siste dag/i);
  });
});

describe("the console shows every button", () => {
  const t = translator("nb");
  const many: Message = {
    summary: "Oppsummering",
    blocks: [{ kind: "actions", buttons: Array.from({ length: 30 }, (_, i) => ({ label: `Endre ${i + 1}`, command: { type: "dialogue", sessionId: "s", action: "edit", stepId: `step${i + 1}` } as const })) }],
  };

  it("names more than 26 buttons (a … z, aa …) and never shows [?]", () => {
    const rendered = renderConsoleReply([many], t);
    expect(rendered.text).not.toContain("[?]");
    expect(rendered.buttons.size).toBe(30);
    expect(rendered.buttons.get("z")?.label).toBe("Endre 26");
    expect(rendered.buttons.get("ad")?.label).toBe("Endre 30");
  });

  it("presses the 28th button when its name is typed", async () => {
    const db = await createTempDb();
    try {
      await importDirectory(db.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
      const services = createServices({ config: loadConfig({ DATABASE_URL: db.url }), db: db.db, logger: createLogger("silent"), clock: () => new Date("2026-11-23T09:00:00Z") });
      const anne = await db.db.person.findUniqueOrThrow({ where: { email: "anne@firma.no" } });
      // The summary of a long dialogue: put 30 change buttons in Anne's inbox, then press "ab".
      await db.db.consoleInbox.create({ data: { personId: anne.id, message: JSON.stringify({ ...many, blocks: [{ kind: "actions", buttons: many.blocks[0]!.kind === "actions" ? many.blocks[0]!.buttons.map((b, i) => ({ ...b, command: i === 27 ? { type: "status" } : b.command })) : [] }] }) } });
      const input = new PassThrough();
      const output = new PassThrough();
      let written = "";
      output.on("data", (chunk: Buffer) => (written += chunk.toString()));
      const done = runConsoleChat({ facade: services.facade, person: anne, locale: "nb", input, output });
      input.end("ab\n");
      await done;
      expect(written).toContain("[ab] Endre 28");
      expect(written).toMatch(/Status for Anne Ansatt/);
    } finally {
      await db.dispose();
    }
  });
});
