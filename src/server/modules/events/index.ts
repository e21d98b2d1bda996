/** The events module's door (started for the public face, issue 18): what other modules may read. */

export * as personalData from "./events.personal-data.ts";
export { listPublicEvents } from "./events.queries.ts";
export type { EventRecord } from "./events.records.ts";
export { purgeExpiredDietaryNeeds, purgeExpiredRegistrations } from "./events.retention.ts";
export { type AttendanceListEntry, recordAttendanceList } from "./attendance-list.service.ts";
export { createEvent } from "./events.service.ts";
export { hasEvents } from "./events.seed.ts";
export { setQuestionsForType } from "./feedback.service.ts";
export { participantTable, participantTableSql } from "./participant-table.service.ts";
export { createGroup, setNetworkMembers, updateGroup } from "./series.service.ts";
