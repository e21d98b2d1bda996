// The people module's door (started for issue 20): what other modules may use.
export * as personalData from "./people.personal-data.ts";
export { createPerson } from "./people.service.ts";
