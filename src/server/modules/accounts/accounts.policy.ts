import { type Actor, isAdmin, isStaff } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";

/** Only administrators manage accounts, invitations and roles, and read the audit log. */
export const canAdministerUsers = (actor: Actor | null) => isAdmin(actor);
export const canReadAuditLog = (actor: Actor | null) => isAdmin(actor);

export const accountsPolicy = {
  /** Invitations, the user list, one user, activation and roles. */
  administer: canAdministerUsers,
  readAuditLog: canReadAuditLog,
} satisfies Policy<"administer" | "readAuditLog", null>;

/** What the web shell may show; the client reads these instead of re-implementing the rules. */
export function globalAbilities(actor: Actor | null) {
  return { administer: isAdmin(actor), coordinate: isStaff(actor) };
}
