// The chat platforms the bot can run on. The console channel needs no adapter
// (it is the `cli chat` command and the outbox's channel of last resort).
import type { ChannelAdapter } from "./adapter.js";
import { slackAdapter } from "./slack/index.js";
import { teamsAdapter } from "./teams/index.js";

export const CHANNEL_ADAPTERS: readonly ChannelAdapter[] = [slackAdapter, teamsAdapter];
