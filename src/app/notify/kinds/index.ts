// Every notification kind, one module each (its payload schema, what plans it, its render).
// The composition root (src/app/services.ts) builds the registry from kinds(settings); every
// process knows every kind, whatever created the row.
import type { z } from "zod";
import type { ReminderSettings } from "../../../domain/reminders/index.js";
import { arrDigest } from "./arrDigest.js";
import { arrSummary } from "./arrSummary.js";
import { changeNotice } from "./changeNotice.js";
import { dialogueInvite } from "./dialogueInvite.js";
import { dialogueReminder } from "./dialogueReminder.js";
import { earlyScreening, fastTrackAsk, fastTrackUpdate } from "./earlyEffort.js";
import { escalation } from "./escalation.js";
import { measureDue } from "./measureDue.js";
import { measureProposed } from "./measureProposed.js";
import { navResult } from "./navResult.js";
import { nudge } from "./nudge.js";
import { planConfirmed } from "./planConfirmed.js";
import { planDisagreed } from "./planDisagreed.js";
import { planNotNeeded } from "./planNotNeeded.js";
import { planReview } from "./planReview.js";
import { reportNotice } from "./reportNotice.js";
import { routineOffer } from "./routineOffer.js";
import { routineReminder } from "./routineReminder.js";
import { substituteHrNotice } from "./substituteHrNotice.js";
import { substituteNotice } from "./substituteNotice.js";
import { teamsUnreachable } from "./teamsUnreachable.js";
import { unreachableNotice } from "./unreachableNotice.js";

/** Every kind, for these reminder settings (some renders depend on them). */
export function kinds(settings: ReminderSettings) {
  return [
    // The conversation core's notices.
    reportNotice,
    changeNotice,
    dialogueInvite,
    planReview,
    planConfirmed,
    planDisagreed,
    planNotNeeded,
    arrSummary,
    measureProposed,
    substituteHrNotice,
    routineOffer,
    fastTrackAsk,
    fastTrackUpdate,
    // The scheduler's reminders and notices.
    nudge,
    escalation,
    measureDue,
    dialogueReminder(settings),
    arrDigest,
    unreachableNotice,
    substituteNotice,
    routineReminder,
    earlyScreening,
    // The NAV integration's and the channels' own.
    navResult,
    teamsUnreachable,
  ] as const;
}

type AnyKind = ReturnType<typeof kinds>[number];
export type KindName = AnyKind["kind"];
export type PayloadOf<K extends KindName> = z.output<Extract<AnyKind, { kind: K }>["payload"]>;
/** An outbox payload of a known kind: `{ template: "nudge", params: {…} } satisfies KindPayload`. */
export type KindPayload = { [K in KindName]: { template: K; params: PayloadOf<K> } }[KindName];
