// Every locale key the code names exists in every complete locale (nb, en), so no
// user ever sees a raw key. Keys built at run time from a known prefix
// (`bot:measure.${action}`) must at least have that prefix in every complete locale.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMPLETE_LOCALES, loadResources } from "../../src/i18n/index.js";

const SRC = path.join(import.meta.dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated") return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith(".ts") ? [full] : [];
  });
}

const resources = loadResources();
const namespaces = new Set(Object.values(resources).flatMap((r) => Object.keys(r)));

function lookup(locale: string, ns: string, keyPath: string): unknown {
  let node: unknown = resources[locale]?.[ns];
  for (const part of keyPath.split(".")) {
    if (node === undefined || node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function exists(locale: string, ns: string, keyPath: string): boolean {
  const direct = lookup(locale, ns, keyPath);
  if (typeof direct === "string") return true;
  // i18next plurals: key_one / key_other
  return typeof lookup(locale, ns, `${keyPath}_one`) === "string" || typeof lookup(locale, ns, `${keyPath}_other`) === "string";
}

const literal = /["'`]([a-z][a-zA-Z]*):([a-zA-Z0-9_.]+[a-zA-Z0-9_])["'`]/g;
const prefixed = /`([a-z][a-zA-Z]*):([a-zA-Z0-9_.]*)\$\{/g;

describe("locale keys used in the code", () => {
  const used: Array<{ file: string; ns: string; key: string }> = [];
  const prefixes: Array<{ file: string; ns: string; prefix: string }> = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(literal)) if (namespaces.has(m[1]!)) used.push({ file: path.relative(SRC, file), ns: m[1]!, key: m[2]! });
    for (const m of text.matchAll(prefixed)) if (namespaces.has(m[1]!) && m[2]) prefixes.push({ file: path.relative(SRC, file), ns: m[1]!, prefix: m[2]!.replace(/\.$/, "") });
  }

  it("finds the keys it checks (the scan itself works)", () => {
    expect(used.length).toBeGreaterThan(100);
    expect(used.some((u) => u.ns === "bot" && u.key === "help.title")).toBe(true);
  });

  for (const locale of COMPLETE_LOCALES) {
    it(`every literal key exists in ${locale}`, () => {
      const missing = used.filter((u) => !exists(locale, u.ns, u.key)).map((u) => `${u.file}: ${u.ns}:${u.key}`);
      expect([...new Set(missing)]).toEqual([]);
    });
    it(`every dynamic key prefix exists in ${locale}`, () => {
      const missing = prefixes.filter((p) => typeof lookup(locale, p.ns, p.prefix) !== "object").map((p) => `${p.file}: ${p.ns}:${p.prefix}`);
      expect([...new Set(missing)]).toEqual([]);
    });
  }

  it("nb and en have the same keys in every namespace", () => {
    const keysOf = (node: unknown, prefix = ""): string[] =>
      node && typeof node === "object"
        ? Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => (typeof v === "object" && !Array.isArray(v) ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
        : [];
    for (const ns of namespaces) {
      const nb = keysOf(resources.nb?.[ns]).sort();
      const en = keysOf(resources.en?.[ns]).sort();
      expect({ ns, missingInEn: nb.filter((k) => !en.includes(k)), missingInNb: en.filter((k) => !nb.includes(k)) }).toEqual({ ns, missingInEn: [], missingInNb: [] });
    }
  });
});
