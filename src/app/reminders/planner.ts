// Re-planning one person's reminders: load their facts, let the pure planner say which
// reminders should exist (src/domain/reminders/plan.ts), and bring the Outbox in line:
// create what is missing, move what changed time, bring back what a revived case needs
// again, cancel what is no longer wanted. Keys make every step safe to repeat, so this
// runs after every change, from any process, as often as it likes.
import type { Prisma } from "../../generated/prisma/client.js";
import type { Person } from "../../generated/prisma/client.js";
import { REMINDER_KINDS, nudgePointOf, planReminders, type PlannedReminder, type ReminderRecipient, type ReminderSettings } from "../../domain/reminders/index.js";
import type { AppContext } from "../context.js";
import { readCases } from "../cases.js";
import { arrMayKnow } from "../disclosure.js";
import { isHrAdmin, todayFor } from "../people.js";
import { workspaceOf } from "../workspaces.js";
import { KeyedLock } from "../conversation/keyedLock.js";
import { settlementFactsOf } from "../settlement.js";
import { isUniqueViolation } from "../../db/errors.js";

/** lastError of a row the planner cancelled; such a row may come back when it is wanted again. */
export const REPLANNED = "replanned";

export interface ReplanResult {
  personId: string;
  wanted: number;
  created: number;
  moved: number;
  revived: number;
  cancelled: number;
}

const recipientOf = (p: Pick<Person, "id" | "timeZone" | "jurisdiction">): ReminderRecipient => ({ id: p.id, timeZone: p.timeZone, jurisdiction: p.jurisdiction });

/** How long the HR list is trusted (a role change shows within this). */
const HR_CACHE_MS = 60_000;

export class ReminderPlanner {
  private readonly lock = new KeyedLock();
  private hr: { at: number; people: Person[] } | undefined;

  constructor(
    private readonly ctx: AppContext,
    readonly settings: ReminderSettings,
  ) {}

  /** HR admins, cached briefly: every escalation needs them and the roles column is not indexed. */
  async hrAdmins(): Promise<Person[]> {
    const fresh = Date.now();
    if (this.hr && fresh - this.hr.at < HR_CACHE_MS) return this.hr.people;
    const people = (await this.ctx.db.person.findMany({ where: { roles: { contains: "hr" } }, orderBy: { email: "asc" } })).filter(isHrAdmin);
    this.hr = { at: fresh, people };
    return people;
  }

  /** Re-plans one person (one at a time per person in this process). */
  replan(personId: string, now: Date = this.ctx.clock()): Promise<ReplanResult> {
    return this.lock.run(personId, () => this.replanNow(personId, now));
  }

  private async replanNow(personId: string, now: Date): Promise<ReplanResult> {
    const { db } = this.ctx;
    // Real time, not the (possibly simulated) clock: it is compared with updatedAt columns.
    const startedAt = new Date();
    const result: ReplanResult = { personId, wanted: 0, created: 0, moved: 0, revived: 0, cancelled: 0 };
    const person = await db.person.findUnique({ where: { id: personId } });
    const wanted = person ? await this.wanted(person, now) : [];
    result.wanted = wanted.length;

    const keys = wanted.map((w) => w.key);
    const existing = await db.outbox.findMany({
      where: {
        OR: [{ subjectId: personId, status: "pending", kind: { in: [...REMINDER_KINDS] } }, ...(keys.length > 0 ? [{ idempotencyKey: { in: keys } }] : [])],
      },
      select: { id: true, idempotencyKey: true, status: true, dueAt: true, attempts: true, lastError: true, payload: true, updatedAt: true, subjectId: true },
    });
    const byKey = new Map(existing.map((row) => [row.idempotencyKey, row]));

    const fresh: PlannedReminder[] = [];
    for (const w of wanted) {
      const row = byKey.get(w.key);
      const payload = JSON.stringify(w.payload);
      if (!row) {
        fresh.push(w);
        continue;
      }
      if (row.subjectId !== personId) continue; // a key another planner owns: leave it alone
      if (row.status === "cancelled" && (row.lastError === null || row.lastError === REPLANNED)) {
        // Wanted again (a revived case, a snooze moved back): the same row, pending again.
        const back = await db.outbox.updateMany({
          where: { id: row.id, status: "cancelled" },
          data: { status: "pending", dueAt: w.dueAt, payload, attempts: 0, lastError: null, claimedBy: null, claimedUntil: null },
        });
        result.revived += back.count;
      } else if (row.status === "pending" && row.attempts === 0 && (row.dueAt.getTime() !== w.dueAt.getTime() || row.payload !== payload)) {
        const moved = await db.outbox.updateMany({ where: { id: row.id, status: "pending", attempts: 0 }, data: { dueAt: w.dueAt, payload } });
        result.moved += moved.count;
      }
    }

    result.created += await this.createAll(fresh, personId);

    const wantedKeys = new Set(keys);
    const unwanted = existing.filter((row) => row.status === "pending" && row.subjectId === personId && !wantedKeys.has(row.idempotencyKey) && row.updatedAt.getTime() < startedAt.getTime());
    if (unwanted.length > 0) {
      // Rows touched after we started were written by someone who knew more than we did.
      const cancelled = await db.outbox.updateMany({
        where: { id: { in: unwanted.map((r) => r.id) }, status: "pending", updatedAt: { lt: startedAt } },
        data: { status: "cancelled", lastError: REPLANNED },
      });
      result.cancelled = cancelled.count;
    }
    // Raw SQL so that Person.updatedAt (a change signal of its own) is left alone.
    if (person) await db.$executeRaw`UPDATE "Person" SET "remindersPlannedAt" = ${startedAt} WHERE "id" = ${personId}`;
    return result;
  }

