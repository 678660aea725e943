// The Slack channel: a Bolt app on the shared HTTP server (POST /slack/events, with
// Slack's request signing checked by Bolt) and, when SLACK_APP_TOKEN is set, over
// Socket Mode as well. Both feed the same listeners; the outbox delivers through
// SlackDelivery. SLACK_API_URL points the Web API client elsewhere (tests, proxies).
import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from "@slack/bolt";
import { screenSlackRequest } from "./intake.js";
import { WebClient, type RetryOptions } from "@slack/web-api";
import type { ChannelAdapter, RunningAdapter } from "../adapter.js";
import type { Config } from "../../config/env.js";
import { SlackDelivery, SlackPoster } from "./delivery.js";
import { Directory } from "./identity.js";
import { processSlackWork, registerListeners, type SlackRuntime } from "./listeners.js";
import { InboxRefused, parseSlackWork } from "./workItem.js";
import { slackLogger } from "./logger.js";
import { Work } from "./work.js";

export const SLACK_EVENTS_PATH = "/slack/events";

/**
 * Replies to a person's action are sent after the ack, so they may wait: a 429 is
 * waited out (Retry-After) and retried, other failures a few times with backoff,
 * all within seconds rather than the client's default half hour.
 */
export const INTERACTIVE_RETRY: RetryOptions = { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 4_000, randomize: true };
/** The outbox has its own backoff and honours Retry-After: a failed delivery reports at once. */
const DELIVERY_RETRY: RetryOptions = { retries: 1, factor: 2, minTimeout: 200, maxTimeout: 1_000, randomize: true };

function apiUrl(config: Config): string {
  const url = config.SLACK_API_URL ?? "https://slack.com/api/";
  return url.endsWith("/") ? url : `${url}/`;
}

export const slackAdapter: ChannelAdapter = {
  name: "slack",
  async start({ config, logger, router, services }): Promise<RunningAdapter> {
    const token = config.SLACK_BOT_TOKEN;
    if (!token) throw new Error("SLACK_BOT_TOKEN is required for the Slack channel");
    const log = logger.child({ channel: "slack" });
    const boltLogger = slackLogger(log);
    const slackApiUrl = apiUrl(config);
    const { facade } = services;

    // Which workspace and bot this token is: fails fast on a wrong token.
    const auth = await new WebClient(token, { slackApiUrl, logger: boltLogger, retryConfig: INTERACTIVE_RETRY }).auth.test();
    const teamId = auth.team_id;
    // The environment wins over a channel registered with `/jobbdialog kanal`; only this team's users are served.
    if (teamId) await facade.slackWorkspaceStarted(teamId, auth.team, config.SLACK_ARR_CHANNEL);

    await facade.pruneDeliveries();
    const poster = new SlackPoster(facade, log);
    const directory = new Directory(facade);
    const work = new Work(log);
    // Stored work is answered with this client (a request's own client is gone after a restart).
    const client = new WebClient(token, { slackApiUrl, logger: boltLogger, retryConfig: INTERACTIVE_RETRY });
    const runtime: SlackRuntime = { facade, logger: log, directory, poster, work, teamId, client };

    const makeApp = (receiver: Receiver) => {
      const app = new App({
        receiver,
        token,
        // Known from auth.test: Bolt needs no call of its own, and ignores the bot's own messages.
        ...(auth.bot_id ? { botId: auth.bot_id } : {}),
        ...(auth.user_id ? { botUserId: auth.user_id } : {}),
        tokenVerificationEnabled: false,
        logger: boltLogger,
        clientOptions: { slackApiUrl, retryConfig: INTERACTIVE_RETRY },
      });
      registerListeners(app, runtime);
      app.error(async (error) => {
        const original = (error as { original?: unknown }).original ?? error;
        // Work the inbox could not store must not be acknowledged: thrown on, Bolt answers 500.
        if (original instanceof InboxRefused) {
          log.error({ err: original.cause }, "slack: the inbox refused a request; not acknowledged");
          throw error;
        }
        log.error({ err: error }, "slack listener failed");
      });
      return app;
    };

    const modes: string[] = [];
    if (config.SLACK_SIGNING_SECRET) {
      // processBeforeResponse: the HTTP answer goes out when the listener is done, so an event
      // (which Bolt acknowledges before its listener runs) is stored in the inbox before its 200.
      const receiver = new HTTPReceiver({ signingSecret: config.SLACK_SIGNING_SECRET, endpoints: SLACK_EVENTS_PATH, logger: boltLogger, processBeforeResponse: true });
      makeApp(receiver);
      const signingSecret = config.SLACK_SIGNING_SECRET;
      router.add("POST", SLACK_EVENTS_PATH, async (req, res) => {
        work.holdFor(res);
        // Checked before Bolt sees it: Bolt's receiver parses the body in a detached
        // promise, so a signed `payload=null` would crash the process there.
        const refusal = await screenSlackRequest(req, signingSecret);
        if (refusal) {
          log.warn({ status: refusal.status, reason: refusal.reason }, "slack: request refused");
          res.writeHead(refusal.status);
          res.end();
          return;
        }
        await receiver.requestListener(req, res);
      });
      modes.push("http");
    }
    let socketApp: App | undefined;
    if (config.SLACK_APP_TOKEN) {
      const receiver = new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN, logger: boltLogger, installerOptions: { clientOptions: { slackApiUrl } } });
      socketApp = makeApp(receiver);
      await socketApp.start();
      modes.push("socket");
    }

    const inbox = facade.serveInbox("slack", async ({ id, payload }) => {
      const item = parseSlackWork(payload);
      if (!item) {
        log.error({ row: id }, "slack: an inbox row that is not Slack work; skipped");
        return;
      }
      await processSlackWork(runtime, item);
    }, { beforeClaim: () => work.yield() });

    const deliveryClient = new WebClient(token, { slackApiUrl, logger: boltLogger, rejectRateLimitedCalls: true, retryConfig: DELIVERY_RETRY });
    const delivery = new SlackDelivery({ facade, client: deliveryClient, poster, directory, teamId, logger: log });
    log.info({ team: teamId, modes }, "slack channel ready");
    return {
      delivery,
      health: () => ({ modes, team: teamId ?? null, inFlight: work.inFlight + inbox.inFlight }),
      async stop() {
        if (socketApp) await socketApp.stop();
        // Rows under way are finished (or given back for the next start); then the modal openers.
        await inbox.stop(10_000);
        await work.drain(10_000);
      },
    };
  },
};
