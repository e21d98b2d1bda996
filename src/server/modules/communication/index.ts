/** The communication module's door (started for retention, issue 20): what other modules may use. */
export { purgeExpiredSubscribers } from "./communication.retention.ts";
