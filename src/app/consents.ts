// Consents are a history: each grant or withdrawal is a new row and the latest counts,
// so we can always show when the employee said yes and when they took it back.
import type { Db } from "../db/client.js";
import { audit, type Actor } from "./audit.js";

export type ConsentKind = "arr_summary";

export async function hasConsent(db: Db, personId: string, kind: ConsentKind): Promise<boolean> {
  const latest = await db.consent.findFirst({ where: { personId, kind }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return latest?.granted ?? false;
}

export async function setConsent(db: Db, personId: string, kind: ConsentKind, granted: boolean, via: string, actor: Actor, at?: Date): Promise<void> {
  if ((await hasConsent(db, personId, kind)) === granted) return;
  await db.consent.create({ data: { personId, kind, granted, via, ...(at ? { createdAt: at } : {}) } });
  await audit(db, { actor, subjectId: personId, action: "change", entity: "consent", detail: { kind, granted } });
}
