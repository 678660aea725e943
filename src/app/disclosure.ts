// Who may be told of someone's absence beyond her leader and HR: the one question every
// message to colleagues or to the ARR team asks (ARR summaries, the weekly digest,
// escalations to the ARR channel, the ARR team's cut of the timeline). The rule itself is
// the domain's (`mayBeTold`, src/domain/agreement/agreement.ts): her "who may know" answer
// in her follow-up agreement, together with her consent.
import type { Db } from "../db/client.js";
import type { Person } from "../generated/prisma/client.js";
import { mayBeTold, parseAgreement, type Audience } from "../domain/agreement/index.js";
import { hasConsent } from "./consents.js";

/** Whether `audience` may be told of the employee's absence now (read afresh at every use). */
export async function mayKnowOfAbsence(db: Db, employee: Pick<Person, "id" | "contactPreferences">, audience: Audience): Promise<boolean> {
  const agreement = parseAgreement(employee.contactPreferences);
  const arr = audience === "arr" ? await hasConsent(db, employee.id, "arr_summary") : false;
  return mayBeTold(agreement, audience, { arr });
}

/** The ARR team: her consent, and not "only my leader may know". */
export function arrMayKnow(db: Db, employee: Pick<Person, "id" | "contactPreferences">): Promise<boolean> {
  return mayKnowOfAbsence(db, employee, "arr");
}
