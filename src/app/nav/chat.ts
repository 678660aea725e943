// "Send to NAV / to the doctor" in the chat: the leader (a substitute, HR) clicks it on a
// confirmed plan, is asked for the contact person's phone when the directory has none,
// then for the employee's national identity number, which is checked and handed to the
// outbox job. The number never enters a dialogue session, a message we store, or a log.
import type { Command } from "../../domain/messages/commands.js";
import type { Message } from "../../domain/messages/model.js";
import { isPhoneNumber } from "../directory/csvFormat.js";
import { actorFor } from "../access.js";
import { audit } from "../audit.js";
import { UserError } from "../errors.js";
import type { Turn } from "../conversation/conversation.js";
import { nationalIdQuestion, phoneQuestion, recipientsText } from "./messages.js";
import { sendablePlan } from "./plan.js";
import { requestNavSend, requireMaySend, requireNavConfigured } from "./send.js";

type NavSend = Extract<Command, { type: "nav.send" }>;

export async function navSendCommand(turn: Turn, cmd: NavSend): Promise<Message[]> {
  const { ctx } = turn;
  const plan = await ctx.db.plan.findUnique({ where: { id: cmd.planId } });
  const employee = plan ? await ctx.db.person.findUnique({ where: { id: plan.employeeId } }) : null;
  // A stranger gets the same refusal whether or not the plan exists.
  if (!plan || !employee) throw new UserError("common:errors.forbidden");
  const relation = await requireMaySend(ctx, turn.person, employee, turn.today);
  requireNavConfigured(ctx);
  const sendable = await sendablePlan(ctx.db, employee, cmd.version, plan.id);
  const replaceKey = `nav:${plan.id}:${cmd.version}:${turn.person.id}`;
  const base = { type: "nav.send" as const, planId: plan.id, version: cmd.version, to: cmd.to };
  const env = { t: turn.t, locale: turn.locale };

  if (cmd.field === "phone") {
    const phone = typeof cmd.answer === "string" ? cmd.answer.trim() : "";
    if (!isPhoneNumber(phone)) {
      const asked = phoneQuestion(env, sendable.leader, { ...base, field: "phone" }, replaceKey);
      asked.blocks.unshift({ kind: "text", text: turn.t("nav:errors.badPhone", { value: phone }), style: "warning" });
      return [asked];
    }
    // The contact person's work phone belongs in the directory, where the next send finds it.
    await ctx.db.person.update({ where: { id: sendable.leader.id }, data: { phone } });
    await audit(ctx.db, { actor: actorFor(turn.person, relation), subjectId: sendable.leader.id, action: "change", entity: "person", entityId: sendable.leader.id, detail: { field: "phone" } });
    return [nationalIdQuestion(env, employee, cmd.to, { ...base, field: "nationalId" }, replaceKey)];
  }

  if (cmd.field === "nationalId") {
    const nationalId = typeof cmd.answer === "string" ? cmd.answer : "";
    try {
      const result = await requestNavSend(ctx, { employee, requester: turn.person, actor: actorFor(turn.person, relation), planId: plan.id, version: cmd.version, nationalId, recipients: cmd.to, today: turn.today });
      if (result.recipients.length === 0) return [note(turn.t("nav:already", { version: cmd.version, recipients: recipientsText(turn.t, result.already) }), "muted", replaceKey)];
      return [note(turn.t("nav:sending", { name: employee.name, version: cmd.version, recipients: recipientsText(turn.t, result.recipients) }), "success", replaceKey)];
    } catch (error) {
      // A mistyped number: ask again in place, saying what was wrong (never repeating the number).
      if (error instanceof UserError && error.key.startsWith("nav:errors.nationalId.")) {
        return [nationalIdQuestion(env, employee, cmd.to, { ...base, field: "nationalId" }, replaceKey, turn.t(error.key))];
      }
      throw error;
    }
  }

  if (!sendable.leader.phone) return [phoneQuestion(env, sendable.leader, { ...base, field: "phone" }, replaceKey)];
  return [nationalIdQuestion(env, employee, cmd.to, { ...base, field: "nationalId" }, replaceKey)];
}

function note(text: string, style: "success" | "muted", replaceKey: string): Message {
  return { summary: text, replaceKey, blocks: [{ kind: "text", text, style }] };
}
