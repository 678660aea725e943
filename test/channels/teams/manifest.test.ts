// The Teams app package: the manifest and its English localization validate against
// Microsoft's official schemas (bundled in @microsoft/app-manifest, offline), the
// icons are what Teams requires, the bot commands are words the bot understands,
// and `cli teams package` builds the zip with our app id and host.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { Command } from "commander";
import JSZip from "jszip";
import { AppManifestUtils } from "@microsoft/app-manifest";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../helpers/tempDb.js";
import { registerTeams } from "../../../src/cli/commands/teams.js";
import { createRuntime, CliUsageError } from "../../../src/cli/runtime.js";
import { MANIFEST_DIR, PACKAGE_FILES, PLACEHOLDER_HOST, PLACEHOLDER_ID } from "../../../src/channels/teams/manifest.js";
import { keywordOf } from "../../../src/app/conversation/keywords.js";

const require = createRequire(import.meta.url);
type Json = Record<string, any>;

const read = (file: string): Json => JSON.parse(readFileSync(path.join(MANIFEST_DIR, file), "utf8")) as Json;

/** Microsoft's localization schema, with one pattern's bracket escaped so a unicode-mode RegExp accepts it. */
function localizationSchema(version: string): Json {
  const dir = path.join(path.dirname(require.resolve("@microsoft/app-manifest")), "json-schemas", "teams", `v${version}`);
  const schema = JSON.parse(readFileSync(path.join(dir, "MicrosoftTeams.Localization.schema.json"), "utf8")) as Json;
  schema.patternProperties = Object.fromEntries(Object.entries(schema.patternProperties as Json).map(([k, v]) => [k.replace(/\\b\]/g, "\\b\\]"), v]));
  return schema;
}

function decodePng(buffer: Buffer): { width: number; height: number; colourType: number; pixels: Buffer } {
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString("ascii", offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") header = body;
    if (type === "IDAT") data.push(body);
    offset += 12 + length;
  }
  const width = header!.readUInt32BE(0);
  const height = header!.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(data));
  const pixels = Buffer.alloc(width * height * 4);
  // The icon script writes filter 0 (none) rows only.
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    raw.copy(pixels, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, colourType: header![9]!, pixels };
}

