// The timeline in words, in the reader's language: one line per entry, dated, with the
// free text (where the role may see it) quoted beneath. The chat message and the plan
// documents (Markdown, PDF) are made from the same lines.
import type { Message, Block, Button } from "../messages/model.js";
import { formatDate, type Locale, type Translate } from "../locale.js";
import { getDialogue } from "../dialogue/definitions/index.js";
import { MILESTONE_IDS, milestoneTitleKey, type MilestoneId } from "../milestones/index.js";
import type { TimelineEntry } from "./timeline.js";
import type { ViewerRole } from "./facts.js";

export interface TimelineLocalizer {
  t: Translate;
  locale: Locale;
}

export interface TimelineLine {
  date: string;
  text: string;
  detail?: string;
  upcoming: boolean;
}

const OWNERS = new Set(["employee", "leader", "hr", "occupational_health", "nav", "arr"]);

export function timelineLines(entries: TimelineEntry[], loc: TimelineLocalizer): TimelineLine[] {
  return entries.map((e) => ({
    date: formatDate(e.date, loc.locale, "short"),
    text: entryText(e, loc),
    ...(e.detail ? { detail: e.detail } : {}),
    upcoming: e.upcoming,
  }));
}

function entryText(e: TimelineEntry, loc: TimelineLocalizer): string {
  const { t } = loc;
  const p = e.params;
  const d = (iso: string | number | undefined) => (typeof iso === "string" && iso !== "" ? formatDate(iso, loc.locale, "short") : "");
  const milestone = () => {
    const id = String(p.milestone);
    return (MILESTONE_IDS as readonly string[]).includes(id) ? t(milestoneTitleKey(id as MilestoneId)) : id;
  };
  const owner = () => (OWNERS.has(String(p.owner)) ? t(`plan:owner.${String(p.owner)}`) : t("timeline:noOwner"));
  const due = () => (p.due ? d(p.due) : t("timeline:noDue"));
  const navRecipients = () => t(`nav:recipients.${p.to === "both" || p.to === "doctor" ? p.to : "nav"}`);
  switch (e.kind) {
    case "period.reported":
    case "period.changed": {
      const kind = p.type === "vacation" ? "vacation" : "sick";
      const period = p.end ? t("timeline:period.range", { start: d(p.start), end: d(p.end) }) : t("timeline:period.open", { start: d(p.start) });
      return t(`timeline:entry.${e.kind}.${kind}`, { period, grade: p.grade, by: t(`timeline:reportedBy.${String(p.via)}`) });
    }
    case "case.ended":
      return t("timeline:entry.case.ended");
    case "milestone.due":
      return t(e.upcoming ? "timeline:entry.milestone.upcoming" : "timeline:entry.milestone.due", { milestone: milestone() });
    case "milestone.nudged":
    case "milestone.escalated":
      return t(`timeline:entry.${e.kind}`, { milestone: milestone(), to: t(`timeline:recipient.${String(p.to)}`) });
    case "milestone.overdue":
      return t("timeline:entry.milestone.overdue", { milestone: milestone(), due: d(p.due) });
    case "milestone.done":
    case "milestone.notNeeded":
      return t(`timeline:entry.${e.kind}`, { milestone: milestone(), by: t(`timeline:actor.${actorKey(p.by)}`) });
    case "milestone.snoozed":
      return t("timeline:entry.milestone.snoozed", { milestone: milestone(), until: d(p.until) });
    case "dialogue.completed": {
      const def = getDialogue(String(p.dialogue));
      return t(`timeline:entry.dialogue.completed.${p.by === "leader" ? "leader" : "employee"}`, { title: def ? t(def.titleKey) : String(p.dialogue) });
    }
    case "plan.proposed":
      return t(p.notNeeded ? "timeline:entry.plan.proposedNotNeeded" : "timeline:entry.plan.proposed", { version: p.version });
    case "plan.confirmed":
    case "plan.disagreed":
      return t(`timeline:entry.${e.kind}`, { version: p.version });
    case "measure.proposed":
    case "measure.agreed":
    case "measure.due":
      return t(`timeline:entry.${e.kind}`, { title: p.title, owner: owner(), due: due() });
    case "measure.note":
      return t("timeline:entry.measure.note", { title: p.title });
    case "measure.closed":
      return t(`timeline:entry.measure.closed.${String(p.status)}`, { title: p.title, owner: owner() });
    case "consent.given":
    case "consent.withdrawn":
      return t(`timeline:entry.${e.kind}`);
    case "arr.summarySent":
      return p.version ? t("timeline:entry.arr.summarySentVersion", { version: p.version }) : t("timeline:entry.arr.summarySent");
    case "nav.requested":
      return t(p.name ? "timeline:entry.nav.requestedBy" : "timeline:entry.nav.requested", {
        version: p.version,
        recipients: navRecipients(),
        name: p.name,
        role: t(`timeline:actor.${actorKey(p.by)}`),
      });
    case "nav.refused":
      return t("timeline:entry.nav.refused", { version: p.version, recipients: navRecipients(), reason: t(`timeline:navReason.${navReasonKey(p.reason)}`) });
    case "nav.accepted":
    case "nav.delivered":
    case "nav.givenUp":
    case "nav.statusUnknown":
      return t(`timeline:entry.${e.kind}`, { version: p.version, recipients: navRecipients() });
    case "early.screened":
      return t(`early:timeline.screened.${p.assessment === "risk" ? "risk" : "no_risk"}`, { round: t(`early:timeline.round.${p.round === "week2" ? "week2" : "report"}`) });
    case "fastTrack.offered":
    case "fastTrack.agreed":
    case "fastTrack.asked":
    case "fastTrack.declined":
    case "fastTrack.submitted":
      return t(`early:timeline.${e.kind.slice("fastTrack.".length)}`);
    case "plan.read":
      return t(p.op === "export" ? "timeline:entry.plan.exported" : p.op === "timeline" ? "timeline:entry.timeline.read" : "timeline:entry.plan.read", {
        name: p.name,
        role: t(`timeline:actor.${actorKey(p.role)}`),
        count: Number(p.count ?? 1),
      });
  }
}

