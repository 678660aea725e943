// The NAV integration's notice of a sending's outcome (sent, refused, unavailable, status unknown).
import { z } from "zod";
import type { Block } from "../../../domain/messages/model.js";
import { errorText, recipientsText } from "../../nav/messages.js";
import { defineNotification } from "../kind.js";
import { id } from "./shared.js";

export const navResult = defineNotification({
  kind: "nav_result",
  payload: z.looseObject({ outcome: z.string(), audience: z.enum(["requester", "hr", "employee"]), planId: id, version: z.number().int().min(1), employeeId: id, recipients: z.array(z.string()), errorType: z.string().optional() }),
  planned: "use case the NAV jobs (src/app/nav/job.ts)",
  async render(env, p) {
    const employee = await env.ctx.db.person.findUnique({ where: { id: p.employeeId } });
    if (!employee) return null;
    const { t } = env;
    const recipients = recipientsText(t, p.recipients);
    const vars = { name: employee.name, version: p.version, recipients };
    if (p.outcome === "sent") {
      const text = t(p.audience === "employee" ? "nav:result.employeeSent" : "nav:result.sent", vars);
      return { summary: text, blocks: [{ kind: "text", text, style: "success" }] };
    }
    const head = t(p.outcome === "unavailable" ? "nav:result.unavailable" : p.outcome === "statusUnknown" ? "nav:result.statusUnknown" : "nav:result.refused", vars);
    // After NAV accepted the plan the usual explanations ("nothing was sent") would be wrong: only the type is named.
    const why = p.outcome === "statusUnknown" ? `(${p.errorType ?? "UNAVAILABLE"})` : errorText(t, p.outcome === "unavailable" ? "UNAVAILABLE" : (p.errorType ?? "OTHER"), p.audience === "hr" ? "hr" : "requester");
    const blocks: Block[] = [{ kind: "text", text: head, style: "warning" }, { kind: "text", text: why }];
    if (p.audience === "requester") blocks.push({ kind: "actions", buttons: [{ label: t("bot:buttons.planFor", { name: employee.name }), command: { type: "plan", employeeId: employee.id } }] });
    return { summary: head, blocks };
  },
});