  /**
   * Creates the new rows in one statement (a first report plans some thirty reminders); when
   * another process created one of them meanwhile, row by row so that the others still land.
   */
  private async createAll(rows: PlannedReminder[], subjectId: string): Promise<number> {
    if (rows.length === 0) return 0;
    try {
      const created = await this.ctx.db.outbox.createMany({ data: rows.map((w) => this.rowOf(w, subjectId, JSON.stringify(w.payload))) });
      return created.count;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    let count = 0;
    for (const w of rows) if (await this.create(w, subjectId, JSON.stringify(w.payload))) count += 1;
    return count;
  }

  private rowOf(w: PlannedReminder, subjectId: string, payload: string): Prisma.OutboxCreateManyInput {
    return {
      idempotencyKey: w.key,
      kind: w.kind,
      recipientId: w.recipientId,
      target: w.target,
      payload,
      dueAt: w.dueAt,
      caseId: w.caseId ?? null,
      milestoneId: w.milestoneId ?? null,
      measureId: w.measureId ?? null,
      subjectId,
    };
  }

  private async create(w: PlannedReminder, subjectId: string, payload: string): Promise<boolean> {
    try {
      await this.ctx.db.outbox.create({ data: this.rowOf(w, subjectId, payload) });
      return true;
    } catch (error) {
      // Another process created it between our read and this insert: the key did its job.
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /**
   * Whether a planned row (one with a subjectId) is still wanted now, answered by the pure
   * planner's current output: the same rules that planned it, not a second set at send time.
   * `memo` shares one computation per person across a dispatch round. Points already sent to
   * someone else do not count here: the rows of one point for two substitutes both go out.
   */
  async stillWanted(row: { subjectId: string | null; idempotencyKey: string; kind: string }, now: Date, memo: Map<string, Promise<Map<string, PlannedReminder>>>): Promise<boolean> {
    if (!row.subjectId || !(REMINDER_KINDS as readonly string[]).includes(row.kind)) return true;
    const subjectId = row.subjectId;
    let wanted = memo.get(subjectId);
    if (!wanted) {
      wanted = (async () => {
        const person = await this.ctx.db.person.findUnique({ where: { id: subjectId } });
        const list = person ? await this.wanted(person, now, { ignoreSent: true }) : [];
        return new Map(list.map((w) => [w.key, w]));
      })();
      memo.set(subjectId, wanted);
    }
    const planned = (await wanted).get(row.idempotencyKey);
    // Activity since it was planned may have moved it later (an answered dialogue): not due yet.
    return planned !== undefined && planned.dueAt.getTime() <= now.getTime() + 60_000;
  }

  /** Everything that should be planned for the person now. */
  async wanted(person: Person, now: Date, options: { ignoreSent?: boolean } = {}): Promise<PlannedReminder[]> {
    const { db } = this.ctx;
    const today = todayFor(person, now);
    const cases = await readCases(db, person, today, now);
    const caseIds = cases.map((c) => c.row.id);
    const [plans, sessions] = await Promise.all([
      db.plan.findMany({
        where: { employeeId: person.id },
        select: {
          id: true,
          caseId: true,
          status: true,
          measures: { where: { status: "agreed", dueDate: { not: null } }, select: { id: true, owner: true, dueDate: true, status: true } },
          versions: { where: { reviewStatus: "confirmed" }, select: { id: true }, take: 1 },
        },
      }),
      db.dialogueSession.findMany({
        where: { personId: person.id, status: "active" },
        select: { id: true, dialogueId: true, subjectId: true, lastActivityAt: true, expiresAt: true },
      }),
    ]);
    const routine = await db.routineResponse.findUnique({ where: { personId: person.id }, select: { offeredAt: true, answeredAt: true } });
    const measures = plans.flatMap((p) => (p.status === "not_needed" ? [] : p.measures.map((m) => ({ ...m, dueDate: m.dueDate!, caseId: p.caseId }))));
    const routineSince = routine ? (routine.answeredAt ?? routine.offeredAt) : null;
    if (cases.length === 0 && measures.length === 0 && sessions.length === 0 && !routineSince) return [];

    const needsLeader = cases.length > 0 || measures.length > 0;
    const leader = needsLeader && person.leaderId ? await db.person.findUnique({ where: { id: person.leaderId } }) : null;
    const substitutions = leader
      ? await db.leaderSubstitution.findMany({ where: { leaderId: leader.id, endedAt: null }, include: { substitute: true } })
      : [];
    const hrAdmins = needsLeader ? await this.hrAdmins() : [];
    // The ARR channel's rows: her consent and her "who may know" (src/app/disclosure.ts).
    const consent = cases.length > 0 ? await arrMayKnow(db, person) : false;
    const workspace = consent ? await workspaceOf(db, person) : null;
    // What settles milestones in these cases: states set by hand, the plan, recorded facts.
    const settlement = await settlementFactsOf(db, caseIds, person.timeZone);
    // Denmark's early effort: the screenings done and the fast-track request, per case.
    const [screenings, fastTracks] =
      caseIds.length > 0
        ? await Promise.all([
            db.earlyScreening.findMany({ where: { caseId: { in: caseIds } }, select: { caseId: true, round: true } }),
            db.fastTrackRequest.findMany({ where: { caseId: { in: caseIds } }, select: { caseId: true, status: true } }),
          ])
        : [[], []];
    // Nudges delivered lately: a point already sent is not sent again to someone else.
    const sent =
      caseIds.length > 0 && !options.ignoreSent
        ? await db.outbox.findMany({
            where: { subjectId: person.id, kind: "nudge", status: "sent", dueAt: { gte: new Date(now.getTime() - (this.settings.catchUpDays + 1) * 86_400_000) } },
            select: { idempotencyKey: true },
          })
        : [];

    return planReminders({
      now,
      settings: this.settings,
      person: recipientOf(person),
      leader: leader ? recipientOf(leader) : null,
      substitutions: substitutions.map((s) => ({ substitute: recipientOf(s.substitute), from: s.fromDate, until: s.untilDate })),
      hrAdmins: hrAdmins.map(recipientOf),
      arr: workspace ? { workspaceId: workspace.id, consent } : null,
      cases: cases.map((c) => {
        const plan = plans.find((p) => p.caseId === c.row.id);
        return {
          id: c.row.id,
          result: c.result,
          planId: plan?.id ?? null,
          planConfirmed: (plan?.versions.length ?? 0) > 0,
          facts: settlement.get(c.row.id)?.facts ?? [],
          jurisdiction: c.row.jurisdiction,
          screenedRounds: screenings.filter((s) => s.caseId === c.row.id).map((s) => s.round),
          fastTrackStatus: fastTracks.find((f) => f.caseId === c.row.id)?.status ?? null,
        };
      }),
      states: caseIds.flatMap((caseId) => (settlement.get(caseId)?.states ?? []).map((s) => ({ caseId, milestoneId: s.milestoneId, state: s.state, snoozedUntil: s.snoozedUntil ?? null }))),
      measures,
      sessions,
      sentNudgePoints: new Set(sent.map((r) => nudgePointOf(r.idempotencyKey))),
      routine: routineSince ? { since: routineSince } : null,
    });
  }
}
