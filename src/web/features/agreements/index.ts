/** Agreements (cooperation agreements). What other features use of it: the list of agreements. */
export { agreementsQuery } from "./agreements-api.ts";
