#!/usr/bin/env node
// The CLI's process entry (`npm start`, `npm run cli`, the `jobbdialog` bin): `--version`
// is answered from package.json alone, without loading the app (the whole command tree
// pulls in Prisma, zod and the holiday tables); everything else goes to main.ts.
import { readVersion } from "../version.js";

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) process.stdout.write(`${readVersion()}\n`);
else await import("./main.js");
