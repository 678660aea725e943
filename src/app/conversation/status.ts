// "status": my case, its milestones, my plan and measures; for a leader also the
// team's open cases; for HR every open case.
import type { Message, Block } from "../../domain/messages/model.js";
import type { Person } from "../../generated/prisma/client.js";
import { actorFor, relationTo, teamOf } from "../access.js";
import { currentCase, readCases } from "../cases.js";
import { isHrAdmin } from "../people.js";
import { latestVersion } from "../plans.js";
import { audit } from "../audit.js";
import { settlementFactsOfCase } from "../settlement.js";
import type { Turn } from "./conversation.js";
import { employeeStatusBlocks, nextMilestone, teamBlocks, type TeamCase } from "./views.js";
import { navStatusBlocks } from "../nav/messages.js";

export async function statusMessage(turn: Turn): Promise<Message> {
  const { db } = turn.ctx;
  const blocks: Block[] = [{ kind: "text", text: turn.t("bot:status.title", { name: turn.person.name }), style: "heading" }];
  const cases = await readCases(db, turn.person, turn.today, turn.now);
  const current = currentCase(cases);
  const plan = current ? await db.plan.findFirst({ where: { employeeId: turn.person.id, caseId: current.row.id } }) : null;
  const measures = plan ? await db.measure.findMany({ where: { planId: plan.id, status: { in: ["proposed", "agreed"] } }, orderBy: { dueDate: "asc" } }) : [];
  const settled = current ? await settlementFactsOfCase(db, current.row.id, turn.person.timeZone) : undefined;
  blocks.push(
    ...employeeStatusBlocks(turn, {
      person: turn.person,
      ...(current ? { current: current.result, caseId: current.row.id } : {}),
      states: settled?.states ?? [],
      facts: settled?.facts ?? [],
      latest: plan ? await latestVersion(db, plan) : null,
      ...(plan ? { planStatus: plan.status } : {}),
      measures,
    }),
  );
  const latest = plan ? await latestVersion(db, plan) : null;
  if (plan && latest) blocks.push(...(await navStatusBlocks(db, turn, plan.id, latest.version, turn.person.timeZone)));
  const team = await teamOf(db, turn.person, turn.today);
  if (team.length > 0) {
    blocks.push({ kind: "divider" }, ...teamBlocks(turn, turn.t("bot:status.team"), await openCases(turn, team, "leader"), true));
  }
  if (isHrAdmin(turn.person)) {
    const everyone = await db.person.findMany({ where: { cases: { some: { open: true, voidedAt: null } } }, orderBy: { name: "asc" } });
    blocks.push({ kind: "divider" }, ...teamBlocks(turn, turn.t("bot:status.allOpen"), await openCases(turn, everyone, "hr"), false));
  }
  return { summary: turn.t("bot:status.title", { name: turn.person.name }), blocks };
}

/** Open cases of these people, each with its next milestone (reads are audited). */
export async function openCases(turn: Turn, people: Person[], label: string): Promise<TeamCase[]> {
  const out: TeamCase[] = [];
  for (const employee of people) {
    const current = currentCase(await readCases(turn.ctx.db, employee, turn.today, turn.now));
    if (!current || !current.row.open) continue;
    const next = nextMilestone(current.result, await settlementFactsOfCase(turn.ctx.db, current.row.id, employee.timeZone));
    out.push({ employee, result: current.result, caseId: current.row.id, ...(next ? { next } : {}) });
    // The label the employee will see in "who has seen my case": the actual relation (a substitute is not the leader).
    const relation = await relationTo(turn.ctx.db, turn.person, employee, turn.today);
    const actor = relation === "leader" || relation === "substitute" || relation === "hr" ? actorFor(turn.person, relation) : { personId: turn.person.id, label };
    await audit(turn.ctx.db, { actor, subjectId: employee.id, action: "read", entity: "case", entityId: current.row.id, detail: { op: "status" } });
  }
  return out;
}
