import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { invitations, roleAssignments, users } from "../../platform/platform.schema.ts";
import { createSession, loadActor } from "./accounts.service.ts";

/**
 * Accounts for people who sign in through an identity provider (SAML, OpenID Connect): the identity module
 * asks here, since only this module writes users, roles and sessions.
 */

export type ExternalUserOutcome = "existing" | "invitation" | "created";

/**
 * The user with this e-mail; else, when an open invitation names the address, a user with the invited roles
 * (the invitation is spent); else a new user without roles, whom an administrator gives roles later.
 * Inside the caller's transaction; a concurrent first sign-in with the same address meets the unique e-mail
 * and finds the other's user.
 */
export async function ensureExternalUser(
  tx: Tx,
  input: { email: string; name: string },
): Promise<{ userId: string; active: boolean; outcome: ExternalUserOutcome }> {
  const email = input.email.trim().toLowerCase();
  const [found] = await tx.select().from(users).where(eq(users.email, email));
  if (found) return { userId: found.id, active: found.active, outcome: "existing" };
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(
      and(eq(invitations.email, email), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date())),
    )
    .limit(1);
  const [created] = await tx
    .insert(users)
    .values({ email, name: invitation?.name ?? input.name })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!created) {
    const [other] = await tx.select().from(users).where(eq(users.email, email));
    return { userId: other.id, active: other.active, outcome: "existing" };
  }
  if (!invitation) return { userId: created.id, active: true, outcome: "created" };
  if (invitation.roles.length)
    await tx.insert(roleAssignments).values(invitation.roles.map((r) => ({ ...r, userId: created.id })));
  await tx.update(invitations).set({ usedAt: new Date() }).where(eq(invitations.id, invitation.id));
  return { userId: created.id, active: true, outcome: "invitation" };
}

/** Whether the user may sign in at all (an administrator may have deactivated the account). */
export async function isActiveUser(db: Db | Tx, userId: string): Promise<boolean> {
  const [user] = await db.select({ active: users.active }).from(users).where(eq(users.id, userId));
  return user?.active === true;
}

/** A normal session for a user who proved who they are elsewhere; refuses a deactivated account. */
export async function startExternalSession(tx: Tx, userId: string) {
  if (!(await isActiveUser(tx, userId))) throw new AppError("ssoInactive");
  return createSession(tx, userId);
}

export { logout as endSession } from "./accounts.service.ts";
export { loadActor as actorOf };
