// "Who may know" (her follow-up agreement) decides what the ARR team is told: with "only my
// leader", nothing about her absence reaches the ARR channel — no summary, no escalation, no
// line in the Monday digest, no ARR cut of her timeline — even with her consent to share the
// summary, and she is told so when she consents. Her leader and HR are told as before; a
// colleague who chose "the leader and the closest colleagues" is handled as before.
import { afterEach, describe, expect, it } from "vitest";
import type { Command } from "../../src/domain/messages/commands.js";
import type { Person } from "../../src/generated/prisma/client.js";
import { ensureWorkspace } from "../../src/app/workspaces.js";
import { buttons, runDialogue, textOf } from "../helpers/conversationDriver.js";
import { createWorld, oslo, type World } from "./helpers.js";

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

/** Her agreement, made before she was sick: who may know that she is away. */
async function agree(w: World, who: Person, whoMayKnow: "leader_only" | "leader_and_team") {
  await runDialogue(w.services.conversation, who, await w.act(who, { type: "text", text: "contact" }), { whoMayKnow, fallbackTasks: [] });
}

describe("who may know, at the ARR team", () => {
  it("with «only my leader», the consented summary and the escalation never reach the ARR channel; HR is still told", async () => {
    world = await createWorld(oslo("2026-01-05", "09:00"));
    const w = world;
    const lina = await w.person("lina");
    const hanne = await w.person("hanne", { roles: "hr" });
    const ola = await w.person("ola", { leaderId: lina.id, slackUserId: null });
    await agree(w, ola, "leader_only");
    await w.act(ola, { type: "report.submit", start: "2026-01-05", end: null, grade: 100, document: "sykmelding" });
    // She consents in chat: the reply says that her agreement still keeps the ARR team out.
    const consent = textOf(await w.act(ola, { type: "consent", granted: true }));
    expect(consent).toMatch(/only your manager may know you are away.*the ARR team gets nothing/);
    w.clock.now = oslo("2026-01-20", "10:00");
    await runDialogue(w.services.conversation, lina, await w.act(lina, { type: "plan", employeeId: ola.id }), { "measures._more": "no", needsHelpFromNav: "no", employeeContributed: "yes", sendToNav: "no", sendToGp: "no" });
    const reply = await runDialogue(w.services.conversation, ola, await w.act(ola, { type: "plan" }), { contactAsAgreed: "as_agreed", arrConsent: "yes" });
    await w.act(ola, buttons(reply).find((b) => b.command.type === "plan.review" && b.command.action === "confirm")!.command as Command);
    const workspace = await ensureWorkspace(w.tmp.db, "local", "local");
    await w.advanceTo(oslo("2026-02-05", "12:00"));

    expect(w.slack.sent.filter((s) => s.workspaceId === workspace.id)).toEqual([]);
    expect(await w.tmp.db.outbox.count({ where: { target: "arr", status: { in: ["pending", "sent"] } } })).toBe(0);
    // The employer's duty is untouched: HR hears of the overdue plan to the doctor.
    expect(w.slack.sent.filter((s) => s.personId === hanne.id && s.summary.startsWith("Overdue"))).toHaveLength(1);

    // The ARR team's cut of her timeline is refused like anyone outside the case.
    const arne = await w.person("arne", { roles: "arr" });
    expect(textOf(await w.act(arne, { type: "timeline", employeeId: ola.id }))).not.toMatch(/Ola/);
    // Nor is she among the cases the ARR member is offered to look at (not even her name).
    expect(JSON.stringify(await w.act(arne, { type: "timeline" }))).not.toMatch(new RegExp(`Ola|${ola.id}`));
    // Once she changes "who may know", her consent counts again (read afresh at every look).
    await agree(w, ola, "leader_and_team");
    expect(textOf(await w.act(arne, { type: "timeline", employeeId: ola.id }))).toMatch(/Ola/);
    expect(JSON.stringify(await w.act(arne, { type: "timeline" }))).toMatch(new RegExp(ola.id));
  });

  it("the Monday digest names the colleague who allows it, and not the one who chose «only my leader»", async () => {
    world = await createWorld(oslo("2026-01-05", "09:00"));
    const w = world;
    const lina = await w.person("lina");
    const ola = await w.person("ola", { leaderId: lina.id, slackUserId: null });
    const kari = await w.person("kari", { leaderId: lina.id, slackUserId: null });
    await agree(w, ola, "leader_only");
    await agree(w, kari, "leader_and_team");
    for (const employee of [ola, kari]) {
      await w.act(employee, { type: "report.submit", start: "2026-01-05", end: null, grade: 100, document: "sykmelding" });
      await w.act(employee, { type: "consent", granted: true });
    }
    const workspace = await ensureWorkspace(w.tmp.db, "local", "local");
    await w.advanceTo(oslo("2026-01-26", "08:00"));
    const digests = w.slack.sent.filter((s) => s.workspaceId === workspace.id && s.summary.startsWith("ARR: uka som kommer"));
    expect(digests).toHaveLength(1);
    const fields = digests[0]!.message.blocks.flatMap((b) => (b.kind === "fields" ? b.fields : []));
    expect(fields.map((f) => f.label)).toEqual(["Kari"]);
    expect(JSON.stringify(w.slack.sent.filter((s) => s.workspaceId === workspace.id))).not.toMatch(/Ola/);
  });
});
