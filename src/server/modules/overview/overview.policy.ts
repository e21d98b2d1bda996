import type { Actor } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";

/**
 * Every signed-in user has an overview (the public gets 401 before this runs). What each section shows is
 * scoped in the service by the same rules the owning modules apply to their lists: the office sees every
 * record, a programme director their programmes, a body's member their bodies, a partner their
 * organisations' records only.
 */
export const canReadOverview = (actor: Actor | null): actor is Actor => !!actor;

export const overviewPolicy = { read: canReadOverview } satisfies Policy<"read", null>;
