// The App Home tab: the core's status message for this person (their own case,
// milestones, plan and measures; a leader's team; HR's overview), shortcuts, and the
// measures the person is responsible for as a leader or HR admin, with buttons.
import type { types } from "@slack/bolt";
import type { Message, Block } from "../../domain/messages/model.js";
import { formatDate, todayFor, type ChannelFacade, type HomeMeasure, type Person } from "../../app/facade/index.js";
import { translator, type Locale, type Translate } from "../../i18n/index.js";
import { LIMITS } from "./limits.js";
import { renderMany } from "./render.js";

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
          // "Who has seen my plan?" (issue 10): the reads of her own case by others.
          { label: t("access:readers.button"), command: { type: "plan.readers" } },
          { label: t("slack:home.help"), command: { type: "help" } },
        ],
      },
    ],
  };
}

function measureBlocks(measures: HomeMeasure[], heading: string, t: Translate, locale: Locale, today: string): Block[] {
  if (measures.length === 0) return [];
  const blocks: Block[] = [{ kind: "text", text: heading, style: "heading" }];
  for (const m of measures) {
    blocks.push({ kind: "text", text: t("slack:home.measureLine", { title: m.title, name: m.employeeName, date: formatDate({ t, locale, today }, m.dueDate) }) });
    blocks.push({
      kind: "actions",
      buttons: [
        { label: t("slack:home.measureDone"), command: { type: "measure", measureId: m.id, action: "done" } },
        { label: t("slack:home.measurePostpone"), command: { type: "measure", measureId: m.id, action: "postpone", postponeDays: 7 } },
      ],
    });
  }
  return blocks;
}

export async function homeView(facade: ChannelFacade, person: Person): Promise<types.HomeView> {
  const locale = await facade.localeOf(person);
  const t = translator(locale);
  const today = todayFor(person, facade.clock());
  const home = await facade.home(person, "slack");
  const lists = [measureBlocks(home.asLeader, t("slack:home.measuresAsLeader"), t, locale, today), measureBlocks(home.asHr, t("slack:home.measuresAsHr"), t, locale, today)];
  const messages = [menu(t), ...home.status, ...lists.filter((l) => l.length > 0).map((blocks): Message => ({ summary: "", blocks })), ...home.timelines];
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
