/** The events module's door (started for the public face, issue 18): what other modules may read. */

export { recordAttendanceList } from "./attendance-list.service.ts";
export * as personalData from "./events.personal-data.ts";
export { listPublicEvents } from "./events.queries.ts";
export type { EventRecord } from "./events.records.ts";
export { purgeExpiredDietaryNeeds, purgeExpiredRegistrations } from "./events.retention.ts";
export { createEvent } from "./events.service.ts";
export { toIcs } from "./ics.ts";
export { stockholmParts } from "./local-time.ts";
