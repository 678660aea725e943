// The agreement in words for the leader: at the report notice, the whole agreement
// (how and when to be contacted, how close, who may know, who takes which tasks, and
// the employee's own list of tasks she could do while sick).
import type { Translate } from "../locale.js";
import type { Agreement } from "./agreement.js";

export function agreementLines(t: Translate, name: string, agreement: Agreement | null): string[] {
  if (!agreement || (agreement.snapshots.length === 0 && agreement.fallbackTasks.length === 0)) return [t("agreement:notice.none", { name })];
  const lines = [t("agreement:notice.heading", { name })];
  const line = (key: string, value: string | undefined) => {
    if (value) lines.push(`• ${t(`agreement:notice.${key}`, { name, value })}`);
  };
  line("channels", agreement.channels);
  line("contactBy", agreement.contactBy);
  line("times", agreement.times);
  line("timesNote", agreement.timesNote);
  line("closeness", agreement.closeness);
  if (agreement.whoMayKnow) {
    const { code, names } = agreement.whoMayKnow;
    // Her answer was in the first person ("only my leader"); the leader reads it about her.
    const display = t(`agreement:notice.whoMayKnowValue.${code}`, { name });
    lines.push(`• ${names ? t("agreement:notice.whoMayKnowNames", { name, value: display, names }) : t("agreement:notice.whoMayKnow", { name, value: display })}`);
  }
  line("taskHandover", agreement.taskHandover);
  if (agreement.fallbackTasks.length > 0) {
    lines.push(`• ${t("agreement:notice.fallbackTasks", { name, list: agreement.fallbackTasks.join(", ") })}`);
    lines.push(t("agreement:notice.fallbackTasksHint"));
  }
  return lines;
}
