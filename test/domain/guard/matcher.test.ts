import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PHRASES, SLOT_SOURCES, TERMS } from "../../../src/domain/guard/lexicon.js";
import { collectSpans, compileWordRegex, compileWordRegexes, expandSlots, type Span } from "../../../src/domain/guard/matcher.js";
import { parseLabelledTsv } from "../../../src/domain/guard/index.js";

const slots = expandSlots(SLOT_SOURCES);
const words = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => m[0]);

describe("lexicon notation", () => {
  it("~ takes the rest of the word, and matches stay whole words", () => {
    const re = compileWordRegex(["depresj~"], slots);
    expect(words(re, "depresjonen, depresjonsbehandling og antidepresjon")).toEqual([
      "depresjonen",
      "depresjonsbehandling",
    ]);
  });

  it("* allows the term at the end of a compound with at least three letters in front", () => {
    const re = compileWordRegex(["*angst~"], slots);
    expect(words(re, "angst, sosialangst, prestasjonsangsten, fangst, trangsynt")).toEqual([
      "angst",
      "sosialangst",
      "prestasjonsangsten",
    ]);
  });

  it("a space matches spaces and hyphens", () => {
    const re = compileWordRegex(["long covid"], slots);
    expect(words(re, "long covid, long-covid, long  covid, longcovid")).toEqual(["long covid", "long-covid", "long  covid"]);
  });

  it("rejects an entry whose | would leak out of its group", () => {
    expect(() => compileWordRegex(["smerte|pine"], slots)).toThrow(/group/);
    expect(() => compileWordRegex(["{NOPE}"], slots)).toThrow(/slot/);
  });
});

describe("the compiled lexicon", () => {
  const entries = Object.values(TERMS).flat();

  it("every entry compiles on its own and matches its own plainest form", () => {
    // The literal skeleton of an entry: drop lookaheads and notation, keep optional
    // letters and the first branch of each group ("tumou?rs?" → "tumours",
    // "psykisk~ (?:plag|lidel)~" → "psykisk plag"). Catches entries that can never match.
    const skeleton = (entry: string) => {
      let text = entry
        .replace(/^\*/, "")
        .replace(/\(\?<?!(?:[^()]|\([^()]*\))*\)/g, "")
        .replace(/\{BODY(?:_EN)?\}/g, (m) => (m === "{BODY}" ? "ryggen" : "back"));
      // innermost groups first, until none is left
      for (let before = ""; before !== text; ) {
        before = text;
        text = text.replace(/\((?:\?:)?([^()|]*)(?:\|[^()]*)?\)\??/g, "$1");
      }
      return text
        .replace(/\[([^\]])[^\]]*\]/g, "$1")
        .replace(/(.)\?/g, "$1")
        .replace(/~/g, "")
        .replace(/\\/g, "");
    };
    const failing = entries.filter((entry) => {
      const text = skeleton(entry);
      return !compileWordRegex([entry], slots).test(text);
    });
    expect(failing).toEqual([]);
  });

  it("the trie-factored regex finds exactly what the entries find one by one", () => {
    const fixtures = ["labelled.tsv", "holdout.tsv"].flatMap((f) =>
      parseLabelledTsv(readFileSync(new URL(`../../fixtures/guard/${f}`, import.meta.url), "utf8")),
    );
    const combined = [compileWordRegex(entries, slots), compileWordRegex(PHRASES, slots)];
    const single = [...entries, ...PHRASES].map((e) => compileWordRegex([e], slots));
    const flagged = (res: RegExp[], text: string) => {
      const spans: Span[] = [];
      for (const re of res) collectSpans(re, text, spans);
      return spans.length > 0;
    };
    const disagree = fixtures
      .map((r) => r.text.toLowerCase())
      .filter((text) => flagged(combined, text) !== flagged(single, text));
    expect(disagree).toEqual([]);
  });
});

describe("compileWordRegexes", () => {
  it("keeps every regex under V8's limit for optimising a pattern, and finds what one regex finds", () => {
    const entries = Object.values(TERMS).flat();
    const chunks = compileWordRegexes(entries, slots);
    expect(chunks.length).toBeGreaterThan(1);
    for (const re of chunks) expect(re.source.length).toBeLessThan(20_000);
    const text = "depresjonen, sosialangst og migreneanfall; fangst og krefter";
    const found = (res: RegExp[]) => {
      const spans: Span[] = [];
      for (const re of res) collectSpans(re, text, spans);
      return spans.map((s) => text.slice(s.start, s.end)).sort();
    };
    expect(found(chunks)).toEqual(found([compileWordRegex(entries, slots)]));
    expect(found(chunks)).toEqual(["depresjonen", "migreneanfall", "sosialangst"]);
  });

  it("splits into as many regexes as the size bound asks for", () => {
    const small = compileWordRegexes(["migren~", "depresj~", "angst~"], slots, 12);
    expect(small.length).toBe(3);
    expect(compileWordRegexes(["migren~", "depresj~", "angst~"], slots).length).toBe(1);
  });
});
