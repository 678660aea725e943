// Private text stored before "keep private" left it out of dialogues about someone else
// (issue 10): the leader's "keep private" used to keep the text in the leader's session and,
// marked private, in the plan's raw snapshots. The retention job removes what is left of it,
// once per row, and says so in the audit log (which names keys, never the text).
import { dialogues } from "../domain/dialogue/definitions/index.js";
import { privateTextOf } from "../domain/dialogue/schema.js";
import type { AppContext } from "./context.js";
import { SCHEDULER_ACTOR, audit } from "./audit.js";

const LEFT_OUT: ReadonlySet<string> = new Set(Object.values(dialogues).filter((d) => privateTextOf(d) === "left_out").map((d) => d.id));

interface SnapshotLike {
  private?: boolean;
  answeredBy?: string;
  dialogueId?: string;
}

/** Snapshots nobody may keep: private answers given in a dialogue that leaves private text out. */
function mustGo(s: SnapshotLike): boolean {
  return s.private === true && (s.answeredBy === "leader" || (s.dialogueId !== undefined && LEFT_OUT.has(s.dialogueId)));
}

/** The plan content without such snapshots, or null when there were none. */
function scrubContent(json: string): string | null {
  const content = JSON.parse(json) as { snapshots?: Record<string, SnapshotLike[]> };
  if (!content.snapshots) return null;
  let removed = 0;
  for (const [role, list] of Object.entries(content.snapshots)) {
    if (!Array.isArray(list)) continue;
    const kept = list.filter((s) => !mustGo(s));
    removed += list.length - kept.length;
    content.snapshots[role] = kept;
  }
  return removed > 0 ? JSON.stringify(content) : null;
}

export async function scrubLeftOutPrivateText(ctx: AppContext): Promise<number> {
  const { db } = ctx;
  let scrubbed = 0;
  const sessions = await db.dialogueSession.findMany({ where: { dialogueId: { in: [...LEFT_OUT] }, state: { contains: '"privateAnswers":["' } } });
  for (const row of sessions) {
    const state = JSON.parse(row.state) as { answers: Record<string, unknown>; privateAnswers: string[] };
    const keys = state.privateAnswers;
    for (const key of keys) delete state.answers[key];
    state.privateAnswers = [];
    const saved = await db.dialogueSession.updateMany({ where: { id: row.id, revision: row.revision }, data: { state: JSON.stringify(state), revision: row.revision + 1 } });
    if (saved.count === 0) continue; // changed meanwhile: the next run looks again
    scrubbed += 1;
    await audit(db, { actor: SCHEDULER_ACTOR, subjectId: row.subjectId, action: "change", entity: "dialogue", entityId: row.id, detail: { op: "privacy.removePrivateText", questions: keys } });
  }
  for (const plan of await db.plan.findMany({ where: { draft: { contains: '"private":true' } }, select: { id: true, employeeId: true, draft: true } })) {
    const draft = plan.draft ? scrubContent(plan.draft) : null;
    if (!draft) continue;
    const saved = await db.plan.updateMany({ where: { id: plan.id, draft: plan.draft }, data: { draft } });
    if (saved.count === 0) continue;
    scrubbed += 1;
    await audit(db, { actor: SCHEDULER_ACTOR, subjectId: plan.employeeId, action: "change", entity: "plan", entityId: plan.id, detail: { op: "privacy.removePrivateText", part: "draft" } });
  }
  // A reviewed version never changes, except to take out what should never have been kept.
  for (const version of await db.planVersion.findMany({ where: { content: { contains: '"private":true' } }, include: { plan: { select: { employeeId: true } } } })) {
    const content = scrubContent(version.content);
    if (!content) continue;
    const saved = await db.planVersion.updateMany({ where: { id: version.id, content: version.content }, data: { content } });
    if (saved.count === 0) continue;
    scrubbed += 1;
    await audit(db, { actor: SCHEDULER_ACTOR, subjectId: version.plan.employeeId, action: "change", entity: "plan", entityId: version.planId, detail: { op: "privacy.removePrivateText", part: "version", version: version.version } });
  }
  return scrubbed;
}
