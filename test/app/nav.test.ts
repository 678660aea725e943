// Sending a confirmed plan to NAV and the doctor through NAV's LPS API, against a fake
// Maskinporten and a fake LPS API on 127.0.0.1: from the chat and from the CLI, retries,
// every ApiError, the national identity number refused before sending and gone after.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenedDb } from "../../src/db/client.js";
import { importDirectory } from "../../src/app/directory/importDirectory.js";
import { createServices, type Services } from "../../src/app/services.js";
import { ConfigError, loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/logging/logger.js";
import { requestNavSend } from "../../src/app/nav/send.js";
import { MaskinportenClient } from "../../src/integrations/nav/maskinporten.js";
import { LpsClient } from "../../src/integrations/nav/lps.js";
import { runNavJobs } from "../../src/app/nav/job.js";
import { createNotificationRenderer } from "../../src/app/notify/templates.js";
import { payloadOf } from "../../src/app/notify/outbox.js";
import { translator } from "../../src/i18n/index.js";
import { maskNationalId } from "../../src/domain/nav/nationalId.js";
import { timelineFor } from "../../src/app/timeline.js";
import { timelineLines } from "../../src/domain/timeline/index.js";
import type { AppContext } from "../../src/app/context.js";
import type { Command } from "../../src/domain/messages/commands.js";
import type { InputBlock, Message } from "../../src/domain/messages/model.js";
import type { Person } from "../../src/generated/prisma/client.js";
import { buttons, textOf } from "../helpers/conversationDriver.js";
import { runCli } from "../helpers/cli.js";
import { createTempDb, tempDir, testDialect, type TempDb } from "../helpers/tempDb.js";
import { startFakeNav, type FakeNav } from "../helpers/fakeNav.js";
import { makeConfirmedPlan } from "../helpers/demoPlan.js";

// NAV's published test identities (navikt/lps-oppfolgingsplan-mottak README): valid check digits.
const ID_ANNE = "05908399546";
const ID_OLA = "01898299631";
const ID_OTHER = "17054026641";

// The fake's keys live here; the database is a SQLite file or, in the postgresql project, a database of its own.
const dir = tempDir();
let url: string;
const PEOPLE = [
  "email,name,leader_email,locale,jurisdiction,timezone,roles",
  "lise@firma.no,Lise Leder,,en,NO,Europe/Oslo,",
  "anne@firma.no,Anne Ansatt,lise@firma.no,en,NO,Europe/Oslo,",
  "ola@firma.no,Ola Nordmann,lise@firma.no,nb,NO,Europe/Oslo,",
  "kari@firma.no,Kari Nordmann,lise@firma.no,nb,NO,Europe/Oslo,",
  "hanne@firma.no,Hanne HR,,en,NO,Europe/Oslo,hr",
  "stian@firma.no,Stian Fremmed,,en,NO,Europe/Oslo,",
].join("\n");

let fake: FakeNav;
let tmp: TempDb;
/** The open client: tmp's, or a new one after the CLI test let go of the database. */
let opened: OpenedDb;
let ctx: AppContext;
let services: Services;
const person = (email: string) => opened.db.person.findUniqueOrThrow({ where: { email } });

/** A plan made the way the demo makes Ola's: both dialogues, then the employee confirms. */
async function confirmedPlan(employee: Person, leaderAnswers: Record<string, unknown> = {}): Promise<{ planId: string; version: number }> {
  const lise = await person("lise@firma.no");
  const start = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  const { planId, version: latest } = await makeConfirmedPlan(services.conversation, opened.db, employee, lise, { start, leaderAnswers: leaderAnswers as never });
  const version = await opened.db.planVersion.findUniqueOrThrow({ where: { planId_version: { planId, version: latest } } });
  expect(version.reviewStatus).toBe("confirmed");
  return { planId, version: version.version };
}

/** The console inbox of a person, rendered as text (what they would read in `cli chat`). */
async function inboxText(email: string): Promise<string> {
  const p = await person(email);
  const rows = await opened.db.consoleInbox.findMany({ where: { personId: p.id }, orderBy: { createdAt: "asc" } });
  return textOf(rows.map((r) => JSON.parse(r.message) as Message));
}

/** Everything in the database that could hold a national identity number, as one text. */
async function everythingStored(): Promise<string> {
  const tables = ["Outbox", "AuditLog", "DialogueSession", "ConsoleInbox", "PostedMessage", "NavSubmission", "PlanVersion", "Plan", "Person", "MilestoneState"];
  const parts: string[] = [];
  for (const table of tables) parts.push(JSON.stringify(await opened.db.$queryRawUnsafe(`SELECT * FROM "${table}"`), (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v)));
  return parts.join("\n");
}

function inputOf(messages: Message[]): InputBlock | undefined {
  return messages.flatMap((m) => m.blocks).find((b): b is InputBlock => b.kind === "input");
}

beforeAll(async () => {
  fake = await startFakeNav(dir);
  tmp = await createTempDb();
  opened = tmp;
  url = tmp.url;
  await importDirectory(opened.db, PEOPLE, { defaultTimeZone: "Europe/Oslo" });
  ctx = { config: loadConfig({ DATABASE_URL: url, ...fake.env }), db: opened.db, logger: createLogger("silent"), clock: () => new Date() };
  services = createServices(ctx);
});

afterAll(async () => {
  if (opened && opened !== tmp) await opened.close();
  await tmp?.dispose();
  await fake?.close();
});

describe("configuration", () => {
  it("names what is missing when Maskinporten is half configured, and checks the key file", () => {
    const { MASKINPORTEN_KID: _kid, NAV_LPS_API_URL: _api, ...partial } = fake.env;
    const error = (() => {
      try {
        loadConfig({ DATABASE_URL: url, ...partial });
      } catch (e) {
        return e as ConfigError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toMatch(/MASKINPORTEN_KID/);
    expect(error!.message).toMatch(/NAV_LPS_API_URL/);
    const notAKey = path.join(dir, "not-a-key.pem");
    writeFileSync(notAKey, "hello");
    expect(() => loadConfig({ DATABASE_URL: url, ...fake.env, MASKINPORTEN_PRIVATE_KEY_FILE: notAKey })).toThrow(/MASKINPORTEN_PRIVATE_KEY_FILE: .* is not an RSA private key/);
    expect(() => loadConfig({ DATABASE_URL: url, ...fake.env, MASKINPORTEN_PRIVATE_KEY_FILE: path.join(dir, "missing.pem") })).toThrow(/MASKINPORTEN_PRIVATE_KEY_FILE: cannot read/);
    expect(loadConfig({ DATABASE_URL: url }).nav).toBeUndefined();
  });
});

describe("Maskinporten client", () => {
  it("signs a grant the fake Maskinporten accepts (signature, kid, every claim) and caches the token", async () => {
    const before = fake.grants.length;
    const client = new MaskinportenClient({ config: ctx.config.nav! });
    const first = await client.token();
    expect(await client.token()).toBe(first);
    expect(fake.grants.length).toBe(before + 1);
    const grant = fake.grants.at(-1)!;
    expect(grant.header).toMatchObject({ alg: "RS256", kid: fake.kid });
    expect(grant.claims).toMatchObject({ iss: fake.clientId, aud: fake.audience, scope: "nav:oppfolgingsplan/lps.write" });
    expect(Number(grant.claims.exp) - Number(grant.claims.iat)).toBeLessThanOrEqual(120);
    client.invalidate();
    expect(await client.token()).not.toBe(first);
    expect(fake.grants.at(-1)!.claims.jti).not.toBe(grant.claims.jti);
  });

  it("sends consumer_org in a delegated setup, and a token about to expire is replaced", async () => {
    const delegated = await startFakeNav(dir, { consumerOrg: "910825518", tokenLifetimeS: 30 });
    try {
      const config = loadConfig({ DATABASE_URL: url, ...delegated.env }).nav!;
      const client = new MaskinportenClient({ config });
      await client.token();
      await client.token();
      // A 30-second token is inside the refresh margin: every call gets a fresh one.
      expect(delegated.grants.length).toBe(2);
      expect(delegated.grants[0]!.claims.consumer_org).toBe("910825518");
      expect(delegated.grantErrors).toEqual([]);
    } finally {
      await delegated.close();
    }
  });

  it("a grant signed with another key is refused and not retried", async () => {
    const other = await startFakeNav(dir);
    try {
      const config = { ...ctx.config.nav!, tokenUrl: other.tokenUrl, audience: other.audience, clientId: other.clientId, kid: other.kid };
      const client = new MaskinportenClient({ config });
      await expect(client.token()).rejects.toMatchObject({ name: "MaskinportenError", retryable: false });
      expect(other.grantErrors[0]).toMatch(/signature/);
    } finally {
      await other.close();
    }
  });
});

describe("from the chat", () => {
  let anne: Person;
  let planId: string;
  let messages: Message[];

  beforeAll(async () => {
    anne = await person("anne@firma.no");
    ({ planId } = await confirmedPlan(anne));
  });

  it("the leader gets Send to NAV / to the doctor on the confirmed plan; the employee and strangers may not send", async () => {
    const lise = await person("lise@firma.no");
    const confirmedNotice = await inboxText("lise@firma.no");
    expect(confirmedNotice).toMatch(/confirmed and can be sent through NAV's API/);
    messages = await services.conversation.handle(lise, { type: "plan", employeeId: anne.id }, "console");
    const send = buttons(messages).find((b) => b.command.type === "nav.send" && b.command.to.length === 2);
    expect(send?.label).toBe("Send to NAV and the doctor");
    const asEmployee = await services.conversation.handle(anne, send!.command, "console");
    expect(textOf(asEmployee)).toMatch(/Only the employee's leader, a substitute covering for them, or HR/);
    const asStranger = await services.conversation.handle(await person("stian@firma.no"), send!.command, "console");
    expect(textOf(asStranger)).toMatch(/not allowed|cannot|don't have access|no access/i);
    expect(fake.calls.filter((c) => c.method === "POST")).toHaveLength(0);
  });

  it("asks for the missing phone, refuses a bad national id before sending, then sends once", async () => {
    const lise = await person("lise@firma.no");
    const send = buttons(messages).find((b) => b.command.type === "nav.send" && b.command.to.length === 2)!;
    let reply = await services.conversation.handle(lise, send.command, "console");
    let input = inputOf(reply)!;
    expect(input.label).toMatch(/Phone number of the contact person \(Lise Leder\)/);
    reply = await services.conversation.handle(lise, { ...input.submit, answer: "+47 912 34 567" } as Command, "console");
    expect((await person("lise@firma.no")).phone).toBe("+47 912 34 567");
    input = inputOf(reply)!;
    expect(input.label).toMatch(/Anne Ansatt's national identity number/);
    expect(input.sensitive).toBe(true);

    for (const [bad, why] of [["12345", /11 digits/], ["01017012345", /check digits/], ["99999999999", /date of birth/]] as const) {
      reply = await services.conversation.handle(lise, { ...input.submit, answer: bad } as Command, "console");
      expect(textOf(reply)).toMatch(why);
      expect(textOf(reply)).not.toContain(bad);
      input = inputOf(reply)!;
    }
    expect(fake.calls.filter((c) => c.method === "POST")).toHaveLength(0);
    expect(await opened.db.outbox.count({ where: { kind: "nav_send" } })).toBe(0);

    // The job runs right after the command (afterCommand delivers): NAV has it before the reply is read.
    reply = await services.conversation.handle(lise, { ...input.submit, answer: ID_ANNE } as Command, "console");
    expect(textOf(reply)).toMatch(/Sending the plan for Anne Ansatt \(version 1\) to NAV and the doctor/);
    expect(fake.accepted).toHaveLength(1);
    expect(fake.dtoProblems).toEqual([]);
    const dto = fake.accepted[0]!.body;
    expect(dto).toMatchObject({
      employeeIdentificationNumber: ID_ANNE,
      sendPlanToNav: true,
      sendPlanToGeneralPractitioner: true,
      contactPersonFullName: "Lise Leder",
      contactPersonEmail: "lise@firma.no",
      contactPersonPhoneNumber: "+47 912 34 567",
      employeeHasContributedToPlan: true,
      employeeHasNotContributedToPlanDescription: null,
      lpsName: "Jobbdialog",
    });
    // The request as NAV received it, with the number masked (for the closing note of issue 14).
    if (process.env.NAV_CAPTURE_FILE) writeFileSync(process.env.NAV_CAPTURE_FILE, `${JSON.stringify({ ...dto, employeeIdentificationNumber: maskNationalId(ID_ANNE) }, null, 2)}\n`);

    const rows = await opened.db.navSubmission.findMany({ where: { planId } });
    expect(rows.map((r) => [r.recipient, r.status]).sort()).toEqual([["doctor", "sent"], ["nav", "sent"]]);
    const version = await opened.db.planVersion.findUniqueOrThrow({ where: { planId_version: { planId, version: 1 } } });
    expect(version.sentToNavAt).not.toBeNull();
    expect(version.sentToDoctorAt).not.toBeNull();
    const plan = await opened.db.plan.findUniqueOrThrow({ where: { id: planId } });
    // Settled as a fact of the case (the milestone's rule names plan_sent_to_doctor), not by hand.
    const { milestoneSettlement } = await import("../../src/app/settlement.js");
    expect((await milestoneSettlement(opened.db, plan.caseId!, "no.plan_to_sykmelder")).settlement).toMatchObject({ by: "plan_sent_to_doctor", manual: false });
    expect(await opened.db.outbox.count({ where: { caseId: plan.caseId!, milestoneId: "no.plan_to_sykmelder", status: "pending" } })).toBe(0);
    expect(await inboxText("lise@firma.no")).toMatch(/The plan for Anne Ansatt \(version 1\) has been delivered to NAV and the doctor/);
    expect(await inboxText("anne@firma.no")).toMatch(/Your follow-up plan \(version 1\) has been sent to NAV and the doctor/);
  });

  it("the number is gone from the database after NAV accepted the plan, and never in the audit log", async () => {
    const job = await opened.db.outbox.findFirstOrThrow({ where: { kind: "nav_send" } });
    expect(job.status).toBe("sent");
    expect(payloadOf(job).params.nationalId).toBeUndefined();
    expect(payloadOf(job).params.navUuid).toBe(fake.accepted[0]!.uuid);
    expect(await everythingStored()).not.toContain(ID_ANNE);
    const audit = await opened.db.auditLog.findMany({ where: { subjectId: anne.id, detail: { contains: "nav_send" } } });
    expect(audit).toHaveLength(1);
    // SQLite: secure_delete and the checkpoint after wiping: not even the file's free pages or the WAL hold it.
    // (PostgreSQL keeps the old row version until VACUUM; docs/nav.md says so.)
    if (testDialect() === "sqlite") for (const file of [opened.file, `${opened.file}-wal`]) if (existsSync(file)) expect(readFileSync(file).includes(Buffer.from(ID_ANNE))).toBe(false);
  });

  it("shows the sending status in the plan view and in the employee's status; a second click sends nothing", async () => {
    const lise = await person("lise@firma.no");
    const view = await services.conversation.handle(lise, { type: "plan", employeeId: anne.id }, "console");
    expect(textOf(view)).toMatch(/Sent through NAV \(version 1\)/);
    expect(textOf(view)).toMatch(/NAV: delivered/);
    expect(buttons(view).some((b) => b.command.type === "nav.send")).toBe(false);
    const status = await services.conversation.handle(anne, { type: "status" }, "console");
    expect(textOf(status)).toMatch(/the doctor \(sykmelder\): delivered/);
    const again = await services.conversation.handle(lise, { type: "nav.send", planId, version: 1, to: ["nav", "doctor"], field: "nationalId", answer: ID_ANNE }, "console");
    expect(textOf(again)).toMatch(/already been sent/);
    expect(fake.accepted).toHaveLength(1);
  });

  it("the timeline shows who asked for the sending and that NAV and the doctor have the plan, to every party of the case", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const texts = async (email: string) => {
      const viewer = await person(email);
      const timeline = await timelineFor(opened.db, viewer, anne, today, new Date(), { audit: false });
      return { role: timeline.role, lines: timelineLines(timeline.entries, { t: translator("en"), locale: "en" }).map((l) => l.text) };
    };
    for (const email of ["anne@firma.no", "lise@firma.no", "hanne@firma.no"]) {
      const { role, lines } = await texts(email);
      expect(["employee", "leader", "hr"]).toContain(role);
      // Asked for once (the second click added nothing), delivered to both at once.
      expect(lines.filter((l) => /asked for version 1 of the plan to be sent/.test(l))).toEqual(["Lise Leder (leader) asked for version 1 of the plan to be sent to NAV and the doctor (sykmelder)"]);
      expect(lines).toContain("Version 1 of the plan delivered to NAV and the doctor (sykmelder)");
      expect(lines.join("\n")).not.toContain(ID_ANNE);
      // In order: the request before the delivery.
      expect(lines.findIndex((l) => l.startsWith("Lise Leder (leader) asked"))).toBeLessThan(lines.indexOf("Version 1 of the plan delivered to NAV and the doctor (sykmelder)"));
    }
    // Someone outside the case gets the timeline's refusal, not the sendings.
    await expect(timelineFor(opened.db, await person("stian@firma.no"), anne, today, new Date(), { audit: false })).rejects.toThrow();
  });
});

describe("retries and NAV's errors", () => {
  let ola: Person;
  let olaPlan: { planId: string; version: number };
  const hr = () => person("hanne@firma.no");

  beforeAll(async () => {
    ola = await person("ola@firma.no");
    olaPlan = await confirmedPlan(ola);
    await opened.db.person.update({ where: { email: "lise@firma.no" }, data: { phone: "+47 912 34 567" } });
  });

  it("a 503 then success sends the plan once", async () => {
    const lise = await person("lise@firma.no");
    const posts = fake.calls.filter((c) => c.method === "POST").length;
    const accepted = fake.accepted.length;
    fake.nextPost.push({ status: 503, body: { status: "SERVICE_UNAVAILABLE", type: "SERVICE_UNAVAILABLE", message: "Person lookup service temporarily unavailable." } });
    const result = await requestNavSend(ctx, { employee: ola, requester: lise, actor: { personId: lise.id, label: "leader" }, nationalId: ID_OLA, recipients: ["nav"], today: new Date().toISOString().slice(0, 10) });
    const now = new Date(Date.now() + 1000);
    await services.deliver(now);
    expect(services.lastNavJobs()).toMatchObject({ retried: 1, sent: 0 });
    const row = await opened.db.outbox.findUniqueOrThrow({ where: { idempotencyKey: result.outboxKey! } });
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "NAV answered HTTP 503" });
    expect(row.dueAt.getTime()).toBeGreaterThan(now.getTime());
    // Not due yet: nothing happens.
    await services.deliver(now);
    expect(fake.calls.filter((c) => c.method === "POST").length).toBe(posts + 1);
    await services.deliver(new Date(now.getTime() + 2 * 60_000));
    expect(services.lastNavJobs()).toMatchObject({ sent: 1 });
    await services.deliver(new Date(now.getTime() + 60 * 60_000));
    expect(fake.calls.filter((c) => c.method === "POST").length).toBe(posts + 2);
    expect(fake.accepted.length).toBe(accepted + 1);
    const submission = await opened.db.navSubmission.findUniqueOrThrow({ where: { planId_version_recipient: { planId: olaPlan.planId, version: olaPlan.version, recipient: "nav" } } });
    expect(submission.status).toBe("sent");
    expect(await everythingStored()).not.toContain(ID_OLA);
  });

  const cases = [
    { type: "VALIDATION_ERROR", status: 400, message: "needsHelpFromNavDescription is obligatory if needsHelpFromNav is true", text: /NAV found something in the plan it cannot take/, hr: true },
    { type: "AUTHENTICATION_ERROR", status: 401, message: "JWT is expired", text: /did not accept our system's credentials \(Maskinporten\)/, hr: true },
    { type: "NO_ACTIVE_SENT_SYKMELDING", status: 403, message: "No active sykmelding sent to employer", text: /no active sick note/, hr: false },
    { type: "NO_ACTIVE_EMPLOYMENT", status: 403, message: "No active employment relationship found for given orgnumber", text: /no active employment/, hr: true },
    { type: "GENERAL_PRACTITIONER_NOT_FOUND", status: 404, message: "General practitioner was not found", text: /could not find the employee's doctor/, hr: false },
    { type: "EMPLOYEE_NOT_FOUND", status: 404, message: "Could not find requested person in our systems", text: /does not know this national identity number/, hr: false },
  ] as const;

  for (const c of cases) {
    it(`${c.type} gives the sender a clear message${c.hr ? ", and HR what to do" : ""}; the number is wiped`, async () => {
      const kari = await person("kari@firma.no");
      const plan = await opened.db.plan.findFirst({ where: { employeeId: kari.id } });
      if (!plan) await confirmedPlan(kari);
      const lise = await person("lise@firma.no");
      if (c.status === 401) {
        // NAV refusing the token: we fetch one fresh token, and believe NAV the second time.
        fake.nextPost.push({ status: 401, body: { status: "UNAUTHORIZED", type: c.type, message: c.message } });
      }
      fake.nextPost.push({ status: c.status, body: { status: String(c.status), type: c.type, message: c.message } });
      const result = await requestNavSend(ctx, { employee: kari, requester: lise, actor: { personId: lise.id, label: "leader" }, nationalId: ID_OTHER, recipients: ["doctor"], today: new Date().toISOString().slice(0, 10) });
      const now = new Date(Date.now() + 1000);
      await services.deliver(now);
      const submission = await opened.db.navSubmission.findFirstOrThrow({ where: { planId: result.sendable.plan.id, recipient: "doctor" } });
      expect(submission).toMatchObject({ status: "failed", errorType: c.type });
      const job = await opened.db.outbox.findUniqueOrThrow({ where: { idempotencyKey: result.outboxKey! } });
      expect(job.status).toBe("cancelled");
      expect(payloadOf(job).params.nationalId).toBeUndefined();
      expect(await everythingStored()).not.toContain(ID_OTHER);

      const render = createNotificationRenderer(ctx, services.templates);
      const notices = await opened.db.outbox.findMany({ where: { kind: "nav_result", idempotencyKey: { contains: job.id } } });
      const forLise = notices.find((n) => n.recipientId === lise.id)!;
      const message = await render(payloadOf(forLise), { kind: "person", person: lise }, forLise);
      expect(textOf([message!])).toMatch(c.text);
      expect(textOf([message!])).toMatch(/NAV did not accept the plan for Kari Nordmann/);
      const hanne = await hr();
      const hrNotice = notices.find((n) => n.recipientId === hanne.id);
      expect(Boolean(hrNotice)).toBe(c.hr);
      if (hrNotice) expect(textOf([(await render(payloadOf(hrNotice), { kind: "person", person: hanne }, hrNotice))!])).toMatch(new RegExp(c.type));
    });
  }

  it("FOLLOWUP_PLAN_NOT_FOUND when asking for the sending status tells the sender and HR", async () => {
    const kari = await person("kari@firma.no");
    const lise = await person("lise@firma.no");
    fake.deliverAtOnce = false;
    fake.nextStatus.push({ status: 404, body: { status: "NOT_FOUND", type: "FOLLOWUP_PLAN_NOT_FOUND", message: "The follow-up plan with a given uuid was not found" } });
    try {
      const result = await requestNavSend(ctx, { employee: kari, requester: lise, actor: { personId: lise.id, label: "leader" }, nationalId: ID_OTHER, recipients: ["doctor"], today: new Date().toISOString().slice(0, 10) });
      const now = new Date(Date.now() + 1000);
      await services.deliver(now);
      expect(services.lastNavJobs()).toMatchObject({ accepted: 1 });
      let submission = await opened.db.navSubmission.findFirstOrThrow({ where: { planId: result.sendable.plan.id, recipient: "doctor" } });
      expect(submission.status).toBe("accepted");
      // Accepted: the number is wiped although the job still asks for the status.
      const job = await opened.db.outbox.findUniqueOrThrow({ where: { idempotencyKey: result.outboxKey! } });
      expect(payloadOf(job).params.nationalId).toBeUndefined();
      await services.deliver(new Date(now.getTime() + 5 * 60_000));
      submission = await opened.db.navSubmission.findFirstOrThrow({ where: { planId: result.sendable.plan.id, recipient: "doctor" } });
      expect(submission).toMatchObject({ status: "failed", errorType: "FOLLOWUP_PLAN_NOT_FOUND" });
      const hanne = await hr();
      const render = createNotificationRenderer(ctx, services.templates);
      const notice = await opened.db.outbox.findFirstOrThrow({ where: { kind: "nav_result", recipientId: hanne.id, idempotencyKey: { contains: job.id } } });
      expect(textOf([(await render(payloadOf(notice), { kind: "person", person: hanne }, notice))!])).toMatch(/FOLLOWUP_PLAN_NOT_FOUND/);
    } finally {
      fake.deliverAtOnce = true;
    }
  });

  it("the timeline keeps NAV's refusals with their reason, for the leader and HR", async () => {
    const kari = await person("kari@firma.no");
    const today = new Date().toISOString().slice(0, 10);
    for (const email of ["lise@firma.no", "hanne@firma.no", "kari@firma.no"]) {
      const timeline = await timelineFor(opened.db, await person(email), kari, today, new Date(), { audit: false });
      const lines = timelineLines(timeline.entries, { t: translator("en"), locale: "en" }).map((l) => l.text);
      // Every request is kept (the audit log); the row holds NAV's latest answer: the plan it lost.
      expect(lines.filter((l) => l === "Lise Leder (leader) asked for version 1 of the plan to be sent to the doctor (sykmelder)").length).toBe(cases.length + 1);
      expect(lines).toContain("NAV did not accept version 1 of the plan for the doctor (sykmelder): NAV no longer finds the plan it accepted");
    }
  });

  it("a plan asking NAV for help cannot go to the doctor alone", async () => {
    const ola2 = await person("ola@firma.no");
    const lise = await person("lise@firma.no");
    const plan = await opened.db.planVersion.findFirstOrThrow({ where: { planId: olaPlan.planId, version: olaPlan.version } });
    const content = JSON.parse(plan.content) as Record<string, unknown>;
    await opened.db.planVersion.update({ where: { id: plan.id }, data: { content: JSON.stringify({ ...content, needsHelpFromNav: true }) } });
    try {
      await expect(requestNavSend(ctx, { employee: ola2, requester: lise, actor: { personId: lise.id, label: "leader" }, nationalId: ID_OLA, recipients: ["doctor"], today: "2026-12-01" })).rejects.toMatchObject({ key: "nav:errors.helpNeedsNav" });
    } finally {
      await opened.db.planVersion.update({ where: { id: plan.id }, data: { content: plan.content } });
    }
  });

  it("a request NAV does not answer in time is tried again later, and the plan is sent once", async () => {
    const kari = await person("kari@firma.no");
    const lise = await person("lise@firma.no");
    // The job's own client with a short deadline; NAV (the fake) answers only after 1.5 s.
    const lps = new LpsClient({ baseUrl: ctx.config.nav!.apiUrl, tokens: new MaskinportenClient({ config: ctx.config.nav! }), timeoutMs: 200 });
    const accepted = fake.accepted.length;
    fake.nextPost.push({ status: 504, body: { status: "GATEWAY_TIMEOUT", type: "GATEWAY_TIMEOUT", message: "too late" }, delayMs: 1500 });
    const result = await requestNavSend(ctx, { employee: kari, requester: lise, actor: { personId: lise.id, label: "leader" }, nationalId: ID_OTHER, recipients: ["doctor"], today: new Date().toISOString().slice(0, 10) });
    const now = new Date(Date.now() + 1000);
    expect(await runNavJobs({ ...ctx, caseChanged: services.caseChanged }, lps, now)).toMatchObject({ retried: 1, sent: 0 });
    const row = await opened.db.outbox.findUniqueOrThrow({ where: { idempotencyKey: result.outboxKey! } });
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toMatch(/no answer within 200 ms/);
    expect(row.dueAt.getTime()).toBeGreaterThan(now.getTime());
    // Not due yet: nothing is sent again.
    expect(await runNavJobs({ ...ctx, caseChanged: services.caseChanged }, lps, now)).toMatchObject({ claimed: 0 });
    expect(await runNavJobs({ ...ctx, caseChanged: services.caseChanged }, lps, new Date(now.getTime() + 2 * 60_000))).toMatchObject({ sent: 1 });
    expect(fake.accepted.length).toBe(accepted + 1);
    const submission = await opened.db.navSubmission.findFirstOrThrow({ where: { planId: result.sendable.plan.id, recipient: "doctor" } });
    expect(submission.status).toBe("sent");
    expect(await everythingStored()).not.toContain(ID_OTHER);
  });
});

describe("cli", () => {
  beforeAll(async () => {
    const ola = await person("ola@firma.no");
    if (!(await opened.db.planVersion.findFirst({ where: { plan: { employeeId: ola.id }, reviewStatus: "confirmed" } }))) await confirmedPlan(ola);
    await opened.db.person.update({ where: { email: "lise@firma.no" }, data: { phone: "+47 912 34 567" } });
  });

  it("plan send and nav verify from the command line; without the settings it says what is missing", async () => {
    const env = { DATABASE_URL: url, ...fake.env };
    // The CLI is another process on the same file: this process lets go of it meanwhile.
    await opened.close();
    const verify = await runCli(["nav", "verify"], { env });
    expect(verify.stderr).toBe("");
    expect(verify.stdout).toMatch(/answered: Integration is up and running/);

    const accepted = fake.accepted.length;
    const send = await runCli(["plan", "send", "--employee", "ola@firma.no", "--national-id", "-", "--to", "doctor"], { env, input: `${ID_OLA}\n` });
    expect(send.stderr).toBe("");
    expect(send.code).toBe(0);
    expect(send.stdout).toMatch(/the doctor \(sykmelder\): delivered \(version 1, NAV's id [0-9a-f-]{36}\)/);
    expect(fake.accepted.length).toBe(accepted + 1);
    expect(fake.accepted.at(-1)!.body).toMatchObject({ employeeIdentificationNumber: ID_OLA, sendPlanToNav: false, sendPlanToGeneralPractitioner: true });

    const again = await runCli(["plan", "send", "--employee", "ola@firma.no", "--national-id", ID_OLA, "--to", "doctor"], { env });
    expect(again.stdout).toMatch(/already been sent to the doctor/);
    expect(fake.accepted.length).toBe(accepted + 1);

    const bad = await runCli(["plan", "send", "--employee", "anne@firma.no", "--national-id", "01017012345"], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/check digits/);

    const missing = await runCli(["plan", "send", "--employee", "anne@firma.no", "--national-id", ID_ANNE], { env: { DATABASE_URL: url } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Missing settings: MASKINPORTEN_TOKEN_URL, MASKINPORTEN_AUDIENCE, MASKINPORTEN_CLIENT_ID, MASKINPORTEN_KID, MASKINPORTEN_PRIVATE_KEY_FILE, NAV_LPS_API_URL/);
    opened = await openDatabase(url);
    ctx = { ...ctx, db: opened.db };
    expect(await everythingStored()).not.toContain(ID_OLA);
  }, 240_000);

  it("without Maskinporten settings the chat does not offer sending", async () => {
    const plain = createServices({ ...ctx, config: loadConfig({ DATABASE_URL: url }) });
    const lise = await person("lise@firma.no");
    const kari = await person("kari@firma.no");
    const view = await plain.conversation.handle(lise, { type: "plan", employeeId: kari.id }, "console");
    expect(textOf(view)).toMatch(/Kari Nordmann/);
    expect(buttons(view).some((b) => b.command.type === "nav.send")).toBe(false);
  });
});
