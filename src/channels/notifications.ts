// Notification templates that channels add to the core's (src/app/notify/templates.ts).
// Kept apart from the adapters so that listing them loads no platform SDK.
import type { Template } from "../app/notify/templates.js";
import { TEAMS_TEMPLATES } from "./teams/notifications.js";

export const CHANNEL_TEMPLATES: Readonly<Record<string, Template>> = { ...TEAMS_TEMPLATES };
