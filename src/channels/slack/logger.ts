// Bolt and the Web API client log through our pino logger (with its redaction),
// not their own console logger.
import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import type { Logger } from "../../logging/logger.js";

export function slackLogger(logger: Logger): SlackLogger {
  let child = logger.child({ component: "slack" });
  let level: LogLevel = LogLevel.INFO;
  const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m : JSON.stringify(m))).join(" ");
  return {
    debug: (...msg: unknown[]) => child.debug(text(msg)),
    info: (...msg: unknown[]) => child.info(text(msg)),
    warn: (...msg: unknown[]) => child.warn(text(msg)),
    error: (...msg: unknown[]) => child.error(text(msg)),
    // Our LOG_LEVEL decides; Bolt's own level requests are remembered only to be reported back.
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (name: string) => {
      child = logger.child({ component: "slack", name });
    },
  };
}
