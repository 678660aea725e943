// A leader away: a substitute named in chat ("vikar …" / "substitute …") gets the
// leader's nudges on the days they cover; "vikar slutt" gives them back.
import { afterEach, describe, expect, it } from "vitest";
import type { Message } from "../../src/domain/messages/model.js";
import { createWorld, oslo, type World } from "./helpers.js";

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

const textOf = (messages: Message[]) => messages.flatMap((m) => m.blocks.map((b) => (b.kind === "text" ? b.text : ""))).join("\n");

describe("a substitute leader", () => {
  it("gets the nudges while the leader is away, and not after the leader is back", async () => {
    world = await createWorld(oslo("2026-01-05", "09:00"));
    const w = world;
    const lina = await w.person("lina", { locale: "nb" });
    const per = await w.person("per");
    await w.person("kari", { leaderId: per.id }); // Per leads a team of his own: he may cover
    const ola = await w.person("ola", { leaderId: lina.id, slackUserId: null });
    await w.act(ola, { type: "report.submit", start: "2026-01-05", end: null, grade: 100, document: "sykmelding" });
    await w.advanceTo(oslo("2026-01-23", "10:00"));

    // Friday 23 Jan: Lina is away next week (in Norwegian, with a Nordic date).
    const reply = await w.act(lina, { type: "text", text: "vikar per@firma.test til 30.01.2026" });
    expect(textOf(reply)).toMatch(/Per er vikar for deg fra fredag 23\. januar 2026 til fredag 30\. januar 2026/);
    const row = await w.tmp.db.leaderSubstitution.findFirstOrThrow({ where: { leaderId: lina.id } });
    expect([row.substituteId, row.fromDate, row.untilDate]).toEqual([per.id, "2026-01-23", "2026-01-30"]);
    // Today's nudge already went to Lina: it is not repeated to Per.
    const planNudges = () => w.slack.sent.filter((s) => /^(Reminder: Follow-up plan|Påminnelse: Oppfølgingsplan) for Ola/.test(s.summary)).map((s) => `${s.personId}@${s.at.toISOString()}`);
    expect(planNudges()).toEqual([`${lina.id}@2026-01-23T07:00:00.000Z`]);
    expect(w.slack.sent.filter((s) => s.personId === per.id).map((s) => s.summary)).toEqual([expect.stringContaining("Lina has named you substitute")]);

    await w.advanceTo(oslo("2026-01-29", "12:00"));
    // Back early on Thursday: "vikar slutt".
    const back = await w.act(lina, { type: "text", text: "vikar slutt" });
    expect(textOf(back)).toMatch(/Velkommen tilbake/);
    await w.advanceTo(oslo("2026-02-03", "12:00"));
    // Per on Thursday 29 (covering), Lina again from Friday 30 (she ended the cover on the 29th).
    expect(planNudges()).toEqual([
      `${lina.id}@2026-01-23T07:00:00.000Z`,
      `${per.id}@2026-01-29T07:00:00.000Z`,
      `${lina.id}@2026-01-30T07:00:00.000Z`,
      `${lina.id}@2026-02-02T07:00:00.000Z`,
    ]);
    const perNudge = w.slack.sent.find((s) => s.personId === per.id && s.summary.startsWith("Reminder"))!;
    expect(textOf([perNudge.message])).toContain("covering for Lina");
  });

  it("explains itself, and refuses what it cannot do", async () => {
    world = await createWorld(oslo("2026-01-05", "09:00"));
    const w = world;
    const lina = await w.person("lina");
    const ola = await w.person("ola", { leaderId: lina.id });
    expect(textOf(await w.act(lina, { type: "text", text: "substitute" }))).toMatch(/Write "substitute <email>"/);
    expect(textOf(await w.act(lina, { type: "text", text: "substitute nobody@firma.test" }))).toMatch(/can't find nobody@firma.test/);
    expect(textOf(await w.act(lina, { type: "text", text: "substitute lina@firma.test" }))).toMatch(/own substitute/);
    expect(textOf(await w.act(lina, { type: "text", text: "substitute ola@firma.test until 2025-12-24" }))).toMatch(/already passed/);
    expect(textOf(await w.act(ola, { type: "text", text: "substitute lina@firma.test" }))).toMatch(/no employees/);
    expect(textOf(await w.act(lina, { type: "text", text: "substitute end" }))).toMatch(/no substitute/);
    expect(await w.tmp.db.leaderSubstitution.count()).toBe(0);
  });

  it("refuses a sick employee, a member of the leader's own team, and someone who is neither leader nor HR, in chat and the CLI path alike", async () => {
    world = await createWorld(oslo("2026-01-05", "09:00"));
    const w = world;
    const lina = await w.person("lina");
    await w.person("ola", { leaderId: lina.id }); // Lina has a team
    const siri = await w.person("siri", { leaderId: lina.id }); // on Lina's team, and a leader herself
    await w.person("tor", { leaderId: siri.id });
    const per = await w.person("per"); // a leader, but on sick leave
    await w.person("kari", { leaderId: per.id });
    await w.person("nils"); // neither leader nor HR
    const hege = await w.person("hege", { roles: "hr" });
    await w.act(per, { type: "report.submit", start: "2026-01-05", end: null, grade: 100, document: "sykmelding" });
    const sent = w.slack.sent.length;

    // Before the fix each of these became a substitution that showed the team's cases.
    expect(textOf(await w.act(lina, { type: "text", text: "substitute per@firma.test" }))).toMatch(/Per is not available as a substitute/);
    expect(textOf(await w.act(lina, { type: "text", text: "substitute siri@firma.test" }))).toMatch(/Siri is on your team and can't be your substitute/);
    expect(textOf(await w.act(lina, { type: "text", text: "substitute ola@firma.test" }))).toMatch(/Ola is on your team/);
    expect(textOf(await w.act(lina, { type: "text", text: "substitute nils@firma.test" }))).toMatch(/Nils can't be a substitute: a substitute must be a leader or work in HR/);
    expect(await w.tmp.db.leaderSubstitution.count()).toBe(0);
    expect(await w.tmp.db.outbox.count({ where: { kind: { in: ["substitute_notice", "substitute_hr_notice"] } } })).toBe(0);
    // Nobody was told anything.
    expect(w.slack.sent.slice(sent).filter((s) => /substitute/i.test(s.summary))).toEqual([]);

    // HR may cover, and the other HR admins are told who was named (HR itself is the substitute here: nobody else to tell).
    const ingrid = await w.person("ingrid", { roles: "hr" });
    expect(textOf(await w.act(lina, { type: "text", text: "substitute hege@firma.test until 2026-01-16" }))).toMatch(/Hege covers for you/);
    await w.advanceTo(oslo("2026-01-05", "10:00"));
    const toHr = w.slack.sent.filter((s) => s.personId === ingrid.id && /has named Hege/.test(s.summary));
    expect(toHr).toHaveLength(1);
    expect(toHr[0]!.summary).toMatch(/Lina has named Hege \(hege@firma.test\) substitute from .* until .*16.*2026/);
    expect(w.slack.sent.filter((s) => s.personId === hege.id && /has named Hege/.test(s.summary))).toEqual([]);
  });
});
