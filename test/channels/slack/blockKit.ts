// A test-side check of Block Kit payloads against Slack's documented limits (there is
// no offline validator): text lengths, block and element counts, ids, options.
// Written from Slack's reference, independently of the renderer's own limit table.
type Json = Record<string, unknown>;

const MAX = {
  message: 50,
  modal: 100,
  home: 100,
};

export type Surface = keyof typeof MAX;

class Checker {
  readonly problems: string[] = [];
  private readonly actionIds = new Set<string>();
  private readonly blockIds = new Set<string>();

  fail(where: string, what: string): void {
    this.problems.push(`${where}: ${what}`);
  }

  text(where: string, value: unknown, max: number, opts: { plainOnly?: boolean } = {}): void {
    const t = value as Json | undefined;
    if (!t || typeof t !== "object") return this.fail(where, "missing text object");
    if (t.type !== "plain_text" && t.type !== "mrkdwn") return this.fail(where, `bad text type ${String(t.type)}`);
    if (opts.plainOnly && t.type !== "plain_text") this.fail(where, "must be plain_text");
    const s = t.text;
    if (typeof s !== "string" || s.length === 0) return this.fail(where, "empty text");
    if (s.length > max) this.fail(where, `text ${s.length} > ${max}`);
  }

  actionId(where: string, id: unknown): void {
    if (typeof id !== "string" || id.length === 0) return this.fail(where, "missing action_id");
    if (id.length > 255) this.fail(where, `action_id ${id.length} > 255`);
    if (this.actionIds.has(id)) this.fail(where, `duplicate action_id ${id}`);
    this.actionIds.add(id);
  }

  blockId(where: string, id: unknown): void {
    if (id === undefined) return;
    if (typeof id !== "string" || id.length === 0 || id.length > 255) return this.fail(where, `bad block_id ${String(id)}`);
    if (this.blockIds.has(id)) this.fail(where, `duplicate block_id ${id}`);
    this.blockIds.add(id);
  }

  options(where: string, options: unknown, max: number): Set<string> {
    const values = new Set<string>();
    if (!Array.isArray(options) || options.length === 0) {
      this.fail(where, "no options");
      return values;
    }
    if (options.length > max) this.fail(where, `${options.length} options > ${max}`);
    options.forEach((o: Json, i) => {
      this.text(`${where}.options[${i}]`, o.text, 75);
      if (o.description !== undefined) this.text(`${where}.options[${i}].description`, o.description, 75);
      const v = o.value;
      if (typeof v !== "string" || v.length === 0 || v.length > 150) this.fail(`${where}.options[${i}]`, `bad value ${String(v)}`);
      else if (values.has(v)) this.fail(`${where}.options[${i}]`, `duplicate value ${v}`);
      else values.add(v);
    });
    return values;
  }

  initial(where: string, values: Set<string>, initial: unknown): void {
    const list = Array.isArray(initial) ? initial : initial ? [initial] : [];
    for (const o of list as Json[]) if (!values.has(String(o.value))) this.fail(where, `initial option ${String(o.value)} is not an option`);
  }

