export * from "./facts.js";
export * from "./timeline.js";
export * from "./render.js";
