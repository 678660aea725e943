// The Teams app package: manifests/teams/ (manifest, its English localization, the
// two icons) with the placeholder ids and host replaced by the real ones, zipped
// flat as Teams expects for upload (sideloading or the admin center).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";

export const MANIFEST_DIR = fileURLToPath(new URL("../../../manifests/teams/", import.meta.url));
export const PACKAGE_FILES = ["manifest.json", "en.json", "color.png", "outline.png"] as const;

/** The placeholders in manifests/teams/*.json. */
export const PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";
export const PLACEHOLDER_HOST = "jobbdialog.example.com";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/i;

export function isAppId(value: string | undefined): value is string {
  return value !== undefined && GUID.test(value) && value !== PLACEHOLDER_ID;
}

export function isHost(value: string | undefined): value is string {
  return value !== undefined && HOST.test(value);
}

export interface PackageOptions {
  /** The bot's Microsoft app id; also the Teams app id and the SSO app. */
  appId: string;
  /** Where the bot and the tab are served (https), e.g. jobbdialog.example.no. */
  host: string;
  dir?: string;
}

/** A manifest file with the real app id and host. */
export function fillIn(text: string, options: Pick<PackageOptions, "appId" | "host">): string {
  return text.split(PLACEHOLDER_ID).join(options.appId.toLowerCase()).split(PLACEHOLDER_HOST).join(options.host.toLowerCase());
}

export async function buildTeamsPackage(options: PackageOptions): Promise<{ zip: Buffer; manifest: Record<string, unknown>; localization: Record<string, unknown> }> {
  const dir = options.dir ?? MANIFEST_DIR;
  const zip = new JSZip();
  const manifest = JSON.parse(fillIn(readFileSync(`${dir}manifest.json`, "utf8"), options)) as Record<string, unknown>;
  const localization = JSON.parse(fillIn(readFileSync(`${dir}en.json`, "utf8"), options)) as Record<string, unknown>;
  zip.file("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file("en.json", `${JSON.stringify(localization, null, 2)}\n`);
  zip.file("color.png", readFileSync(`${dir}color.png`));
  zip.file("outline.png", readFileSync(`${dir}outline.png`));
  // A fixed date keeps the package byte-for-byte the same for the same input.
  const date = new Date("2026-01-01T00:00:00Z");
  for (const file of Object.values(zip.files)) file.date = date;
  const buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", platform: "UNIX" });
  return { zip: buffer, manifest, localization };
}
