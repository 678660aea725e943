// Registering the ARR team's channel: an HR admin writes "@Jobbdialog arr-kanal" in a
// channel of that team, and the channel's conversation reference becomes the
// workspace's ARR channel (Workspace platform "teams", externalId = tenant id).
import type { TurnContext } from "botbuilder";
import type { ChannelFacade, Person } from "../../app/facade/index.js";
import type { Translate } from "../../i18n/index.js";
import { rememberChannel, scopeOf, tenantOf } from "./identity.js";

/** Registers the channel the activity came from; returns what to answer. */
export async function registerArrChannel(context: TurnContext, facade: ChannelFacade, person: Person, t: Translate): Promise<{ text: string; ok: boolean }> {
  if (scopeOf(context.activity) !== "channel") return { text: t("teams:arr.onlyInChannel"), ok: false };
  if (!facade.mayRegisterArrChannel(person)) return { text: t("teams:arr.notAllowed"), ok: false };
  const tenant = tenantOf(context.activity);
  const channel = await rememberChannel(context, facade);
  if (!tenant || !channel) return { text: t("common:errors.internal"), ok: false };
  const outcome = await facade.registerArrChannel(person, "teams", tenant, channel.reference);
  return outcome === "registered" ? { text: t("teams:arr.registered"), ok: true } : { text: t("teams:arr.notAllowed"), ok: false };
}