  element(where: string, e: Json): void {
    this.actionId(where, e.action_id);
    switch (e.type) {
      case "button":
        this.text(`${where}.text`, e.text, 75, { plainOnly: true });
        if (e.value !== undefined && (typeof e.value !== "string" || e.value.length > 2000)) this.fail(where, "button value too long");
        if (e.style !== undefined && e.style !== "primary" && e.style !== "danger") this.fail(where, `bad style ${String(e.style)}`);
        if (e.url !== undefined && String(e.url).length > 3000) this.fail(where, "url too long");
        return;
      case "checkboxes":
      case "radio_buttons": {
        const values = this.options(where, e.options, 10);
        this.initial(where, values, e.type === "checkboxes" ? e.initial_options : e.initial_option);
        return;
      }
      case "static_select":
      case "multi_static_select": {
        const values = this.options(where, e.options, 100);
        this.initial(where, values, e.type === "multi_static_select" ? e.initial_options : e.initial_option);
        if (e.placeholder !== undefined) this.text(`${where}.placeholder`, e.placeholder, 150, { plainOnly: true });
        return;
      }
      case "plain_text_input": {
        const max = typeof e.max_length === "number" ? e.max_length : 3000;
        if (max > 3000 || max < 1) this.fail(where, `max_length ${max}`);
        if (typeof e.initial_value === "string" && e.initial_value.length > max) this.fail(where, "initial_value longer than max_length");
        if (e.placeholder !== undefined) this.text(`${where}.placeholder`, e.placeholder, 150, { plainOnly: true });
        return;
      }
      case "number_input": {
        if (typeof e.is_decimal_allowed !== "boolean") this.fail(where, "is_decimal_allowed is required");
        const n = (v: unknown) => (v === undefined ? undefined : Number(v));
        const [min, max, init] = [n(e.min_value), n(e.max_value), n(e.initial_value)];
        if (init !== undefined && ((min !== undefined && init < min) || (max !== undefined && init > max))) this.fail(where, "initial_value out of range");
        return;
      }
      case "datepicker":
        if (e.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(e.initial_date))) this.fail(where, "bad initial_date");
        return;
      default:
        this.fail(where, `unexpected element ${String(e.type)}`);
    }
  }

  block(where: string, b: Json, surface: Surface): void {
    this.blockId(where, b.block_id);
    switch (b.type) {
      case "header":
        return this.text(`${where}.text`, b.text, 150, { plainOnly: true });
      case "divider":
        return;
      case "section": {
        if (b.text === undefined && b.fields === undefined) this.fail(where, "section without text or fields");
        if (b.text !== undefined) this.text(`${where}.text`, b.text, 3000);
        if (b.fields !== undefined) {
          const fields = b.fields as Json[];
          if (fields.length > 10) this.fail(where, `${fields.length} fields > 10`);
          fields.forEach((f, i) => this.text(`${where}.fields[${i}]`, f, 2000));
        }
        if (b.accessory !== undefined) this.element(`${where}.accessory`, b.accessory as Json);
        return;
      }
      case "context": {
        const elements = b.elements as Json[];
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10) this.fail(where, "context needs 1–10 elements");
        elements?.forEach((e, i) => this.text(`${where}.elements[${i}]`, e, 3000));
        return;
      }
      case "actions": {
        const elements = b.elements as Json[];
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25) this.fail(where, "actions needs 1–25 elements");
        elements?.forEach((e, i) => this.element(`${where}.elements[${i}]`, e));
        return;
      }
      case "input": {
        this.text(`${where}.label`, b.label, 2000, { plainOnly: true });
        if (b.hint !== undefined) this.text(`${where}.hint`, b.hint, 2000, { plainOnly: true });
        if (!b.element) return this.fail(where, "input without element");
        this.element(`${where}.element`, b.element as Json);
        if (surface === "message" && b.dispatch_action === true) this.fail(where, "unexpected dispatch_action");
        return;
      }
      default:
        this.fail(where, `unexpected block type ${String(b.type)}`);
    }
  }
}

export function checkBlocks(blocks: unknown, surface: Surface): string[] {
  const c = new Checker();
  if (!Array.isArray(blocks)) return ["blocks is not an array"];
  if (blocks.length > MAX[surface]) c.fail(surface, `${blocks.length} blocks > ${MAX[surface]}`);
  blocks.forEach((b: Json, i) => c.block(`${surface}.blocks[${i}]`, b, surface));
  return c.problems;
}

export function checkView(view: Json): string[] {
  const surface: Surface = view.type === "home" ? "home" : "modal";
  const problems = checkBlocks(view.blocks, surface);
  if (surface === "modal") {
    const c = new Checker();
    c.text("modal.title", view.title, 24, { plainOnly: true });
    if (view.submit !== undefined) c.text("modal.submit", view.submit, 24, { plainOnly: true });
    if (view.close !== undefined) c.text("modal.close", view.close, 24, { plainOnly: true });
    if (typeof view.callback_id === "string" && view.callback_id.length > 255) c.fail("modal", "callback_id too long");
    if (typeof view.private_metadata === "string" && view.private_metadata.length > 3000) c.fail("modal", "private_metadata too long");
    problems.push(...c.problems);
  }
  return problems;
}

/** Every problem in every payload the bot sent to the fake Web API. */
export function checkAllCalls(calls: Array<{ method: string; body: Record<string, unknown> }>): string[] {
  const problems: string[] = [];
  for (const call of calls) {
    const tag = `${call.method}#${calls.indexOf(call)}`;
    if (call.method === "chat.postMessage" || call.method === "chat.update") {
      const text = call.body.text;
      if (typeof text !== "string" || text.length === 0) problems.push(`${tag}: missing fallback text`);
      else if (text.length > 40_000) problems.push(`${tag}: text too long`);
      if (call.body.blocks !== undefined) problems.push(...checkBlocks(call.body.blocks, "message").map((p) => `${tag} ${p}`));
    }
    if (call.method === "views.open" || call.method === "views.publish") {
      problems.push(...checkView(call.body.view as Json).map((p) => `${tag} ${p}`));
    }
  }
  return problems;
}
