// HR is told that no channel could reach a person.
import { z } from "zod";
import { isHrAdmin } from "../../people.js";
import { defineNotification } from "../kind.js";
import { id, personById, text } from "./shared.js";

export const unreachableNotice = defineNotification({
  kind: "unreachable_notice",
  payload: z.looseObject({ personId: id, reason: z.string(), channels: z.array(z.string()) }),
  planned: "use case the delivery's unreachable hook (src/app/reminders/delivery.ts)",
  async render(env, payload, recipient) {
    if (!recipient || !isHrAdmin(recipient)) return null;
    const person = await personById(env, payload.personId);
    if (!person) return null;
    const heading = env.t("reminders:unreachable.heading", { name: person.name });
    const reason = payload.reason || person.unreachableReason || "";
    return { summary: heading, blocks: [text(heading, "warning"), text(env.t("reminders:unreachable.text", { name: person.name, email: person.email, reason }))] };
  },
});
