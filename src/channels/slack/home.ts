// The App Home tab: the core's status message for this person (their own case,
// milestones, plan and measures; a leader's team; HR's overview), shortcuts, and the
// measures the person is responsible for as a leader or HR admin, with buttons.
import type { types } from "@slack/bolt";
import type { Services } from "../../app/services.js";
import type { Message, Block } from "../../domain/messages/model.js";
import type { Person } from "../../generated/prisma/client.js";
import { teamOf } from "../../app/access.js";
import { audit } from "../../app/audit.js";
import { isHrAdmin, localeOf, todayFor } from "../../app/people.js";
import { date } from "../../app/conversation/views.js";
import { translator, type Locale, type Translate } from "../../i18n/index.js";
import { LIMITS } from "./limits.js";
import { renderMany } from "./render.js";

/** Measures shown per list; each takes two blocks. */
const MEASURES_SHOWN = 8;

function menu(t: Translate): Message {
  return {
    summary: t("slack:home.title"),
    blocks: [
      { kind: "text", text: t("slack:home.title"), style: "heading" },
      { kind: "text", text: t("slack:home.intro"), style: "muted" },
      {
        kind: "actions",
        buttons: [
          { label: t("bot:buttons.report"), command: { type: "report" }, style: "primary" },
          { label: t("bot:buttons.plan"), command: { type: "plan" } },
          { label: t("slack:home.help"), command: { type: "help" } },
        ],
      },
    ],
  };
}

/** Open measures owned by `owner` in the plans of these employees (or of everyone). */
async function ownedMeasures(services: Services, viewer: Person, owner: "leader" | "hr", employeeIds: string[] | "all", t: Translate, locale: Locale, today: string): Promise<Block[]> {
  const { db } = services.ctx;
  const rows = await db.measure.findMany({
    where: {
      status: { in: ["proposed", "agreed"] },
      ...(owner === "leader" ? { OR: [{ owner: "leader" }, { owner: null }] } : { owner: "hr" }),
      plan: { ...(employeeIds === "all" ? {} : { employeeId: { in: employeeIds } }), ...(owner === "leader" ? { hiddenFromLeaderAt: null } : {}) },
    },
    include: { plan: true },
    orderBy: [{ dueDate: "asc" }, { title: "asc" }],
    take: MEASURES_SHOWN,
  });
  if (rows.length === 0) return [];
  const names = new Map((await db.person.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.plan.employeeId))] } } })).map((p) => [p.id, p.name]));
  const blocks: Block[] = [{ kind: "text", text: t(owner === "leader" ? "slack:home.measuresAsLeader" : "slack:home.measuresAsHr"), style: "heading" }];
  for (const m of rows) {
    blocks.push({ kind: "text", text: t("slack:home.measureLine", { title: m.title, name: names.get(m.plan.employeeId) ?? "", date: date({ t, locale, today }, m.dueDate) }) });
    blocks.push({
      kind: "actions",
      buttons: [
        { label: t("slack:home.measureDone"), command: { type: "measure", measureId: m.id, action: "done" } },
        { label: t("slack:home.measurePostpone"), command: { type: "measure", measureId: m.id, action: "postpone", postponeDays: 7 } },
      ],
    });
    await audit(db, { actor: { personId: viewer.id, label: owner }, subjectId: m.plan.employeeId, action: "read", entity: "measure", entityId: m.id, detail: { op: "home" } });
  }
  return blocks;
}

export async function homeView(services: Services, person: Person): Promise<types.HomeView> {
  const locale = localeOf(person);
  const t = translator(locale);
  const today = todayFor(person, services.ctx.clock());
  const status = await services.conversation.handle(person, { type: "status" }, "slack");
  const lists: Block[][] = [];
  const team = await teamOf(services.ctx.db, person, today);
  if (team.length > 0) lists.push(await ownedMeasures(services, person, "leader", team.map((p) => p.id), t, locale, today));
  if (isHrAdmin(person)) lists.push(await ownedMeasures(services, person, "hr", "all", t, locale, today));
  const messages = [menu(t), ...status, ...lists.filter((l) => l.length > 0).map((blocks): Message => ({ summary: "", blocks }))];
  return { type: "home", blocks: renderMany(messages, { t, surface: "home" }, LIMITS.viewBlocks) };
}

/** The Home tab for someone not in the directory. */
export function strangerHomeView(locale: Locale): types.HomeView {
  const t = translator(locale);
  const message: Message = {
    summary: t("common:errors.notInDirectory"),
    blocks: [
      { kind: "text", text: t("slack:home.title"), style: "heading" },
      { kind: "text", text: t("common:errors.notInDirectory"), style: "warning" },
    ],
  };
  return { type: "home", blocks: renderMany([message], { t, surface: "home" }, LIMITS.viewBlocks) };
}
