/**
 * Service input validation for callers that are not the HTTP route (the demo loader, another module): the
 * same zod → 422 as the route (`validation.ts`), under the name the follow-up modules use.
 */
export { likePattern } from "./sql.ts";
export { parseWith as parseInput } from "./validation.ts";

export const uniqueIds = (ids: readonly string[]) => [...new Set(ids)];
