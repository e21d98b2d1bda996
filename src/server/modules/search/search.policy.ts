import type { Actor } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";

/**
 * Every logged-in user reads the registers (see organisations.policy canReadRegisters), so every
 * logged-in user may search them; the public gets 401 from the session hook before this runs.
 */
export const canSearch = (actor: Actor | null): actor is Actor => !!actor;

export const searchPolicy = { search: canSearch } satisfies Policy<"search", null>;
