// Reading Adaptive Cards the way a Teams client would (their text, inputs and
// buttons), and checking them with Microsoft's own Adaptive Cards parser.
import { createRequire } from "node:module";

export type Card = Record<string, unknown>;
export type Element = Record<string, unknown>;

const require = createRequire(import.meta.url);
// The browser bundle parses and validates without a DOM when loaded directly.
const AC = require("adaptivecards/dist/adaptivecards.js") as {
  AdaptiveCard: new () => { parse(json: unknown, ctx: unknown): void; validateProperties(): { validationEvents: Array<{ message: string }> } };
  SerializationContext: new (version?: unknown) => { eventCount: number; getEventAt(i: number): { message: string } };
  Versions: Record<string, unknown>;
};

/** Every problem the Adaptive Cards parser reports for a card (empty when it is fine). */
export function cardProblems(card: Card): string[] {
  const problems: string[] = [];
  if (card.type !== "AdaptiveCard") problems.push("not an AdaptiveCard");
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  // Teams refuses cards over 28 KB.
  if (JSON.stringify(card).length > 28 * 1024) problems.push("larger than 28 KB");
  return problems;
}

function walk(elements: unknown, visit: (e: Element) => void): void {
  if (!Array.isArray(elements)) return;
  for (const e of elements as Element[]) {
    visit(e);
    walk(e.items, visit);
    if (Array.isArray(e.columns)) for (const c of e.columns as Element[]) walk(c.items, visit);
  }
}

export function elementsOf(card: Card): Element[] {
  const out: Element[] = [];
  walk(card.body, (e) => out.push(e));
  return out;
}

export function actionsOf(card: Card): Element[] {
  const out: Element[] = [];
  for (const e of elementsOf(card)) if (e.type === "ActionSet") out.push(...((e.actions as Element[]) ?? []));
  out.push(...((card.actions as Element[] | undefined) ?? []));
  return out;
}

export function inputsOf(card: Card): Element[] {
  return elementsOf(card).filter((e) => typeof e.type === "string" && (e.type as string).startsWith("Input."));
}

export function cardText(card: Card): string {
  return elementsOf(card)
    .flatMap((e) => {
      if (e.type === "TextBlock") return [String(e.text)];
      if (e.type === "FactSet") return (e.facts as Array<{ title: string; value: string }>).map((f) => `${f.title}: ${f.value}`);
      if (typeof e.label === "string") return [e.label];
      return [];
    })
    .join("\n");
}

/** The command a button or input carries (data.jd), if any. */
export function commandOf(action: Element): Record<string, unknown> | undefined {
  const data = action.data as Record<string, unknown> | undefined;
  return data?.jd as Record<string, unknown> | undefined;
}

export function findAction(card: Card, test: (command: Record<string, unknown>, action: Element) => boolean): Element | undefined {
  return actionsOf(card).find((a) => {
    const command = commandOf(a);
    return command !== undefined && test(command, a);
  });
}