describe("Teams app manifest", () => {
  const manifest = read("manifest.json");
  const localization = read("en.json");
  const version = String(manifest.manifestVersion);

  it("validates against the official Teams schema of its version", async () => {
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
    expect(await AppManifestUtils.validateAgainstSchema(manifest as never)).toEqual([]);
    // The validator does catch mistakes.
    expect(await AppManifestUtils.validateAgainstSchema({ ...manifest, id: "not-a-guid" } as never)).not.toEqual([]);
  });

  it("has an English localization that validates and covers every text", async () => {
    const schema = localizationSchema(version);
    expect(await AppManifestUtils.validateAgainstSchema(localization as never, schema as never)).toEqual([]);
    expect(await AppManifestUtils.validateAgainstSchema({ ...localization, "name.nickname": "x" } as never, schema as never)).not.toEqual([]);
    const lists = manifest.bots[0].commandLists as Array<{ commands: unknown[] }>;
    lists.forEach((list, l) =>
      list.commands.forEach((_c, c) => {
        expect(localization[`bots[0].commandLists[${l}].commands[${c}].title`], `${l}/${c}`).toBeTypeOf("string");
        expect(localization[`bots[0].commandLists[${l}].commands[${c}].description`], `${l}/${c}`).toBeTypeOf("string");
      }),
    );
  });

  it("declares the bot, the personal tab and SSO for one app id, with placeholders the package replaces", () => {
    expect(manifest.id).toBe(PLACEHOLDER_ID);
    expect(manifest.bots[0].botId).toBe(PLACEHOLDER_ID);
    expect(manifest.bots[0].scopes).toEqual(expect.arrayContaining(["personal", "team"]));
    expect(manifest.webApplicationInfo).toEqual({ id: PLACEHOLDER_ID, resource: `api://${PLACEHOLDER_HOST}/${PLACEHOLDER_ID}` });
    const tab = (manifest.staticTabs as Json[]).find((t) => t.contentUrl);
    expect(tab).toMatchObject({ contentUrl: `https://${PLACEHOLDER_HOST}/tab`, scopes: ["personal"] });
    expect(manifest.validDomains).toEqual([PLACEHOLDER_HOST]);
  });

  it("offers only commands the bot understands, in both languages", () => {
    const lists = manifest.bots[0].commandLists as Array<{ scopes: string[]; commands: Array<{ title: string }> }>;
    const titles = lists.flatMap((list, l) =>
      list.commands.flatMap((c, i) => [
        { scope: list.scopes[0], title: c.title },
        { scope: list.scopes[0], title: String(localization[`bots[0].commandLists[${l}].commands[${i}].title`]) },
      ]),
    );
    for (const { scope, title } of titles) {
      // Personal chat speaks the core's commands; a channel also its own (registering the ARR channel).
      const understood = scope === "personal" ? keywordOf(title) !== undefined && keywordOf(title) !== "arrChannel" : keywordOf(title) !== undefined;
      expect(understood, `${scope}: ${title}`).toBe(true);
    }
    expect(keywordOf("syk")).toBe("report");
    expect(keywordOf("sick")).toBe("report");
  });

  it("has a 192×192 colour icon and a 32×32 white-on-transparent outline icon", () => {
    const color = decodePng(readFileSync(path.join(MANIFEST_DIR, "color.png")));
    expect([color.width, color.height, color.colourType]).toEqual([192, 192, 6]);
    const outline = decodePng(readFileSync(path.join(MANIFEST_DIR, "outline.png")));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const kinds = new Set<string>();
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      kinds.add(a === 0 ? "transparent" : r === 255 && g === 255 && b === 255 ? "white" : `other ${r},${g},${b},${a}`);
    }
    expect([...kinds].sort()).toEqual(["transparent", "white"]);
  });

  it("packages the zip with `cli teams package`, ready to upload", async () => {
    const dir = tempDir();
    const output = path.join(dir, "jobbdialog.zip");
    const appId = "5B0C2A41-8F7E-4D2B-A3C9-6E1F0D9B7A25";
    const runtime = createRuntime({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: { ...process.env, JOBBDIALOG_LOCALE: "en", MICROSOFT_APP_ID: "" } });
    const lines: string[] = [];
    runtime.stdout = (text) => void lines.push(text);
    const program = new Command("jobbdialog").exitOverride();
    registerTeams(program, runtime);
    await program.parseAsync(["teams", "package", "--app-id", appId, "--host", "jobbdialog.firma.no", "-o", output], { from: "user" });
    expect(lines.join("\n")).toMatch(/Wrote .*jobbdialog\.zip \(app id 5b0c2a41-8f7e-4d2b-a3c9-6e1f0d9b7a25, host jobbdialog\.firma\.no\)/);

    const zip = await JSZip.loadAsync(readFileSync(output));
    expect(Object.keys(zip.files).sort()).toEqual([...PACKAGE_FILES].sort());
    const packaged = JSON.parse(await zip.file("manifest.json")!.async("string")) as Json;
    const id = appId.toLowerCase();
    expect(packaged.id).toBe(id);
    expect(packaged.bots[0].botId).toBe(id);
    expect(packaged.webApplicationInfo).toEqual({ id, resource: `api://jobbdialog.firma.no/${id}` });
    expect(packaged.staticTabs[0].contentUrl).toBe("https://jobbdialog.firma.no/tab");
    expect(JSON.stringify(packaged)).not.toContain(PLACEHOLDER_ID);
    expect(await AppManifestUtils.validateAgainstSchema(packaged as never)).toEqual([]);
    expect(Buffer.compare(await zip.file("color.png")!.async("nodebuffer"), readFileSync(path.join(MANIFEST_DIR, "color.png")))).toBe(0);

    // Without an app id (none given, none configured) or with a URL for a host: a usage error.
    const again = new Command("jobbdialog").exitOverride();
    registerTeams(again, runtime);
    await expect(again.parseAsync(["teams", "package", "--host", "jobbdialog.firma.no", "-o", output], { from: "user" })).rejects.toThrow(CliUsageError);
    await expect(again.parseAsync(["teams", "package", "--app-id", appId, "--host", "https://jobbdialog.firma.no/", "-o", output], { from: "user" })).rejects.toThrow(/--host/);
  });
});
