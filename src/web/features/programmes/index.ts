/** Programmes and courses: their registers. What other features use of it: the options to choose from. */
export { courseOptionsQuery, organisationOptionsQuery, programmeOptionsQuery } from "./programmes-api.ts";
