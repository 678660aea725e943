// The timeline of one whole case through the real core, scheduler and database: the
// employee reports, the leader is nudged, both dialogues run, the plan is confirmed and
// shared with the ARR team, a second version is disagreed with, milestones are settled,
// a measure is done, the sick leave ends early. Then each party asks for "timeline" and
// sees what their role may see, and nothing else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, oslo, type World } from "../scheduler/helpers.js";
import { runDialogue, textOf, buttons, moreThenStop, type Answers } from "../helpers/conversationDriver.js";
import type { Person } from "../../src/generated/prisma/client.js";
import type { Message } from "../../src/domain/messages/model.js";

const EMPLOYEE: Answers = {
  contactAsAgreed: "as_agreed",
  role: "Customer adviser",
  positionPercent: 100,
  mainTasks: ["Customer meetings", "Phone duty"],
  ability: (input) => (input.input.type === "choice" ? input.input.options[1]!.value : "normal"),
  triedBefore: "yes",
  previousFacilitation: "Working from home two days a week worked well.",
  returnPace: "graded",
  arrConsent: "yes",
};

// Fresh per case: the "add another?" answer counts its calls.
const leaderAnswers = (): Answers => ({
  triedBefore: "yes",
  "measures._more": moreThenStop(1),
  measureTitle: "Home office Tuesday and Thursday",
  measureOwner: "leader",
  needsHelpFromNav: "no",
  employeeContributed: "yes",
  sendToNav: "no",
  sendToGp: "no",
});

const REASON = "We already meet every week and agree on how it goes";
const DISAGREEMENT = "I did not agree to take phone duty yet";

