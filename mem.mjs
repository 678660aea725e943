// What serve's memory is: load the bot as serve does and print memoryUsage after idle.
const t0 = Date.now();
const { loadConfig } = await import("./dist/config/env.js");
const { createLogger } = await import("./dist/logging/logger.js");
const mu = (l) => { const m = process.memoryUsage(); console.log(l, "rss", (m.rss/1048576).toFixed(0), "heapUsed", (m.heapUsed/1048576).toFixed(0), "heapTotal", (m.heapTotal/1048576).toFixed(0), "ext", (m.external/1048576).toFixed(0), "ab", (m.arrayBuffers/1048576).toFixed(0)); };
mu("base");
const { startBot } = await import("./dist/server/bot.js");
mu("bot module");
const { schedulerBackground } = await import("./dist/scheduler/index.js");
const config = loadConfig({ ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", DATABASE_URL: "file:/tmp/fc-mem.db" });
const bot = await startBot(config, createLogger("silent"), { background: [schedulerBackground()] });
mu("started");
await new Promise((r) => setTimeout(r, 8000));
mu("idle 8s");
if (global.gc) { global.gc(); mu("after gc"); }
await bot.stop();
process.exit(0);
