// What a plan document shows, decided once for every format (chat, Markdown, PDF):
// sections with localized headings and labels, in the reader's language. Only the
// plan's shared fields are read; the raw snapshots (which hold private answers) never are.
import type { IsoDate } from "../time/localDate.js";
import type { TimelineEntry, ViewerRole } from "../timeline/index.js";
import { lineText, timelineLines } from "../timeline/render.js";
import type { AssessedTask, Measure, PlanContent, VoiceField } from "./model.js";
import { hasVoice } from "./model.js";
import { otherViewDiffers, taskKey } from "./tasks.js";
import {
  type PlanLocalizer,
  abilityLabel,
  adjustmentLabel,
  dateText,
  measureDueText,
  measureOwnerText,
  roleLabel,
  statusLabel,
  taskSummary,
  voiceEntries,
  yesNo,
} from "./text.js";

/** One version of a plan with what is needed to present it. */
export interface PlanDocument {
  content: PlanContent;
  version: number;
  /** The local date the employee confirmed this version; absent for a draft. */
  confirmedAt?: IsoDate;
  employeeName: string;
  leaderName: string;
  /** First day of absence of the case, when the plan belongs to a sick-leave case. */
  caseStart?: IsoDate;
  /** The local date this version was made. */
  createdAt?: IsoDate;
  organisation?: string;
  /** The case's timeline as one role sees it (src/domain/timeline/), printed as the last section. */
  timeline?: { role: ViewerRole; entries: TimelineEntry[] };
}

export type ViewItem =
  | { kind: "value"; label: string; value: string }
  | { kind: "voices"; label: string; voices: Array<{ who: string; text: string }> }
  | { kind: "task"; name: string; summary: string; ability: string; adjustments: string[]; note?: string; otherView?: string }
  | {
      kind: "measure";
      id: string;
      title: string;
      description?: string;
      owner: string;
      due: string;
      status: string;
      notes: string[];
    }
  | { kind: "paragraph"; text: string; style?: "warning" | "muted" };

export type SectionId =
  | "exception"
  | "disagreement"
  | "work"
  | "tasks"
  | "facilitation"
  | "employeeView"
  | "measures"
  | "followUp"
  | "contact"
  | "nav"
  | "timeline";

export interface ViewSection {
  id: SectionId;
  heading: string;
  items: ViewItem[];
}

export interface PlanView {
  title: string;
  meta: Array<{ label: string; value: string }>;
  /** "Version 3 – confirmed by the employee on …" or "Version 3 – draft, not confirmed". */
  statusLine: string;
  sections: ViewSection[];
}