/** NAV's ApiError types with a text of their own (the rest read as "another reason"). */
const NAV_REASONS = new Set([
  "VALIDATION_ERROR",
  "AUTHENTICATION_ERROR",
  "NO_ACTIVE_SENT_SYKMELDING",
  "NO_ACTIVE_EMPLOYMENT",
  "GENERAL_PRACTITIONER_NOT_FOUND",
  "EMPLOYEE_NOT_FOUND",
  "FOLLOWUP_PLAN_NOT_FOUND",
]);
function navReasonKey(value: string | number | undefined): string {
  return typeof value === "string" && NAV_REASONS.has(value) ? value : "OTHER";
}

const ACTOR_KEYS = new Set(["employee", "leader", "substitute", "hr", "arr", "cli", "scheduler", "system"]);
function actorKey(value: string | number | undefined): string {
  return typeof value === "string" && ACTOR_KEYS.has(value) ? value : "system";
}

/** Slack sections hold 3000 characters: lines go in blocks of a few at a time. */
const LINES_PER_BLOCK = 12;

export interface TimelineMessageInput {
  employeeName: string;
  role: ViewerRole;
  entries: TimelineEntry[];
  /** Buttons under the timeline (e.g. the employee's "invite the ARR team"). */
  buttons?: Button[];
}

export function timelineMessage(input: TimelineMessageInput, loc: TimelineLocalizer): Message {
  const { t } = loc;
  const title = t("timeline:title", { name: input.employeeName });
  const blocks: Block[] = [{ kind: "text", text: title, style: "heading" }];
  const lines = timelineLines(input.entries, loc);
  const past = lines.filter((l) => !l.upcoming);
  const ahead = lines.filter((l) => l.upcoming);
  if (lines.length === 0) blocks.push({ kind: "text", text: t("timeline:empty"), style: "muted" });
  pushLines(blocks, past);
  if (ahead.length > 0) {
    blocks.push({ kind: "text", text: t("timeline:ahead"), style: "heading" });
    pushLines(blocks, ahead);
  }
  blocks.push({ kind: "text", text: t(`timeline:scope.${input.role}`), style: "muted" });
  if (input.buttons && input.buttons.length > 0) blocks.push({ kind: "actions", buttons: input.buttons });
  return { summary: title, blocks };
}

export function lineText(l: TimelineLine): string {
  return `${l.date} – ${l.text}${l.detail ? `\n    “${l.detail}”` : ""}`;
}

function pushLines(blocks: Block[], lines: TimelineLine[]): void {
  for (let i = 0; i < lines.length; i += LINES_PER_BLOCK) {
    blocks.push({ kind: "text", text: lines.slice(i, i + LINES_PER_BLOCK).map(lineText).join("\n") });
  }
}
