// Reminder planning and working time: pure functions, no I/O (see src/app/reminders/ for the database side).
export * from "./workingTime.js";
export * from "./policy.js";
export * from "./keys.js";
export * from "./plan.js";
export * from "./slots.js";
export * from "./substituteText.js";
