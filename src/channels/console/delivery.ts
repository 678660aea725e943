// The console channel's delivery lives in the app layer (it is the outbox's channel
// of last resort, an inbox table); re-exported here for the console's own code.
export { ConsoleDelivery, arrInboxOf, takeInbox } from "../../app/facade/index.js";
