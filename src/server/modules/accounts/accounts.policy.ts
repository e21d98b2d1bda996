import { type Actor, isAdmin, isStaff } from "../../platform/actor.ts";

/** Only administrators manage accounts, invitations and roles, and read the audit log. */
export const canAdministerUsers = (actor: Actor | null) => isAdmin(actor);
export const canReadAuditLog = (actor: Actor | null) => isAdmin(actor);

/** What the web shell may show; the client reads these instead of re-implementing the rules. */
export function globalAbilities(actor: Actor | null) {
  return { administer: isAdmin(actor), coordinate: isStaff(actor) };
}
