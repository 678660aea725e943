// What the Teams personal tab shows: one person's case (milestones), the latest
// version of their plan (read-only) and their measures, as the same channel-neutral
// blocks the chat uses, already in the viewer's language. A leader also gets the list
// of their team's open cases. Every read of someone else's case is audited.
import type { Block } from "../../domain/messages/model.js";
import type { Person, Plan } from "../../generated/prisma/client.js";
import type { AppContext } from "../context.js";
import { settlementFactsOfCase } from "../settlement.js";
import { actorFor, mayExecute, planHiddenFrom, relationTo, teamOf, type Relation } from "../access.js";
import { audit } from "../audit.js";
import { currentCase, readCases } from "../cases.js";
import { todayFor } from "../people.js";
import { localeFor } from "../locale.js";
import { latestVersion, planDocument } from "../plans.js";
import { employeeStatusBlocks, nextMilestone, date, durationText } from "../conversation/views.js";
import { readersBlocks } from "../conversation/readers.js";
import { buildPlanView, type PlanView } from "../../domain/plan/view.js";
import { milestoneTitleKey } from "../../domain/milestones/index.js";
import { localDateOf } from "../../domain/time/zone.js";
import { translator } from "../../i18n/index.js";
import { timelineFor } from "../timeline.js";
import { timelineMessage } from "../../domain/timeline/index.js";

export interface TabPlan {
  version: number;
  reviewStatus: string;
  view: PlanView;
  pdf: string;
}

export interface TabTeamMember {
  id: string;
  name: string;
  summary: string;
}

export interface TabView {
  locale: string;
  viewer: { id: string; name: string };
  subject: { id: string; name: string; self: boolean };
  status: Block[];
  plan: TabPlan | null;
  team: TabTeamMember[];
  /** "Who has seen my plan?": only on her own tab (access.ts "audit.own"). */
  readers: Block[] | null;
  /** The case's timeline as the viewer's role may see it (src/app/timeline.ts cuts it); null without a case. */
  timeline: Block[] | null;
}

/** The plan worth showing: the current case's, else the latest one that has a version. */
async function planOf(ctx: AppContext, employee: Person, caseId: string | undefined): Promise<Plan | null> {
  const forCase = caseId ? await ctx.db.plan.findFirst({ where: { employeeId: employee.id, caseId, latestVersion: { gt: 0 } }, orderBy: { updatedAt: "desc" } }) : null;
  return forCase ?? ctx.db.plan.findFirst({ where: { employeeId: employee.id, latestVersion: { gt: 0 } }, orderBy: { updatedAt: "desc" } });
}

export async function tabView(ctx: AppContext, viewer: Person, subject: Person, relation: Exclude<Relation, "none">): Promise<TabView> {
  const { db } = ctx;
  const locale = await localeFor(db, viewer);
  const t = translator(locale);
  const today = todayFor(viewer, ctx.clock());
  const current = currentCase(await readCases(db, subject, todayFor(subject, ctx.clock()), ctx.clock()));
  let plan = await planOf(ctx, subject, current?.row.id);
  // An employee may hide the plan from the leader; HR still sees it.
  if (plan && planHiddenFrom(plan, relation)) plan = null;
  const latest = plan ? await latestVersion(db, plan) : null;
  const measures = plan ? await db.measure.findMany({ where: { planId: plan.id, status: { in: ["proposed", "agreed"] } }, orderBy: { dueDate: "asc" } }) : [];
  const status = employeeStatusBlocks(
    { t, locale, today },
    {
      person: subject,
      ...(current ? { current: current.result, caseId: current.row.id } : {}),
      // What settles the milestones (by hand, a confirmed plan …): the same answer as status.
      ...(current ? await settlementFactsOfCase(db, current.row.id, subject.timeZone) : { states: [] }),
      latest,
      ...(plan ? { planStatus: plan.status } : {}),
      measures,
      viewer: relation === "self" ? "self" : relation === "leader" || relation === "substitute" ? "leader" : "other",
    },
  );

  let tabPlan: TabPlan | null = null;
  if (plan && latest) {
    const leader = subject.leaderId ? await db.person.findUnique({ where: { id: subject.leaderId } }) : null;
    const sickCase = plan.caseId ? await db.sickCase.findUnique({ where: { id: plan.caseId } }) : null;
    const confirmedOn = latest.reviewStatus === "confirmed" && latest.reviewedAt ? localDateOf(latest.reviewedAt, subject.timeZone) : undefined;
    const view = buildPlanView(planDocument(latest, subject, leader, sickCase, confirmedOn), { locale, t });
    tabPlan = { version: latest.version, reviewStatus: latest.reviewStatus, view, pdf: `/api/tab/plan.pdf?employeeId=${encodeURIComponent(subject.id)}` };
  }

  if (relation !== "self") {
    const actor = actorFor(viewer, relation);
    if (current) await audit(db, { actor, subjectId: subject.id, action: "read", entity: "case", entityId: current.row.id, detail: { op: "tab" } });
    if (tabPlan && plan) await audit(db, { actor, subjectId: subject.id, action: "read", entity: "plan", entityId: plan.id, detail: { op: "tab", version: tabPlan.version } });
  }

  const team: TabTeamMember[] = [];
  if (relation === "self") {
    for (const employee of await teamOf(db, viewer, today)) {
      const theirs = currentCase(await readCases(db, employee, todayFor(employee, ctx.clock()), ctx.clock()));
      // Still away: no end date yet, or one that has not passed.
      if (!theirs || !(theirs.result.open || (theirs.result.end !== null && theirs.result.end >= today))) continue;
      const next = nextMilestone(theirs.result, await settlementFactsOfCase(db, theirs.row.id, employee.timeZone));
      const line = [
        t("bot:status.teamLine", { start: date({ t, locale, today }, theirs.result.start), duration: durationText(t, theirs.result), grade: theirs.result.gradeNow ?? theirs.result.gradeAtEnd }),
        next ? t("bot:status.teamNext", { milestone: t(milestoneTitleKey(next.id)), date: date({ t, locale, today }, next.due) }) : "",
      ]
        .filter(Boolean)
        .join(" · ");
      team.push({ id: employee.id, name: employee.name, summary: line });
      const actor = actorFor(viewer, await relationTo(db, viewer, employee, today));
      await audit(db, { actor, subjectId: employee.id, action: "read", entity: "case", entityId: theirs.row.id, detail: { op: "tab-team" } });
    }
  }

  // The same timeline the chat's `tidslinje` shows, cut to the viewer's role there (and its look audited there).
  const timeline = current ? await timelineFor(db, viewer, subject, today, ctx.clock()) : null;
  const timelineBlocks = timeline?.caseId ? timelineMessage({ employeeName: subject.name, role: timeline.role, entries: timeline.entries }, { t, locale }).blocks : null;

  return {
    locale,
    timeline: timelineBlocks,
    viewer: { id: viewer.id, name: viewer.name },
    subject: { id: subject.id, name: subject.name, self: relation === "self" },
    status,
    plan: tabPlan,
    team,
    readers: mayExecute("audit.own", relation) ? await readersBlocks(db, subject, t, locale) : null,
  };
}
