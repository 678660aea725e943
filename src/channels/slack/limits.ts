// Slack refuses a whole message when one Block Kit field is too long (invalid_blocks),
// so every text that reaches Block Kit is cut here first. The numbers are Slack's
// documented limits; tests check every payload against the same table.
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  optionText: 75,
  optionDescription: 75,
  optionValue: 150,
  checkboxOptions: 10,
  selectOptions: 100,
  textInputMax: 3000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  /** The top-level `text` (the notification fallback); Slack allows far more, a notification shows little. */
  fallbackText: 3000,
} as const;

/**
 * Cuts text so its JavaScript length (UTF-16 units, never fewer than Slack's characters)
 * is at most `max`, ending in "…" when cut. Whole code points only, so no emoji is split.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as markup (links, mentions). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Undoes Slack's escaping of message text from events. */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** mrkdwn text cut to `max` after escaping (escaping lengthens text, so it comes first). */
export function mrkdwn(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  // Cut the source, not the escaped string, so no entity is split in half.
  let budget = max;
  let cut = truncate(text, budget);
  while (escapeMrkdwn(cut).length > max && budget > 1) {
    budget -= escapeMrkdwn(cut).length - max;
    cut = truncate(text, Math.max(1, budget));
  }
  return escapeMrkdwn(cut);
}
