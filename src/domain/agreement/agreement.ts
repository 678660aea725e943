// The employee's own agreement about being followed up (seeds 002 and 004), as it was
// recorded in the contact_preferences dialogue before anyone was sick: how and when to
// be contacted, how close, who may know, who takes which tasks, and her own list of
// tasks she could still do if ill or injured. Read from the stored answer snapshots;
// an answer she chose to keep private is never part of it.
import { z } from "zod";
import { answerSnapshotSchema, type AnswerSnapshot } from "../plan/snapshot.js";

export const WHO_MAY_KNOW = ["leader_only", "leader_and_team", "leader_and_named", "ask_me_first"] as const;
export type WhoMayKnow = (typeof WHO_MAY_KNOW)[number];

export interface Agreement {
  /** Each value as the employee saw it when answering (choice labels in her language). */
  channels?: string;
  /** Whom she is in touch with while away (the workshop's "whom do I contact?"), with a name when chosen. */
  contactBy?: string;
  times?: string;
  timesNote?: string;
  closeness?: string;
  whoMayKnow?: { code: WhoMayKnow; display: string; names?: string };
  taskHandover?: string;
  /** Her own list of tasks she could do while sick (seed 004). */
  fallbackTasks: string[];
  /** The shareable snapshots, for copying into a plan ("as agreed"). */
  snapshots: AnswerSnapshot[];
}

const storedSchema = z.array(answerSnapshotSchema);

/** The agreement from the stored JSON (Person.contactPreferences); null when there is none or it is unreadable. */
export function parseAgreement(json: string | null | undefined): Agreement | null {
  if (!json) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const result = storedSchema.safeParse(parsed);
  if (!result.success) return null;
  return agreementFromSnapshots(result.data);
}

export function agreementFromSnapshots(all: AnswerSnapshot[]): Agreement {
  const snapshots = all.filter((s) => !s.private);
  const by = (id: string) => snapshots.find((s) => s.questionId === id && s.display.trim() !== "");
  const text = (id: string) => by(id)?.display.trim();
  const agreement: Agreement = { fallbackTasks: [], snapshots };
  const set = <K extends "channels" | "times" | "timesNote" | "closeness" | "taskHandover">(key: K, id: string) => {
    const value = text(id);
    if (value) agreement[key] = value;
  };
  set("channels", "channels");
  const contactBy = text("contactBy");
  const byName = text("contactByName");
  if (contactBy) agreement.contactBy = byName ? `${contactBy}: ${byName}` : contactBy;
  set("times", "times");
  set("timesNote", "timesNote");
  set("closeness", "closeness");
  set("taskHandover", "taskHandover");
  const who = by("whoMayKnow");
  const code = WHO_MAY_KNOW.find((c) => c === who?.value);
  if (who && code) {
    const names = text("whoMayKnowNames");
    agreement.whoMayKnow = { code, display: who.display.trim(), ...(names && code === "leader_and_named" ? { names } : {}) };
  }
  const tasks = by("fallbackTasks")?.value;
  if (Array.isArray(tasks)) agreement.fallbackTasks = tasks.map((t) => t.trim()).filter(Boolean);
  else if (typeof tasks === "string") agreement.fallbackTasks = tasks.split(/\r?\n/).map((t) => t.trim()).filter(Boolean);
  return agreement;
}

/** Who, beyond her leader (and HR, substitutes: the follow-up duty), could be told of her absence. */
export type Audience = "team" | "arr";

/**
 * The one rule of "who may know" (her answer in the follow-up agreement): every message about
 * her absence to colleagues or to the ARR team asks this. The team only if she said "the leader
 * and the closest colleagues". The ARR team only with her consent to share the summary, and
 * never while she says "only my leader": the stricter of her two answers wins (she is told so
 * when she consents). "Ask me first" and "named people" are asked by the consent itself.
 */
export function mayBeTold(agreement: Agreement | null, audience: Audience, consent: { arr: boolean }): boolean {
  const code = agreement?.whoMayKnow?.code;
  if (audience === "team") return code === "leader_and_team";
  return consent.arr && code !== "leader_only";
}

/** Whether the colleagues (the team) may be told that she is away: only if she said so. */
export function teamMayKnow(agreement: Agreement | null): boolean {
  return mayBeTold(agreement, "team", { arr: false });
}
