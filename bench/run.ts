// Runs the benchmarks and prints their figures: `npm run bench` (all) or
// `npm run bench -- milestones start slack-ack slack-inbox scheduler tick import queries guard` (some). Each benchmark is a
// module in this folder with an exported main(); none asserts a time — they report.
import { pathToFileURL } from "node:url";
import path from "node:path";

const ALL = ["milestones", "start", "slack-ack", "slack-inbox", "scheduler", "tick", "import", "queries", "guard"] as const;

async function run(names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (!(ALL as readonly string[]).includes(name)) {
      process.stderr.write(`unknown benchmark "${name}" (choose from ${ALL.join(", ")})\n`);
      process.exitCode = 2;
      return;
    }
    process.stdout.write(`\n### ${name}\n`);
    const module = (await import(pathToFileURL(path.join(import.meta.dirname, `${name}.ts`)).href)) as { main: (argv?: string[]) => Promise<void> };
    await module.main([]);
  }
}

await run(process.argv.length > 2 ? process.argv.slice(2) : ALL);
