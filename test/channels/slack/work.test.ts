// Work after the ack: it waits while a request is still being answered (bounded, so
// it never starves), runs one person's tasks in order, and reports when it is idle.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { Work } from "../../../src/channels/slack/work.js";
import { createLogger } from "../../../src/logging/logger.js";

const logger = createLogger("silent");

describe("slack work queue", () => {
  it("starts a task only once pending answers are sent, or after the longest deferral", async () => {
    const work = new Work(logger, { concurrency: 2, maxDeferMs: 400 });
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const server = createServer((_req, res) => {
      work.holdFor(res);
      work.start("u1", "t", async () => {
        events.push("task");
      });
      // The answer goes out 100 ms later; the task must not run before it.
      void held.then(() => {
        events.push("answered");
        res.end("ok");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const response = fetch(url);
    setTimeout(release, 100);
    await (await response).text();
    await work.drain(2000);
    expect(events).toEqual(["answered", "task"]);

    // An answer that never finishes delays work by at most maxDeferMs.
    const started = Date.now();
    const stuck = createServer((_req, res) => work.holdFor(res));
    await new Promise<void>((r) => stuck.listen(0, "127.0.0.1", () => r()));
    const controller = new AbortController();
    const pending = fetch(`http://127.0.0.1:${(stuck.address() as AddressInfo).port}`, { signal: controller.signal }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    let ran = 0;
    work.start("u2", "t", async () => {
      ran = Date.now();
    });
    await work.drain(3000);
    expect(ran - started).toBeGreaterThanOrEqual(400);
    expect(ran - started).toBeLessThan(2000);
    controller.abort();
    await pending;
    stuck.closeAllConnections();
    await new Promise<void>((r) => stuck.close(() => r()));
    await new Promise<void>((r) => server.close(() => r()));
  });

  it("runs one person's tasks in order, others alongside, and survives a failing task", async () => {
    const work = new Work(logger, { concurrency: 4 });
    const order: string[] = [];
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    work.start("a", "t", async () => {
      await sleep(60);
      order.push("a1");
    });
    work.start("a", "t", async () => {
      throw new Error("boom");
    });
    work.start("a", "t", async () => {
      order.push("a3");
    });
    work.start("b", "t", async () => {
      order.push("b1");
    });
    expect(work.inFlight).toBe(4);
    await work.drain(2000);
    expect(work.inFlight).toBe(0);
    expect(order).toEqual(["b1", "a1", "a3"]);
  });
});
