// The people module's door (started for issue 20): what other modules may use.
export * as personalData from "./people.personal-data.ts";
export {
  existingPersonIds,
  type PersonReferenceReads,
  personIdsOfUser,
  personNames,
  providePersonReferenceReads,
  userIdOfPerson,
} from "./people.queries.ts";
export { registerPeopleRoutes } from "./people.routes.ts";
export { personIdByEmail, personIdByName, personIdOfUser } from "./people.seed.ts";
export {
  createPerson,
  ensureMemberships,
  findOrCreateParticipant,
  findOrCreateParticipants,
  findOrCreateParticipantsOnce,
  listPeople,
  type PersonRecord,
} from "./people.service.ts";
