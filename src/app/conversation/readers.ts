// "Who has seen my plan?": each read of the employee's case or plan by someone else —
// who, in which role, when (in her time zone) and what. Only she may ask (access.ts).
import type { Message, Block, Button } from "../../domain/messages/model.js";
import type { Db } from "../../db/client.js";
import type { Person } from "../../generated/prisma/client.js";
import type { Locale, Translate } from "../../i18n/index.js";
import { authorize } from "../access.js";
import { describeActor, describeEntry, readsOf, whenText } from "../auditLog.js";
import type { Turn } from "./conversation.js";

/** The most a chat message lists; the rest is counted (HR can export everything). */
const SHOWN = 25;

export async function readersCommand(turn: Turn, employeeId: string | undefined): Promise<Message[]> {
  const { db } = turn.ctx;
  const employee = !employeeId || employeeId === turn.person.id ? turn.person : await db.person.findUnique({ where: { id: employeeId } });
  await authorize(db, turn.person, employee, "audit.own", turn.today);
  const title = turn.t("access:readers.title");
  const blocks = await readersBlocks(db, employee!, turn.t, turn.locale);
  return [{ summary: title, blocks }];
}

/**
 * The reads of her case by others, as blocks: the chat command and the Teams tab show the
 * same list (only ever to the employee herself: the callers authorize "audit.own").
 */
export async function readersBlocks(db: Db, employee: Person, t: Translate, locale: Locale): Promise<Block[]> {
  const { rows, total } = await readsOf(db, employee, SHOWN);
  const blocks: Block[] = [{ kind: "text", text: t("access:readers.title"), style: "heading" }];
  if (rows.length === 0) {
    blocks.push({ kind: "text", text: t("access:readers.none") });
    return blocks;
  }
  blocks.push({ kind: "text", text: t("access:readers.intro", { zone: employee.timeZone }), style: "muted" });
  blocks.push({
    kind: "fields",
    fields: rows.map((r) => {
      const { who, role } = describeActor(r, t);
      return { label: t("access:readers.line", { when: whenText(r.at, locale, employee.timeZone, t), who, role }), value: describeEntry(r, t) };
    }),
  });
  if (total > rows.length) blocks.push({ kind: "text", text: t("access:readers.more", { count: total - rows.length }), style: "muted" });
  return blocks;
}

/** The button offered wherever the employee sees her own plan. */
export function readersButton(turn: Pick<Turn, "t">): Button {
  return { label: turn.t("access:readers.button"), command: { type: "plan.readers" } };
}
