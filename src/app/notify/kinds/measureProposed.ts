// The employee proposed measures herself ("foreslå tiltak"); her leader is told.
import { z } from "zod";
import { defineNotification } from "../kind.js";
import { id, personById } from "./shared.js";

export const measureProposed = defineNotification({
  kind: "measure_proposed",
  payload: z.looseObject({ employeeId: id, titles: z.array(z.string()) }),
  planned: "use case the employee's measure proposal (src/app/conversation/completion.ts)",
  async render(env, payload) {
    const employee = await personById(env, payload.employeeId);
    if (!employee) return null;
    const titles = payload.titles;
    const text = env.t("proposal:notice", { name: employee.name, count: titles.length });
    return {
      summary: text,
      blocks: [
        { kind: "text", text },
        ...(titles.length > 0 ? [{ kind: "text" as const, text: titles.map((title) => `• ${title}`).join("\n") }] : []),
        { kind: "text", text: env.t("proposal:noticeHint"), style: "muted" },
        { kind: "actions", buttons: [{ label: env.t("bot:buttons.planFor", { name: employee.name }), command: { type: "plan", employeeId: employee.id }, style: "primary" }] },
      ],
    };
  },
});
