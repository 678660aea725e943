// The Teams bot: turns activities into Commands for the conversation core and its
// Messages into Adaptive Cards. Personal chat: typed text and Action.Submit cards,
// prompts replaced in place when answered. Team channels and group chats: replies
// are user-specific views (Action.Execute with refresh), so nobody else sees them;
// an HR admin registers the ARR channel there.
import { TeamsActivityHandler, TurnContext, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue } from "botbuilder";
import type { Command } from "../../domain/messages/commands.js";
import type { Message } from "../../domain/messages/model.js";
import { todayFor, type ChannelFacade, type Person } from "../../app/facade/index.js";
import { reportForm } from "../../domain/messages/reportForm.js";
import { normalizeLocale, translator, type Translate } from "../../i18n/index.js";
import type { Logger } from "../../logging/logger.js";
import { registerArrChannel } from "./arr.js";
import { CARD_CONTENT_TYPE, commandFromCard, renderBlocksCard, reportFormCard, sharedViewCard, textCard, type ActionMode, type CardJson } from "./cards.js";
import { identify, rememberChannel, rememberPersonalChat, scopeOf, tenantOf } from "./identity.js";
import { cardActivity, postMessage } from "./posting.js";

export interface TeamsBotOptions {
  facade: ChannelFacade;
  logger: Logger;
}

/** Commands that may be run again each time a shared card is shown (read-only or resuming). */
const VIEW_COMMANDS: ReadonlySet<Command["type"]> = new Set(["report", "status", "plan", "timeline", "help", "dialogue.start"]);

export class TeamsBot extends TeamsActivityHandler {
  constructor(private readonly options: TeamsBotOptions) {
    super();
  }

  private get facade(): ChannelFacade {
    return this.options.facade;
  }

  protected override async onMessageActivity(context: TurnContext): Promise<void> {
    const person = await this.known(context);
    if (!person) return;
    const activity = context.activity;
    // The person's own language, else what their Teams client reports, else the workspace's.
    const locale = await this.facade.localeOf(person, activity.locale);
    const t = translator(locale);
    const text = textOf(context);
    // "arr-kanal" in a channel registers it as the ARR channel (in personal chat the core says where to write it).
    const scope = scopeOf(activity);
    if (text && !activity.value && scope !== "personal" && this.facade.keywords.meaningOf(text)?.kind === "arrChannel") {
      const result = await registerArrChannel(context, this.facade, person, t);
      await context.sendActivity(cardActivity(textCard(result.text, result.ok ? "success" : "warning"), result.text));
      return;
    }
    if (scope !== "personal") return this.sharedMessage(context, person, text, t);

    const input = activity.value !== undefined && activity.value !== null ? commandFromCard(activity.value) : undefined;
    const command: Command | undefined = input ? (input.kind === "invalid" ? undefined : input.command) : text ? { type: "text", text } : undefined;
    if (!command) {
      await context.sendActivity(cardActivity(textCard(t("teams:card.notUnderstood"), "warning"), t("teams:card.notUnderstood")));
      return;
    }
    if (this.isReportRequest(command)) {
      await context.sendActivity(cardActivity(this.reportForm(person, t, "submit"), t("teams:report.title")));
      return;
    }
    const replies = await this.facade.handle(person, command, "teams", locale);
    await this.reply(context, replies, t, command);
  }

  /** Personal chat: each message as its own card; the card the person acted on is replaced in place. */
  private async reply(context: TurnContext, replies: Message[], t: Translate, command: Command): Promise<void> {
    const actedOn = context.activity.replyToId;
    for (const [index, message] of replies.entries()) {
      if (command.type === "report.submit" && index === 0 && actedOn && isSuccess(message)) {
        // The filled-in form becomes the receipt, so it cannot be sent twice.
        const card = renderBlocksCard([message], { mode: "submit", t });
        await context.updateActivity({ ...cardActivity(card, message.summary), id: actedOn });
        continue;
      }
      await postMessage(context, message, { facade: this.facade, t, mode: "submit", inPlace: (previous) => previous === actedOn });
    }
  }

  /**
   * A team channel or group chat: the answer must not be shown to everyone. The bot
   * posts a card that refreshes into the asking user's own view (Action.Execute).
   */
  private async sharedMessage(context: TurnContext, person: Person, text: string, t: Translate): Promise<void> {
    await rememberChannel(context, this.facade);
    const command = text ? this.facade.keywords.commandOf(text) : undefined;
    const view = command && VIEW_COMMANDS.has(command.type) ? command : undefined;
    if (!view) {
      await context.sendActivity(cardActivity(textCard(t("teams:shared.personalOnly"), "muted"), t("teams:shared.personalOnly")));
      return;
    }
    const card = sharedViewCard({ t, name: person.name, userId: context.activity.from.id, view });
    await context.sendActivity(cardActivity(card, t("teams:shared.placeholder", { name: person.name })));
  }

