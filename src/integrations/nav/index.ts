// The NAV integration of one process: a Maskinporten client (its token cache lives here,
// not in a module) and the LPS API client that uses it.
import type { NavConfig } from "../../config/env.js";
import { LpsClient } from "./lps.js";
import { MaskinportenClient } from "./maskinporten.js";

export interface NavIntegration {
  maskinporten: MaskinportenClient;
  lps: LpsClient;
}

export function createNavIntegration(config: NavConfig, options: { timeoutMs?: number } = {}): NavIntegration {
  const maskinporten = new MaskinportenClient({ config, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  const lps = new LpsClient({ baseUrl: config.apiUrl, tokens: maskinporten, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  return { maskinporten, lps };
}
