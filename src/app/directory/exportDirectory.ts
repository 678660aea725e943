// `cli directory export`: the directory in the same format `import` reads, so HR
// can round-trip it through a spreadsheet (formula-like cells neutralised, see csvFormat.ts).
import { stringify } from "csv-stringify/sync";
import type { Db } from "../../db/client.js";
import { DIRECTORY_COLUMNS, neutraliseCell } from "./csvFormat.js";

export async function exportDirectory(db: Db): Promise<string> {
  const people = await db.person.findMany({ orderBy: { email: "asc" }, include: { leader: { select: { email: true } } } });
  const withRoles = people.some((p) => p.roles !== "");
  const withPhone = people.some((p) => p.phone);
  const columns = [...DIRECTORY_COLUMNS, ...(withRoles ? ["roles"] : []), ...(withPhone ? ["phone"] : [])];
  const rows = people.map((p) => {
    const row = [p.email, p.name, p.leader?.email ?? "", p.locale ?? "", p.jurisdiction, p.timeZone, p.slackUserId ?? "", p.teamsUserId ?? ""];
    return [...row, ...(withRoles ? [p.roles.split(",").filter(Boolean).join(";")] : []), ...(withPhone ? [p.phone ?? ""] : [])];
  });
  // Every cell, not only names: an e-mail or id may start with "=" or "@" too.
  return stringify([columns, ...rows.map((row) => row.map(neutraliseCell))]);
}
