// Slack delivers at least once: an event is retried when our answer was slow or lost
// (X-Slack-Retry-Num), and a click can arrive twice. The first delivery claims its key
// through the app facade (ProcessedEvent); every later one finds it taken and does nothing.

/** Keys for each kind of delivery. */
export const dedupeKey = {
  event: (eventId: string) => `slack:event:${eventId}`,
  command: (triggerId: string) => `slack:command:${triggerId}`,
  action: (actionTs: string, userId: string, actionId: string) => `slack:action:${actionTs}:${userId}:${actionId}`,
  view: (viewId: string) => `slack:view:${viewId}`,
};
