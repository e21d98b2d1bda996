/** The events module's door (started for the public face, issue 18): what other modules may read. */

export { type AttendanceListEntry, recordAttendanceList } from "./attendance-list.service.ts";
export { dietaryNeedsPurgeTask } from "./events.jobs.ts";
export { eventUrl, whenText } from "./events.mail.ts";

export * as personalData from "./events.personal-data.ts";
export { listPublicEvents } from "./events.queries.ts";
export type { EventRecord } from "./events.records.ts";
export { loadEvent } from "./events.records.ts";
export { purgeExpiredDietaryNeeds, purgeExpiredRegistrations } from "./events.retention.ts";
export { registerEventRoutes } from "./events.routes.ts";
export { hasEvents } from "./events.seed.ts";
export { createEvent, createEventId } from "./events.service.ts";
export { setQuestionsForType } from "./feedback.service.ts";
export { toIcs } from "./ics.ts";
export { stockholmParts } from "./local-time.ts";
export { participantTable, participantTableSql } from "./participant-table.service.ts";
export { registerPublicEventRoutes } from "./public.routes.ts";
export { withdrawInvitationConsent } from "./registrations.write.ts";
export { registerEventSeriesRoutes } from "./series.routes.ts";
export { createGroup, existingNetworkIds, setNetworkMembers, updateGroup } from "./series.service.ts";
