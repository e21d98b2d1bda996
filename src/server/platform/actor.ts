import type { RoleAssignment, RoleKey } from "../../common/roles.ts";
import { unauthenticated } from "./errors.ts";

/** Who is acting. `null` everywhere means the public (not logged in). */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  roles: RoleAssignment[];
  /** Set when the request came with a personal API token (accounts/api-tokens.ts) instead of a session. */
  apiToken?: { id: string; name: string; readOnly: boolean };
}

/** The system itself, e.g. the demo loader or the start-up bootstrap; recorded as such in the audit log. */
export const systemActor: Actor = {
  userId: "00000000-0000-0000-0000-000000000000",
  name: "Samspel (system)",
  email: "system@samspel.invalid",
  roles: [{ role: "admin", scopeType: null, scopeId: null }],
};

export function hasRole(actor: Actor | null, role: RoleKey): boolean {
  return !!actor?.roles.some((r) => r.role === role);
}

export const isAdmin = (actor: Actor | null) => hasRole(actor, "admin");
/** Administrators and the collaboration office run the platform's shared registers. */
export const isStaff = (actor: Actor | null) => isAdmin(actor) || hasRole(actor, "coordinator");

/** The ids a role is scoped to, e.g. the programmes a programme director is responsible for. */
export function scopedIds(
  actor: Actor | null,
  role: RoleKey,
  scopeType: "organisation" | "programme",
): string[] {
  if (!actor) return [];
  return actor.roles
    .filter((r) => r.role === role && r.scopeType === scopeType && r.scopeId)
    .map((r) => r.scopeId as string);
}

/** Narrows `Actor | null` to `Actor` or throws 401. */
export function requireActor(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw unauthenticated();
}