describe("the case timeline, seen by each party", () => {
  let w: World;
  let anne: Person, lise: Person, hanne: Person, arne: Person, stian: Person;

  // One whole case, played once; each test then looks at it as one party (read-only,
  // except the ARR test's withdrawal, which comes last).
  beforeAll(async () => {
    w = await createWorld(oslo("2026-11-02", "08:00"));
    lise = await w.person("lise");
    anne = await w.person("anne", { leaderId: lise.id });
    hanne = await w.person("hanne", { roles: "hr" });
    arne = await w.person("arne", { roles: "arr" });
    stian = await w.person("stian");
    await wholeCase();
  }, 120_000);
  afterAll(async () => w.dispose());

  /** A person acts a minute after the last thing happened, as people do. */
  const later = (minutes = 1) => {
    w.clock.now = new Date(w.clock.now.getTime() + minutes * 60_000);
  };
  const view = async (viewer: Person, employee?: Person): Promise<Message[]> => w.act(viewer, { type: "timeline", ...(employee ? { employeeId: employee.id } : {}) });

  async function wholeCase(): Promise<void> {
    await w.act(anne, { type: "report.submit", start: "2026-11-02", end: null, grade: 100, document: "sykmelding" });
    // The plan is due on day 28 (29 November); the leader is nudged 5 working days before.
    await w.advanceTo(oslo("2026-11-23", "12:00"));
    await runDialogue(w.services.conversation, anne, await w.act(anne, { type: "plan" }), EMPLOYEE);
    later(30);
    await runDialogue(w.services.conversation, lise, await w.act(lise, { type: "plan", employeeId: anne.id }), leaderAnswers());
    later(30);
    const plan = await w.tmp.db.plan.findFirstOrThrow({ where: { employeeId: anne.id } });
    await w.act(anne, { type: "plan.review", planId: plan.id, version: 1, action: "confirm" });
    await w.services.deliver();
    // The leader reads the plan, settles the milestones, adds a measure the employee disagrees with.
    later();
    await w.act(lise, { type: "plan", employeeId: anne.id });
    const sickCase = await w.tmp.db.sickCase.findFirstOrThrow({ where: { personId: anne.id } });
    later();
    await w.act(lise, { type: "milestone", caseId: sickCase.id, milestoneId: "no.followup_plan", action: "done" });
    await w.act(lise, { type: "milestone", caseId: sickCase.id, milestoneId: "no.plan_to_sykmelder", action: "done" });
    later();
    await w.act(lise, { type: "milestone", caseId: sickCase.id, milestoneId: "no.dialogmote1", action: "not_needed", reason: REASON });
    later(60);
    await runDialogue(w.services.conversation, lise, await w.act(lise, { type: "dialogue.start", dialogueId: "measures", employeeId: anne.id }), {
      "measures._more": moreThenStop(1),
      measureTitle: "Phone duty two hours a day",
      measureOwner: "employee",
    });
    later(60);
    await w.act(anne, { type: "plan.review", planId: plan.id, version: 2, action: "disagree", comment: DISAGREEMENT });
    const measure = await w.tmp.db.measure.findFirstOrThrow({ where: { planId: plan.id, key: "m1" } });
    w.clock.now = oslo("2026-11-26", "10:00");
    await w.act(lise, { type: "measure", measureId: measure.id, action: "done" });
    // Back at work earlier than feared: the case ends on 11 December.
    await runDialogue(w.services.conversation, anne, await w.act(anne, { type: "text", text: "change" }), { change: "back_at_work", lastSickDay: "2026-12-11" });
    w.clock.now = oslo("2026-12-14", "09:00");
    await view(hanne, anne); // HR looks, and the employee will see that
  }

  it("shows the employee her whole case, including who has looked, and lets her invite or stop the ARR team", async () => {
    const mine = await view(anne);
    const text = textOf(mine);
    expect(text).toMatch(/Timeline for Anne/);
    expect(text).toMatch(/Sick leave reported: from 2 Nov 2026, end unknown, 100 %/);
    expect(text).toMatch(/Sick leave changed: 2 Nov 2026 – 11 Dec 2026, 100 %/);
    expect(text).toMatch(/Reminder about “Follow-up plan[^”]*” sent to the leader/);
    expect(text).toMatch(/The employee completed/);
    expect(text).toMatch(/The leader completed/);
    expect(text).toMatch(/Version 1 of the plan put to the employee/);
    expect(text).toMatch(/The employee confirmed version 1/);
    expect(text).toMatch(/The employee disagrees with version 2/);
    expect(text).toContain(DISAGREEMENT);
    expect(text).toMatch(/Not needed: .*recorded by leader/);
    expect(text).toContain(REASON);
    expect(text).toMatch(/Measure agreed: Home office Tuesday and Thursday \(owner: Leader/);
    expect(text).toMatch(/Measure done: Home office Tuesday and Thursday/);
    expect(text).toMatch(/The employee consented to the ARR team seeing the summary/);
    expect(text).toMatch(/Summary of version 1 sent to the ARR team/);
    expect(text).toMatch(/Lise \(leader\) read the plan/);
    expect(text).toMatch(/Hanne \(HR\) looked at the timeline/);
    expect(text).toMatch(/Last sick day of the case/);
    // In order: the report comes before the confirmation, which comes before the end.
    expect(text.indexOf("Sick leave reported")).toBeLessThan(text.indexOf("confirmed version 1"));
    expect(text.indexOf("confirmed version 1")).toBeLessThan(text.indexOf("Last sick day"));
    // From her own timeline she can stop sharing with the ARR team.
    const withdraw = buttons(mine).find((b) => b.command.type === "consent" && b.command.granted === false);
    expect(withdraw).toBeDefined();
  });

  it("shows the leader the case and the free text of the case parties, but not who read the plan", async () => {
    const text = textOf(await view(lise, anne));
    expect(text).toMatch(/Reminder about “Follow-up plan/);
    expect(text).toContain(REASON);
    expect(text).toContain(DISAGREEMENT);
    expect(text).toMatch(/Measure done/);
    expect(text).not.toMatch(/\) read the plan|looked at the timeline/);
    // The leader chooses among the team, without a name.
    const chooser = await view(lise);
    expect(buttons(chooser).some((b) => b.command.type === "timeline" && b.command.employeeId === anne.id)).toBe(true);
  });

  it("shows HR everything, including who read the plan", async () => {
    const text = textOf(await view(hanne, anne));
    expect(text).toMatch(/Lise \(leader\) read the plan/);
    expect(text).toContain(REASON);
    expect(text).toMatch(/Reminder about/);
  });

  it("refuses a stranger the same way whether or not the case exists", async () => {
    const real = textOf(await view(stian, anne));
    const fake = textOf(await w.act(stian, { type: "timeline", employeeId: "no-such-person" }));
    expect(real).toBe(fake);
    expect(real).not.toMatch(/Anne/);
    // Without a name a stranger sees only their own (empty) history.
    expect(textOf(await view(stian))).toMatch(/You have no sick-leave case/);
  });

  it("shows the ARR team only the summary level while the employee consents, and nothing after she withdraws", async () => {
    const text = textOf(await view(arne, anne));
    expect(text).toMatch(/Sick leave reported/);
    expect(text).toMatch(/The employee confirmed version 1/);
    expect(text).toMatch(/Measure agreed: Home office Tuesday and Thursday/);
    expect(text).toMatch(/Summary of version 1 sent to the ARR team/);
    expect(text).toMatch(/Not needed: /);
    // Never free text, nudges, dialogues, the disagreement, or who read the plan.
    expect(text).not.toContain(REASON);
    expect(text).not.toContain(DISAGREEMENT);
    expect(text).not.toMatch(/disagrees|Reminder about|completed “|\) read the plan|looked at the timeline|version 2|Phone duty/);
    expect(text).toMatch(/The ARR team sees a summary/);

    await w.act(anne, { type: "consent", granted: false });
    const after = textOf(await view(arne, anne));
    expect(after).toMatch(/have access/);
    expect(after).not.toMatch(/Anne/);
  });

});

describe("the timeline command", () => {
  it("is reached by the typed word in every language", async () => {
    const w = await createWorld(oslo("2026-11-02", "08:00"));
    const anne = await w.person("anne");
    await w.act(anne, { type: "report.submit", start: "2026-11-02", end: null, grade: 100, document: "sykmelding" });
    for (const word of ["tidslinje", "tidsline", "timeline", "Tidslinje!"]) {
      expect(textOf(await w.act(anne, { type: "text", text: word }))).toMatch(/Timeline for Anne/);
    }
    await w.dispose();
  });
});
