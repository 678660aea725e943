// The team's routine offered to a member, to accept as-is or adjust (src/app/routines.ts).
import { z } from "zod";
import { routineOfferMessage } from "../../routines.js";
import { defineNotification } from "../kind.js";
import { id } from "./shared.js";

export const routineOffer = defineNotification({
  kind: "routine_offer",
  payload: z.looseObject({ routineId: id, version: z.number().int() }),
  planned: "use case the leader's team_routine dialogue (src/app/routines.ts saveRoutine)",
  async render(env, payload, recipient) {
    if (!recipient) return null;
    const routine = await env.ctx.db.teamRoutine.findUnique({ where: { id: payload.routineId } });
    // Rewritten since (a newer offer is on its way), or she has left the team: nothing to offer.
    if (!routine || routine.version !== payload.version || recipient.leaderId !== routine.leaderId) return null;
    return routineOfferMessage(env.ctx.db, env, recipient, routine);
  },
});
