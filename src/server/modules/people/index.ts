// The people module's door (started for issue 20): what other modules may use.
export * as personalData from "./people.personal-data.ts";
export { registerPeopleRoutes } from "./people.routes.ts";
export { createPerson, listPeople, type PersonRecord } from "./people.service.ts";
