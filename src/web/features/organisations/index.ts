/** Organisations: the organisation register. What other features use of it: the choices and the register refresh. */
export { organisationChoicesQuery, useInvalidateRegisters } from "./organisations-api.ts";
