// "tidslinje" / "timeline": the history of a case. Without a name the person sees their
// own case, or chooses among the cases they may see (their team, every open case for
// HR, the consented cases for the ARR team). The role check is in src/app/timeline.ts.
import type { Button, Message } from "../../domain/messages/model.js";
import { timelineMessage } from "../../domain/timeline/index.js";
import type { Person } from "../../generated/prisma/client.js";
import { teamOf } from "../access.js";
import { hasConsent } from "../consents.js";
import { isArrMember, isHrAdmin } from "../people.js";
import { arrMayKnow } from "../disclosure.js";
import { timelineFor } from "../timeline.js";
import type { Turn } from "./conversation.js";
import { addDays } from "../../domain/time/localDate.js";

/** How far back an ended case is still offered in the chooser (about six months). */
const RECENT_DAYS = 183;

export async function timelineCommand(turn: Turn, employeeId: string | undefined): Promise<Message[]> {
  const { db } = turn.ctx;
  if (employeeId === undefined) {
    const others = await viewableCases(turn);
    if (others.length > 0) {
      const text = turn.t("timeline:choose");
      const buttons: Button[] = [
        ...others.slice(0, 9).map((p) => ({ label: p.name, command: { type: "timeline" as const, employeeId: p.id } })),
        { label: turn.t("timeline:myOwn"), command: { type: "timeline" as const, employeeId: turn.person.id } },
      ];
      return [{ summary: text, blocks: [{ kind: "text", text }, { kind: "actions", buttons }] }];
    }
    employeeId = turn.person.id;
  }
  const employee = employeeId === turn.person.id ? turn.person : await db.person.findUnique({ where: { id: employeeId } });
  const timeline = await timelineFor(db, turn.person, employee, turn.today, turn.now);
  const buttons: Button[] = [];
  if (timeline.role === "employee") {
    // The employee steers: from her own timeline she can invite the ARR team, or stop sharing.
    const consented = await hasConsent(db, turn.person.id, "arr_summary");
    buttons.push({ label: turn.t("proposal:button"), command: { type: "dialogue.start", dialogueId: "propose_measure" } });
    buttons.push(
      consented
        ? { label: turn.t("timeline:arr.withdraw"), command: { type: "consent", granted: false }, style: "danger" }
        : { label: turn.t("timeline:arr.invite"), command: { type: "consent", granted: true }, style: "primary" },
    );
  }
  if (!timeline.caseId) {
    const text = turn.t(timeline.role === "employee" ? "timeline:noCaseOwn" : "timeline:noCase", { name: timeline.employee.name });
    return [{ summary: text, blocks: [{ kind: "text", text, style: "muted" }, ...(buttons.length > 0 ? [{ kind: "actions" as const, buttons }] : [])] }];
  }
  return [timelineMessage({ employeeName: timeline.employee.name, role: timeline.role, entries: timeline.entries, buttons }, turn)];
}

/** Other people whose current or recent case this person may look at, by name. */
async function viewableCases(turn: Turn): Promise<Person[]> {
  const { db } = turn.ctx;
  const byId = new Map<string, Person>();
  for (const p of await teamOf(db, turn.person, turn.today)) byId.set(p.id, p);
  if (isHrAdmin(turn.person) || isArrMember(turn.person)) {
    // Open cases, and those ended within the half year the plan stays visible (retention).
    const since = addDays(turn.today, -RECENT_DAYS);
    const open = await db.person.findMany({
      where: { cases: { some: { voidedAt: null, OR: [{ open: true }, { endDate: { gte: since } }] } }, NOT: { id: turn.person.id } },
      orderBy: { name: "asc" },
    });
    for (const p of open) {
      // The ARR team: only those whose consent and "who may know" allow it (not even her name otherwise).
      if (isHrAdmin(turn.person) || (await arrMayKnow(db, p))) byId.set(p.id, p);
    }
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
