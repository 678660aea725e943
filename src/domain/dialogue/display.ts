// An answer as the person saw it: choice labels instead of values, dates written
// out in the locale, "unknown" for an unknown date. Shared by the summary step
// and the snapshot so both show the same thing.
import type { AnswerValue } from "../messages/commands.js";
import { formatDate, type Locale, type Translate } from "../locale.js";
import type { AnswerableStep } from "./schema.js";

export function displayValue(step: AnswerableStep, value: AnswerValue | undefined, t: Translate, locale: Locale): string {
  if (value === undefined) return t("dialogue:values.notAnswered");
  switch (step.type) {
    case "single_choice":
    case "multi_choice": {
      const values = Array.isArray(value) ? value : [String(value)];
      const labels = values.map((v) => {
        const option = step.options.find((o) => o.value === v);
        return option ? t(option.labelKey) : v;
      });
      return labels.join(", ");
    }
    case "date":
      return typeof value === "string" ? formatDate(value, locale) : t("dialogue:values.unknown");
    case "percent":
      return t("dialogue:values.percent", { value: Number(value) });
    case "list":
      return Array.isArray(value) ? value.join("; ") : String(value);
    case "short_text":
    case "long_text":
      return String(value);
  }
}
