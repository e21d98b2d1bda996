/** The communication module's door (started for issue 20): what other modules may use. */

export * as personalData from "./communication.personal-data.ts";
export { purgeExpiredSubscribers } from "./communication.retention.ts";

export { registerCommunicationRoutes } from "./communication.routes.ts";
