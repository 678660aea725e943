// "språk sv" / "language en" / "sprog da": an HR administrator sets the language of the
// workspace they write from, which the ARR channel, the weekly digest and the escalations use.
// The words come from bot:workspace.keywords of every locale, so any of them works anywhere.
import type { Message } from "../../domain/messages/model.js";
import { loadResources, parseLocale, SUPPORTED_LOCALES } from "../../i18n/index.js";
import { isHrAdmin } from "../people.js";
import { ensureWorkspace, setWorkspaceLocale, workspaceLocale, workspaceOf } from "../workspaces.js";
import type { Turn } from "./conversation.js";

let words: Set<string> | undefined;

function languageWords(): Set<string> {
  if (words) return words;
  const resources = loadResources();
  words = new Set(
    SUPPORTED_LOCALES.flatMap((l) => ((resources[l]?.bot as { workspace?: { keywords?: string[] } } | undefined)?.workspace?.keywords ?? []).map((w) => w.toLowerCase())),
  );
  return words;
}

function note(text: string, style: "success" | "muted" | "warning"): Message {
  return { summary: text, blocks: [{ kind: "text", text, style }] };
}

/** The workspace the person writes from: their Slack team or Teams tenant, else the one their ARR posts go to. */
async function workspaceOfTurn(turn: Turn) {
  const { db } = turn.ctx;
  if (turn.origin === "slack" && turn.person.slackTeamId) return ensureWorkspace(db, "slack", turn.person.slackTeamId);
  if (turn.origin === "teams" && turn.person.teamsTenantId) return ensureWorkspace(db, "teams", turn.person.teamsTenantId);
  return workspaceOf(db, turn.person);
}

/** Handles "språk [code]"; undefined when the line is something else. */
export async function workspaceLanguageCommand(turn: Turn, raw: string): Promise<Message[] | undefined> {
  const [first, ...rest] = raw.trim().toLowerCase().replace(/^\//, "").split(/\s+/);
  if (!first || rest.length > 1 || !languageWords().has(first)) return undefined;
  const { t } = turn;
  const workspace = await workspaceOfTurn(turn);
  const current = workspaceLocale(workspace);
  if (rest.length === 0) {
    return [{ summary: t("bot:workspace.usage"), blocks: [{ kind: "text", text: t("bot:workspace.current", { language: t(`common:languages.${current}`) }) }, { kind: "text", text: t("bot:workspace.usage"), style: "muted" }] }];
  }
  if (!isHrAdmin(turn.person)) return [note(t("bot:workspace.onlyHr"), "warning")];
  const locale = parseLocale(rest[0]);
  if (!locale) return [note(t("bot:workspace.usage"), "warning")];
  await setWorkspaceLocale(turn.ctx.db, workspace.id, locale);
  return [note(t("bot:workspace.set", { language: t(`common:languages.${locale}`) }), "success")];
}