export function buildPlanView(doc: PlanDocument, loc: PlanLocalizer): PlanView {
  const { t } = loc;
  const c = doc.content;
  const meta = [
    { label: t("plan:doc.employee"), value: doc.employeeName },
    { label: t("plan:doc.leader"), value: doc.leaderName },
    ...(doc.organisation ? [{ label: t("plan:doc.organisation"), value: doc.organisation }] : []),
    ...(doc.caseStart ? [{ label: t("plan:doc.caseStart"), value: dateText(doc.caseStart, loc) }] : []),
    { label: t("plan:doc.version"), value: String(doc.version) },
    ...(doc.createdAt ? [{ label: t("plan:doc.createdAt"), value: dateText(doc.createdAt, loc) }] : []),
  ];

  const voices = (field: VoiceField): ViewItem[] =>
    hasVoice(c[field])
      ? [{ kind: "voices", label: t(`plan:fields.${field}`), voices: voiceEntries(c[field], t).map(({ who, text }) => ({ who, text })) }]
      : [];
  const value = (labelKey: string, text: string | null | undefined): ViewItem[] =>
    text === null || text === undefined || text === "" ? [] : [{ kind: "value", label: t(labelKey), value: text }];
  const bool = (field: "employeeHasContributedToPlan" | "needsHelpFromNav" | "sendPlanToNav" | "sendPlanToGeneralPractitioner") =>
    value(`plan:fields.${field}`, c[field] === null ? null : yesNo(t, c[field]));

  const sections: ViewSection[] = [
    {
      id: "exception",
      heading: t("plan:sections.exception"),
      items: c.exception
        ? [
            { kind: "paragraph", style: "warning", text: t("plan:exception.recorded", { date: dateText(c.exception.date, loc) }) },
            ...value("plan:exception.reasonLabel", t(`plan:exception.reason.${c.exception.reason}`)),
            ...value("plan:exception.textLabel", c.exception.text),
          ]
        : [],
    },
    {
      id: "disagreement",
      heading: t("plan:sections.disagreement"),
      items: c.disagreement
        ? [
            {
              kind: "paragraph",
              style: "warning",
              text: t("plan:disagreement.recorded", {
                version: c.disagreement.onVersion,
                date: dateText(c.disagreement.date, loc),
              }),
            },
            { kind: "paragraph", text: c.disagreement.text },
          ]
        : [],
    },
    {
      id: "work",
      heading: t("plan:sections.work"),
      items: [
        ...voices("role"),
        ...value("plan:fields.positionPercent", c.positionPercent === null ? null : t("plan:value.percent", { value: c.positionPercent })),
        ...voices("typicalWorkday"),
        ...value("plan:fields.mainTasks", unassessedMainTasks(c).join(", ")),
      ],
    },
    {
      id: "tasks",
      heading: t("plan:sections.tasks"),
      items: [
        ...c.tasks.map((task) => taskItem(task, loc)),
        ...voices("tasksThatCanStillBeDone"),
        ...voices("tasksThatCanNotBeDone"),
        ...voices("otherSuitableTasks"),
      ],
    },
    {
      id: "facilitation",
      heading: t("plan:sections.facilitation"),
      items: [
        ...voices("previousFacilitation"),
        ...voices("plannedFacilitation"),
        ...voices("otherFacilitationOptions"),
        ...voices("workplaceChanges"),
        ...voices("colleagueSupport"),
      ],
    },
    {
      id: "employeeView",
      heading: t("plan:sections.employeeView"),
      items: [...voices("ownSuggestions"), ...voices("returnGoals")],
    },
    { id: "measures", heading: t("plan:sections.measures"), items: c.measures.map((m) => measureItem(m, loc)) },
    {
      id: "followUp",
      heading: t("plan:sections.followUp"),
      items: [
        ...voices("followUp"),
        ...value("plan:fields.evaluationDate", c.evaluationDate ? dateText(c.evaluationDate, loc) : null),
        ...voices("evaluationOutcome"),
      ],
    },
    {
      id: "contact",
      heading: t("plan:sections.contact"),
      items: [...voices("contactChannel"), ...voices("contactTimes"), ...voices("whoMayKnow"), ...voices("taskHandover")],
    },
    {
      id: "nav",
      heading: t("plan:sections.nav"),
      items: [
        ...bool("employeeHasContributedToPlan"),
        ...voices("employeeHasNotContributedToPlanDescription"),
        ...bool("needsHelpFromNav"),
        ...voices("needsHelpFromNavDescription"),
        ...bool("sendPlanToNav"),
        ...bool("sendPlanToGeneralPractitioner"),
        ...value("plan:fields.arrConsent", yesNo(t, c.arrConsent)),
      ],
    },
    {
      id: "timeline",
      heading: t("timeline:section.heading"),
      items:
        doc.timeline && doc.timeline.entries.length > 0
          ? [
              { kind: "paragraph", style: "muted", text: t(`timeline:scope.${doc.timeline.role}`) },
              ...timelineLines(doc.timeline.entries, loc).map((l): ViewItem => ({ kind: "paragraph", text: lineText(l) })),
            ]
          : [],
    },
  ];

  return {
    title: t("plan:doc.title"),
    meta,
    statusLine: statusLine(doc, loc),
    sections: sections.filter((s) => s.items.length > 0),
  };
}

export function statusLine(doc: PlanDocument, loc: PlanLocalizer): string {
  return doc.confirmedAt
    ? loc.t("plan:doc.confirmed", { version: doc.version, date: dateText(doc.confirmedAt, loc) })
    : loc.t("plan:doc.draft", { version: doc.version });
}

function taskItem(task: AssessedTask, loc: PlanLocalizer): ViewItem {
  const { t } = loc;
  const other = task.otherView && otherViewDiffers(task) ? task.otherView : undefined;
  return {
    kind: "task",
    name: task.name,
    summary: taskSummary(task, t),
    ability: abilityLabel(t, task.ability),
    adjustments: task.adjustments.map((a) => adjustmentLabel(t, a)),
    ...(task.note !== undefined ? { note: task.note } : {}),
    ...(other
      ? {
          otherView: t("plan:task.otherView", {
            who: roleLabel(t, other.by),
            summary: taskSummary({ name: task.name, ...other }, t),
            note: other.note ?? "",
          }).trim(),
        }
      : {}),
  };
}

function measureItem(measure: Measure, loc: PlanLocalizer): ViewItem {
  return {
    kind: "measure",
    id: measure.id,
    title: measure.title,
    ...(measure.description !== undefined ? { description: measure.description } : {}),
    owner: measureOwnerText(measure, loc.t),
    due: measureDueText(measure, loc),
    status: statusLabel(loc.t, measure.status),
    notes: measure.notes.map((n) => loc.t("plan:measure.note", { date: dateText(n.date, loc, "short"), text: n.text })),
  };
}

/** Main tasks named but not (yet) assessed one by one. */
function unassessedMainTasks(content: PlanContent): string[] {
  const assessed = new Set(content.tasks.map((task) => taskKey(task.name)));
  return content.mainTasks.filter((name) => !assessed.has(taskKey(name)));
}