  /** Action.Execute: run the command for whoever clicked, answer with their own card. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const person = await identify(context, this.facade, this.options.logger);
    const fallback = translator(normalizeLocale(context.activity.locale));
    if (!person) return messageResponse(fallback("common:errors.notInDirectory"));
    if (scopeOf(context.activity) === "personal") await rememberPersonalChat(context, this.facade, person);
    const locale = await this.facade.localeOf(person, context.activity.locale);
    const t = translator(locale);
    const input = commandFromCard(invokeValue.action?.data);
    if (input.kind === "invalid") return messageResponse(t("teams:card.notUnderstood"));
    if (this.isReportRequest(input.command)) return cardResponse(this.reportForm(person, t, "execute"));
    const replies = await this.facade.handle(person, input.command, "teams", locale);
    return cardResponse(renderBlocksCard(replies, { mode: "execute", t }));
  }

  protected override async onConversationUpdateActivity(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const botAdded = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
    const botRemoved = (activity.membersRemoved ?? []).some((m) => m.id === activity.recipient?.id);
    if (botAdded) await this.installed(context, true);
    else if (botRemoved) await this.uninstalled(context);
  }

  protected override async onInstallationUpdateActivity(context: TurnContext): Promise<void> {
    const action = context.activity.action ?? "";
    // conversationUpdate says hello; installationUpdate only keeps the reference fresh.
    if (action.startsWith("add")) await this.installed(context, false);
    else if (action.startsWith("remove")) await this.uninstalled(context);
  }

  private async installed(context: TurnContext, greet: boolean): Promise<void> {
    if (scopeOf(context.activity) !== "personal") {
      await rememberChannel(context, this.facade);
      if (greet) {
        const t = translator(normalizeLocale(context.activity.locale));
        await context.sendActivity(cardActivity(textCard(t("teams:channelWelcome")), t("teams:channelWelcome")));
      }
      return;
    }
    const person = await this.known(context);
    if (!person || !greet) return;
    const locale = await this.facade.localeOf(person, context.activity.locale);
    const t = translator(locale);
    await context.sendActivity(cardActivity(textCard(t("teams:welcome", { name: person.name })), t("teams:welcome", { name: person.name })));
    await this.reply(context, await this.facade.handle(person, { type: "help" }, "teams", locale), t, { type: "help" });
  }

  private async uninstalled(context: TurnContext): Promise<void> {
    const activity = context.activity;
    // Removed from a personal chat: the next message Teams refuses marks the person unreachable.
    if (scopeOf(activity) === "personal") return;
    // Removed from a team: forget its channels, and the ARR channel if it was one of them.
    const teamId = (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    const ids = [teamId, activity.conversation.id.split(";")[0]].filter((id): id is string => Boolean(id));
    await this.facade.teamsRemovedFrom(tenantOf(activity), ids);
  }

  /** The directory person behind the activity; unknown people are told so and nothing is stored. */
  private async known(context: TurnContext): Promise<Person | null> {
    const person = await identify(context, this.facade, this.options.logger);
    if (!person) {
      const t = translator(normalizeLocale(context.activity.locale));
      await context.sendActivity(cardActivity(textCard(t("common:errors.notInDirectory"), "warning"), t("common:errors.notInDirectory")));
      return null;
    }
    return scopeOf(context.activity) === "personal" ? rememberPersonalChat(context, this.facade, person) : person;
  }

  private isReportRequest(command: Command): boolean {
    return command.type === "report" || (command.type === "text" && this.facade.keywords.commandOf(command.text)?.type === "report");
  }

  private reportForm(person: Person, t: Translate, mode: ActionMode): CardJson {
    // The one report form (fields, required ones, the date window) as a card.
    return reportFormCard({ t, mode, form: reportForm(t, todayFor(person, this.facade.clock())) });
  }
}

/** What the person typed, without the bot's @mention (channels) and surrounding space. */
function textOf(context: TurnContext): string {
  const text = context.activity.text ? TurnContext.removeRecipientMention(context.activity) : "";
  return (text ?? "").replace(/&nbsp;/g, " ").trim();
}


function isSuccess(message: Message): boolean {
  const first = message.blocks[0];
  return first?.kind === "text" && first.style === "success";
}

function cardResponse(card: CardJson): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: CARD_CONTENT_TYPE, value: card };
}

function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: text as unknown as Record<string, unknown> };
}
