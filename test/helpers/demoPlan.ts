// A confirmed follow-up plan made the way the demo makes Ola's: the employee reports sick,
// both dialogues run with the demo's answers, and the employee confirms. The NAV suites
// (core, Slack, Teams) start from such a plan; the dialogues have tests of their own.
import type { Db } from "../../src/db/client.js";
import type { Conversation } from "../../src/app/conversation/conversation.js";
import type { Person } from "../../src/generated/prisma/client.js";
import { translator } from "../../src/i18n/index.js";
import { moreThenStop, runDialogue, type Answers } from "./conversationDriver.js";

const nb = translator("nb");
const demo = (key: string) => nb(`reminders:demo.answers.${key}`);

export interface ConfirmedPlanOptions {
  /** The first sick day (YYYY-MM-DD). */
  start: string;
  /** Answers of the leader's dialogue that differ from the demo's. */
  leaderAnswers?: Answers;
}

export async function makeConfirmedPlan(conversation: Conversation, db: Db, employee: Person, leader: Person, options: ConfirmedPlanOptions): Promise<{ planId: string; version: number }> {
  const plan = await makeProposedPlan(conversation, db, employee, leader, options);
  await conversation.handle(employee, { type: "plan.review", planId: plan.planId, version: plan.version, action: "confirm" }, "console");
  return plan;
}

/** The same plan up to the employee's confirmation: version 1 waits for it. `start: null`: the employee has reported already. */
export async function makeProposedPlan(
  conversation: Conversation,
  db: Db,
  employee: Person,
  leader: Person,
  options: Omit<ConfirmedPlanOptions, "start"> & { start: string | null },
): Promise<{ planId: string; version: number }> {
  if (options.start) await conversation.handle(employee, { type: "report.submit", start: options.start, end: null, grade: 100, document: "sykmelding" }, "console");
  await runDialogue(conversation, employee, await conversation.handle(employee, { type: "plan" }, "console"), {
    contactAsAgreed: "as_agreed",
    role: demo("role"),
    positionPercent: 100,
    typicalWorkday: demo("ownWorkday"),
    mainTasks: demo("mainTasks"),
    otherTasks: demo("otherTasks"),
    colleagueSupport: demo("colleagueSupport"),
    workplaceChanges: demo("workplaceChanges"),
    triedBefore: "no",
    ownSuggestions: demo("ownSuggestions"),
    returnPace: "graded",
    returnGoals: demo("returnGoals"),
    arrConsent: "no",
  });
  await runDialogue(conversation, leader, await conversation.handle(leader, { type: "plan", employeeId: employee.id }, "console"), {
    typicalWorkday: demo("typicalWorkday"),
    tasksPossible: demo("tasksPossible"),
    tasksMoved: demo("tasksMoved"),
    triedBefore: "no",
    plannedFacilitation: demo("plannedFacilitation"),
    otherFacilitationOptions: demo("otherOptions"),
    "measures._more": moreThenStop(1),
    measureTitle: demo("measureTitle"),
    measureDescription: demo("measureDescription"),
    measureOwner: "leader",
    followUp: demo("followUp"),
    needsHelpFromNav: "no",
    employeeContributed: "yes",
    sendToNav: "yes",
    sendToGp: "yes",
    ...options.leaderAnswers,
  } as never);
  const plan = await db.plan.findFirstOrThrow({ where: { employeeId: employee.id }, orderBy: { createdAt: "desc" } });
  return { planId: plan.id, version: plan.latestVersion };
}
