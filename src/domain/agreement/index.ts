export * from "./agreement.js";
export * from "./render.js";
