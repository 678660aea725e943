// The real server process (`serve`, run by node with tsx as its loader, or from dist/ as
// `npm start` runs it) for the crash and replica suites and the inbox benchmark, with Slack
// pointed at a fake Slack, and the signed requests they send it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { addDays } from "../../../src/domain/time/localDate.js";
import { ROOT } from "../../helpers/cli.js";
import type { Db } from "../../../src/db/client.js";
import { importDirectory } from "../../../src/app/directory/importDirectory.js";
import type { FakeSlack } from "./fakeSlack.js";
import { TEAM_ID } from "./fakeSlack.js";
import { interactionBody, signature, today, viewSubmission } from "./harness.js";
import { SECRET } from "./harness.js";

export interface Server {
  child: ChildProcess;
  url: Promise<string>;
  exited: Promise<number | null>;
}

/** `from: "dist"` runs the production build (npm start's command line; build it first). */
export function serve(databaseUrl: string, fake: FakeSlack, from: "src" | "dist" = "src"): Server {
  const args = from === "dist" ? ["--max-semi-space-size=2", path.join(ROOT, "dist/cli/entry.js")] : ["--import", "tsx", path.join(ROOT, "src/cli/main.ts")];
  const child = spawn(process.execPath, [...args, "serve"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_API_URL: fake.url,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let buffer = "";
  /** The process's last output, for the error when it exits before it is up. */
  let tail = "";
  const keep = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-4000);
  };
  child.stderr!.on("data", keep);
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      keep(d);
      buffer += d.toString();
      let i: number;
      while ((i = buffer.indexOf("\n")) >= 0) {
        const text = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        try {
          const line = JSON.parse(text) as Record<string, unknown>;
          if (typeof line.url === "string") resolve(line.url);
        } catch {
          // not a log line
        }
      }
    });
    child.on("exit", (code) => reject(new Error(`serve exited early with ${code}:\n${tail}`)));
  });
  url.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, url, exited };
}

export async function signedPost(url: string, body: string, contentType: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch(`${url}/slack/events`, {
    method: "POST",
    headers: { "content-type": contentType, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature(body, timestamp) },
    body,
  });
  await res.text();
  return res.status;
}

export function reportBody(userId: string): string {
  return interactionBody(
    viewSubmission(
      userId,
      { type: "modal", callback_id: "jd:report", blocks: [] },
      {
        start: { start: { type: "datepicker", selected_date: addDays(today(), -1) } },
        end: { end: { type: "datepicker", selected_date: addDays(today(), 14) } },
        grade: { grade: { type: "number_input", value: "100" } },
        document: { document: { type: "radio_buttons", selected_option: { value: "sykmelding", text: { type: "plain_text", text: "x" } } } },
      },
      `VCRASH${userId}`,
    ),
  );
}

export function slashStatus(fake: FakeSlack, userId: string): string {
  return new URLSearchParams({
    token: "legacy",
    team_id: TEAM_ID,
    team_domain: "firma",
    channel_id: `D${userId.slice(1)}`,
    channel_name: "directmessage",
    user_id: userId,
    user_name: userId.toLowerCase(),
    command: "/jobbdialog",
    text: "status",
    api_app_id: "A0APP",
    response_url: fake.responseUrl(`r-${userId}`),
    trigger_id: `trig-crash-${userId}`,
  }).toString();
}

/** People for a burst: n who report sick and n who ask for their status, each a Slack user. */
export function burstPeople(n: number): { reporters: string[]; askers: string[]; nameOf: (id: string) => string } {
  return {
    reporters: Array.from({ length: n }, (_, i) => `U0R${String(i).padStart(2, "0")}`),
    askers: Array.from({ length: n }, (_, i) => `U0S${String(i).padStart(2, "0")}`),
    nameOf,
  };
}

const emailOf = (id: string) => `${id.toLowerCase()}@firma.no`;
const nameOf = (id: string) => `Person ${id.slice(2)}`;

/** Puts the people in the directory and in the fake Slack (found there by e-mail). */
export async function addBurstPeople(db: Db, fake: FakeSlack, people: string[]): Promise<void> {
  for (const id of people) fake.addUser({ id, email: emailOf(id) });
  const csv = ["email,name,leader_email,locale,jurisdiction,timezone,slack_user_id,teams_user_id,roles", ...people.map((id) => `${emailOf(id)},${nameOf(id)},,en,NO,Europe/Oslo,${id},,`)].join("\n");
  await importDirectory(db, csv, { defaultTimeZone: "Europe/Oslo" });
}
