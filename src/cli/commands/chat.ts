import { type Command, Option } from "commander";
import type { CliRuntime } from "../runtime.js";
import { SUPPORTED_LOCALES, type Locale } from "../../i18n/index.js";

/** `cli chat --as <email>`: the whole product in a terminal, on the same core as Slack and Teams. */
export function registerChat(program: Command, runtime: CliRuntime): void {
  const { t } = runtime;
  program
    .command("chat")
    .description(t("cli:chat.description"))
    .requiredOption("--as <email>", t("cli:chat.as"))
    .addOption(new Option("--locale <locale>", t("cli:chat.locale")).choices([...SUPPORTED_LOCALES]))
    .action(async (options: { as: string; locale?: Locale }) => {
      // The whole composition root: every notification can be delivered and every change re-plans.
      const services = await runtime.services();
      const { requirePersonByEmail } = await import("../../app/people.js");
            const { runConsoleChat } = await import("../../channels/console/chat.js");
      const person = await requirePersonByEmail(services.ctx.db, options.as);
      await runConsoleChat({
        facade: services.facade,
        person,
        locale: options.locale ?? (await services.facade.localeOf(person)),
        input: runtime.io.stdin,
        output: runtime.io.stdout,
      });
    });
}
