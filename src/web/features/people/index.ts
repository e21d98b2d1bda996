/** People: the person register. What other features use of it: the list of people to choose from. */
export { peopleChoicesQuery } from "./people-api.ts";
