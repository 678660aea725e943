// The scripted answers every channel's run of the scenario shares: the people, the
// report, and what the employee and the leader answer in their dialogues.
import { addDays } from "../../src/domain/time/localDate.js";
import type { Script } from "./drivers.js";
import { localDateOf } from "../../src/domain/time/zone.js";

export type { Script };

export const DIRECTORY = [
  "email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles",
  "lise@firma.no,Lise Leder,,nb,NO,Europe/Oslo,,,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,nb,NO,Europe/Oslo,,,",
  "hanne@firma.no,Hanne HR,,nb,NO,Europe/Oslo,,,hr;arr",
  "arne@firma.no,Arne Arr,,nb,NO,Europe/Oslo,,,arr",
].join("\n");

export const EMPLOYEE = "anne@firma.no";
export const LEADER = "lise@firma.no";
export const HR = "hanne@firma.no";
/** A member of the ARR team only (Hanne is HR as well). */
export const ARR = "arne@firma.no";

/** Her own task list: a task she believes she could do while sick (seed 004). */
export const OWN_TASK = "Lese korrektur";

/** Before anyone is sick: how Anne wants to be followed up, and her own task list. */
export const AGREEMENT: Script = {
  channels: ["chat"],
  contactBy: "leader_or_substitute",
  times: ["morning"],
  timesNote: "Ikke før klokka ni.",
  closeness: "weekly",
  whoMayKnow: "leader_and_team",
  taskHandover: "Kari tar kundemøtene mine.",
  fallbackTasks: OWN_TASK,
};

/**
 * Days relative to today: the report's first day and expected last day. Long enough for the
 * follow-up plan milestone (4 weeks) and the measure's due date to fall inside the absence.
 */
export const REPORT = { startDays: -2, endDays: 60, grade: 100, document: "sykmelding" as const };

export const EMPLOYEE_ANSWERS: Script = {
  contactAsAgreed: "as_agreed",
  role: "Rådgiver i kundeservice",
  positionPercent: 100,
  mainTasks: "Kundemøter, Telefonvakt",
  ability: "normal",
  // Her own task, assessed by her…
  ownAbility: "normal",
  triedBefore: "yes",
  previousFacilitation: "Hjemmekontor to dager i uka fungerte bra.",
  returnPace: "graded",
  arrConsent: "yes",
};

export const MEASURE = "Hjemmekontor tirsdag og torsdag";
/** The measure falls due this many days from today: after the plan's deadline has passed. */
export const MEASURE_DUE_DAYS = 40;

export const LEADER_ANSWERS: Script = {
  // …and by the leader, from the workplace's view.
  ownAbility: "with_adjustment",
  ownAdjustment: ["other_hours"],
  triedBefore: "yes",
  "measures._more": { sequence: ["yes", "no"] },
  measureTitle: MEASURE,
  measureOwner: "leader",
  measureDueDate: addDays(localDateOf(new Date(), "Europe/Oslo"), MEASURE_DUE_DAYS),
  needsHelpFromNav: "no",
  employeeContributed: "yes",
  sendToNav: "no",
  sendToGp: "no",
};

/** Back at work: the change dialogue's answers (the last sick day is filled in by the run). */
export const BACK_AT_WORK: Script = { change: "back_at_work" };
