// "Who has seen my plan?": each read of the employee's case or plan by someone else —
// who, in which role, when (in her time zone) and what. Only she may ask (access.ts).
import type { Message, Block, Button } from "../../domain/messages/model.js";
import { authorize } from "../access.js";
import { describeActor, describeEntry, readsOf, whenText } from "../auditLog.js";
import type { Turn } from "./conversation.js";

/** The most a chat message lists; the rest is counted (HR can export everything). */
const SHOWN = 25;

export async function readersCommand(turn: Turn, employeeId: string | undefined): Promise<Message[]> {
  const { db } = turn.ctx;
  const employee = !employeeId || employeeId === turn.person.id ? turn.person : await db.person.findUnique({ where: { id: employeeId } });
  await authorize(db, turn.person, employee, "audit.own", turn.today);
  const { rows, total } = await readsOf(db, employee!, SHOWN);
  const title = turn.t("access:readers.title");
  const blocks: Block[] = [{ kind: "text", text: title, style: "heading" }];
  if (rows.length === 0) {
    blocks.push({ kind: "text", text: turn.t("access:readers.none") });
  } else {
    blocks.push({ kind: "text", text: turn.t("access:readers.intro", { zone: employee!.timeZone }), style: "muted" });
    blocks.push({
      kind: "fields",
      fields: rows.map((r) => {
        const { who, role } = describeActor(r, turn.t);
        return { label: turn.t("access:readers.line", { when: whenText(r.at, turn.locale, employee!.timeZone, turn.t), who, role }), value: describeEntry(r, turn.t) };
      }),
    });
    if (total > rows.length) blocks.push({ kind: "text", text: turn.t("access:readers.more", { count: total - rows.length }), style: "muted" });
  }
  return [{ summary: title, blocks }];
}

/** The button offered wherever the employee sees her own plan. */
export function readersButton(turn: Pick<Turn, "t">): Button {
  return { label: turn.t("access:readers.button"), command: { type: "plan.readers" } };
}
