// The summary posted to the ARR team's channel, only with the employee's consent and
// only what the team needs: case start and weeks, sick-leave grade, the next statutory
// milestone, what has been tried, the measures (title, owner, due date, status) and
// the evaluation date.
//
// Shared free text is limited on purpose to "what has been tried" (previousFacilitation,
// the shareable answers only; private answers never reach plan fields). Measure
// descriptions, the typical workday, the employee's own suggestions, tasks and the
// disagreement stay out; diagnosis is never asked for, so it cannot appear from the
// plan, and the raw snapshots are never read here.
import type { Locale, Translate } from "../locale.js";
import { fieldText, type Block, type Message } from "../messages/model.js";
import type { IsoDate } from "../time/localDate.js";
import type { PlanContent } from "./model.js";
import { type PlanLocalizer, dateText, measureLine, voiceEntries } from "./text.js";

export interface ArrSummaryInput {
  /** Identifies the case; the message's replaceKey is "arr:" + caseKey so channels update it in place. */
  caseKey: string;
  employeeName: string;
  caseStart: IsoDate;
  weeks: number;
  /** Sick-leave grade in percent (100 = full). */
  grade: number;
  /** The next statutory milestone; due is null when it happens on request. */
  nextMilestone?: { id: string; titleKey: string; due: IsoDate | null };
  content: PlanContent;
  version: number;
  locale: Locale;
  t: Translate;
}

export class ArrConsentMissingError extends Error {
  constructor() {
    super("The employee has not consented to sharing the plan summary with the ARR team");
    this.name = "ArrConsentMissingError";
  }
}

export function mayShareWithArr(content: PlanContent): boolean {
  return content.arrConsent;
}

interface ArrSummaryData {
  heading: string;
  fields: Array<{ label: string; value: string }>;
  tried: string[];
  measures: string[];
  footer: string;
}

function arrSummaryData(input: ArrSummaryInput): ArrSummaryData {
  if (!mayShareWithArr(input.content)) throw new ArrConsentMissingError();
  const { t, content } = input;
  const loc: PlanLocalizer = { locale: input.locale, t };
  const milestone = input.nextMilestone;
  const fields = [
    { label: t("plan:arr.caseStart"), value: dateText(input.caseStart, loc) },
    { label: t("plan:arr.duration"), value: t("plan:arr.weeks", { count: input.weeks }) },
    { label: t("plan:arr.grade"), value: t("plan:value.percent", { value: input.grade }) },
    ...(milestone
      ? [
          {
            label: t("plan:arr.nextMilestone"),
            value: t("plan:arr.milestone", {
              title: t(milestone.titleKey),
              date: milestone.due ? dateText(milestone.due, loc) : t("plan:arr.onRequest"),
            }),
          },
        ]
      : []),
    {
      label: t("plan:fields.evaluationDate"),
      value: content.evaluationDate ? dateText(content.evaluationDate, loc) : t("plan:arr.notSet"),
    },
  ];
  return {
    heading: t("plan:arr.heading", { name: input.employeeName }),
    fields,
    tried: voiceEntries(content.previousFacilitation, t).map((v) => t("plan:voice.line", { who: v.who, text: v.text })),
    measures: content.measures.map((m) => measureLine(m, loc)),
    footer: t("plan:arr.footer", { version: input.version }),
  };
}

export function buildArrSummary(input: ArrSummaryInput): Message {
  const data = arrSummaryData(input);
  const { t } = input;
  const blocks: Block[] = [
    { kind: "text", style: "heading", text: data.heading },
    { kind: "fields", fields: data.fields },
    { kind: "text", style: "heading", text: t("plan:fields.previousFacilitation") },
    { kind: "text", text: data.tried.length > 0 ? data.tried.join("\n") : t("plan:arr.nothingRecorded") },
    { kind: "text", style: "heading", text: t("plan:sections.measures") },
    { kind: "text", text: data.measures.length > 0 ? data.measures.map((m) => `• ${m}`).join("\n") : t("plan:arr.noMeasures") },
    { kind: "text", style: "muted", text: data.footer },
  ];
  return { summary: data.heading, blocks, replaceKey: `arr:${input.caseKey}` };
}

/** The same summary as plain text (e-mail, console, channels without blocks). */
export function renderArrSummaryText(input: ArrSummaryInput): string {
  const data = arrSummaryData(input);
  const { t } = input;
  return [
    data.heading,
    "",
    ...data.fields.map(fieldText),
    "",
    `${t("plan:fields.previousFacilitation")}:`,
    ...(data.tried.length > 0 ? data.tried : [t("plan:arr.nothingRecorded")]),
    "",
    `${t("plan:sections.measures")}:`,
    ...(data.measures.length > 0 ? data.measures.map((m) => `- ${m}`) : [t("plan:arr.noMeasures")]),
    "",
    data.footer,
  ].join("\n");
}
