// Plays the Teams service: builds Bot Framework activities as Teams sends them
// (personal chat, team channel, installs, card submits, Action.Execute invokes)
// and POSTs them to the bot's /api/messages, the way Microsoft's service would.
import { randomUUID } from "node:crypto";

export const TENANT = "7d3f1c52-0b7e-4c8e-9b55-2f1c7a6b9e01";
export const BOT = { id: "28:jobbdialog-bot", name: "Jobbdialog" };

export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId: string;
}

export interface Posted {
  status: number;
  body: unknown;
}

export class TeamsClient {
  constructor(
    private readonly botUrl: string,
    private readonly serviceUrl: string,
    private readonly headers: () => Record<string, string> | Promise<Record<string, string>> = () => ({}),
  ) {}

  static personalConversation(user: TeamsUser): string {
    return `a:personal-${user.aadObjectId}`;
  }

  base(user: TeamsUser, conversation: Record<string, unknown>, channelData: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      id: `f:${randomUUID()}`,
      channelId: "msteams",
      serviceUrl: this.serviceUrl,
      timestamp: new Date().toISOString(),
      locale: "nb-NO",
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: BOT,
      conversation: { tenantId: TENANT, ...conversation },
      channelData: { tenant: { id: TENANT }, ...channelData },
    };
  }

  personal(user: TeamsUser, extra: Record<string, unknown>): Record<string, unknown> {
    return { ...this.base(user, { id: TeamsClient.personalConversation(user), conversationType: "personal" }), ...extra };
  }

  /** What Teams sends when the user adds the app (conversationUpdate, then installationUpdate). */
  installPersonal(user: TeamsUser): Record<string, unknown>[] {
    return [
      this.personal(user, { type: "conversationUpdate", membersAdded: [{ id: BOT.id }] }),
      this.personal(user, { type: "installationUpdate", action: "add" }),
    ];
  }

  text(user: TeamsUser, text: string): Record<string, unknown> {
    return this.personal(user, { type: "message", text, textFormat: "plain" });
  }

  /** An Action.Submit click: the card's data merged with the inputs, as a reply to the card. */
  submit(user: TeamsUser, value: Record<string, unknown>, replyToId: string): Record<string, unknown> {
    return this.personal(user, { type: "message", value, replyToId });
  }

  channel(user: TeamsUser, team: { teamId: string; channelId: string }, extra: Record<string, unknown>): Record<string, unknown> {
    return {
      ...this.base(
        user,
        { id: `${team.channelId};messageid=${Date.now()}${Math.floor(Math.random() * 1000)}`, conversationType: "channel", isGroup: true },
        { team: { id: team.teamId }, channel: { id: team.channelId } },
      ),
      ...extra,
    };
  }

  /** "@Jobbdialog <text>" in a team channel. */
  channelText(user: TeamsUser, team: { teamId: string; channelId: string }, text: string): Record<string, unknown> {
    const mention = `<at>${BOT.name}</at>`;
    return this.channel(user, team, {
      type: "message",
      text: `${mention} ${text}`,
      entities: [{ type: "mention", text: mention, mentioned: BOT }],
    });
  }

  /** An Action.Execute click (or an automatic refresh) as the adaptiveCard/action invoke. */
  execute(activity: Record<string, unknown>, verb: string, data: Record<string, unknown>, trigger: "manual" | "automatic" = "manual"): Record<string, unknown> {
    return { ...activity, type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data }, trigger } };
  }

  async post(activity: Record<string, unknown>): Promise<Posted> {
    const response = await fetch(`${this.botUrl}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(await this.headers()) },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, body };
  }

  async postOk(activity: Record<string, unknown>): Promise<Posted> {
    const result = await this.post(activity);
    if (result.status !== 200) throw new Error(`bot answered ${result.status}: ${JSON.stringify(result.body)}`);
    return result;
  }
}
