// Structured logs with pino. Personal data is redacted by key wherever it
// appears, so a log line can be shared with a vendor without leaking who is sick.
import { pino, type Logger } from "pino";

export const REDACTED_KEYS = [
  "email",
  "name",
  "text",
  "reason",
  "answer",
  "answers",
  "token",
  "password",
  "authorization",
  "cookie",
  "signingSecret",
  // Sending plans to NAV: the national identity number, the contact phone, Maskinporten's grant and token.
  "nationalId",
  "employeeIdentificationNumber",
  "phone",
  "contactPhone",
  "assertion",
  "access_token",
  "privateKeyPem",
];

export function createLogger(level: string = process.env.LOG_LEVEL ?? "info", destination?: pino.DestinationStream): Logger {
  const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  return pino(
    {
      level,
      base: { app: "jobbdialog" },
      redact: { paths, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export type { Logger };
