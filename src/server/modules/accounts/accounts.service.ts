import { hash, verify } from "@node-rs/argon2";
import { and, count, eq, inArray, lt, sql } from "drizzle-orm";
import type { RoleAssignment } from "../../../common/roles.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError } from "../../platform/errors.ts";
import { invitations, roleAssignments, sessions, users } from "../../platform/platform.schema.ts";
import { hashToken, newToken } from "../../platform/tokens.ts";
import type { MailOrigin } from "../mail/index.ts";
import { nudgeMailSender } from "../mail/index.ts";
import { accountsPolicy } from "./accounts.policy.ts";
import {
  accountKey,
  claimAttempt,
  clearAfterSuccess,
  FIRST_LOCK_SECONDS,
  findUnlock,
  queueUnlockMail,
  sourceKey,
  spendUnlock,
  type ThrottleLimits,
  tooManyLogins,
} from "./login-throttle.ts";
import { type Challenge, completeSecondStep, needsSecondFactor, openChallenge } from "./second-factor.ts";

const SESSION_DAYS = 7;
const INVITATION_DAYS = 14;
// A real hash of a throwaway password: verifying against it keeps "no such user" as slow as "wrong password".
const dummyHash = await hash("samspel-timing-equaliser");

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum recommendation). */
export const hashPassword = (password: string) => hash(password);

export async function loadActor(db: Db | Tx, userId: string): Promise<Actor | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user) return null;
  const roles = await db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId));
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    roles: roles.map((r) => ({
      role: r.role as RoleAssignment["role"],
      scopeType: r.scopeType as RoleAssignment["scopeType"],
      scopeId: r.scopeId,
    })),
  };
}

/**
 * The session lookup of every authenticated request, one round trip (session ⋈ user + roles as JSON).
 * Built once per database and prepared (named on PostgreSQL): its text never changes, so PostgreSQL
 * parses and plans it once per connection instead of on every request.
 */
function buildSessionQuery(db: Db) {
  return db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      name: users.name,
      email: users.email,
      roles: sql<
        RoleAssignment[]
      >`coalesce((select json_agg(json_build_object('role', r.role, 'scopeType', r.scope_type, 'scopeId', r.scope_id))
                from ${roleAssignments} r where r.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      sql`${sessions.id} = ${sql.placeholder("id")} and ${sessions.expiresAt} > now() and ${users.active}`,
    )
    .prepare("session_lookup");
}

const sessionQueries = new WeakMap<Db, ReturnType<typeof buildSessionQuery>>();

/** Resolves a session cookie to its actor; expired or unknown sessions resolve to null. */
export async function resolveSession(db: Db, token: string) {
  let query = sessionQueries.get(db);
  if (!query) {
    query = buildSessionQuery(db);
    sessionQueries.set(db, query);
  }
  const [row] = await query.execute({ id: hashToken(token) });
  if (!row) return null;
  const actor: Actor = { userId: row.userId, name: row.name, email: row.email, roles: row.roles };
  return { actor, sessionId: row.sessionId, csrfToken: row.csrfToken, expiresAt: row.expiresAt };
}

export interface LoginContext {
  limits: ThrottleLimits;
  /** The client's address (`request.ip`): guessing is slowed per source too. */
  source: string;
  publicUrl: string;
  mail: MailOrigin;
}

/**
 * Checks the password, but only after claiming an attempt for the source and the account within
 * their limits (login-throttle.ts). With `unlockToken` from the mail a lock sends, the owner logs in
 * despite the account's lock (the source's limit still applies); the token works once.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; unlockToken?: string },
  context: LoginContext,
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const { limits, source } = context;
  const bySource = await claimAttempt(
    db,
    sourceKey(source),
    limits.maxFailedLoginsPerSource,
    limits.lockoutMinutes,
  );
  if (!bySource.allowed) throw tooManyLogins(bySource.waitSeconds);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const unlock = input.unlockToken && user ? await findUnlock(db, input.unlockToken, user.id) : null;
  const byAccount = unlock
    ? null
    : await claimAttempt(db, accountKey(email), limits.maxFailedLogins, limits.lockoutMinutes);
  if (byAccount && !byAccount.allowed) throw tooManyLogins(byAccount.waitSeconds);
  const ok = await verify(user?.passwordHash ?? dummyHash, input.password);
  if (!user?.active || !user.passwordHash || !ok) {
    const mailed = await writeWithAudit(db, null, async (tx, audit) => {
      await audit({
        action: "auth.login_failed",
        entityType: "user",
        entityId: user?.id ?? null,
        after: { email },
      });
      // The account just got locked: its owner gets a way in that a stranger does not have.
      if (byAccount?.locked && user?.active)
        return queueUnlockMail(tx, user, context.publicUrl, context.mail);
      return false;
    });
    if (mailed) nudgeMailSender(db);
    throw new AppError("badLogin");
  }
  // Refused only once the password is right: a stranger learns nothing about the account.
  if (user.emailLinkOnly) throw new AppError("emailLinkOnly");
  const actor = (await loadActor(db, user.id))!;
  return writeWithAudit(db, actor, async (tx, audit): Promise<SignInResult> => {
    if (unlock && !(await spendUnlock(tx, unlock.id))) throw tooManyLogins(FIRST_LOCK_SECONDS);
    await clearAfterSuccess(tx, email, source);
    await tx.delete(sessions).where(lt(sessions.expiresAt, new Date()));
    // Administrators give a TOTP code as well (second-factor.ts): no session until they have.
    if (needsSecondFactor(actor)) {
      const challenge = await openChallenge(tx, user, "password");
      await audit({
        action: "auth.second_factor_requested",
        entityType: "user",
        entityId: user.id,
        after: { method: "password", secondFactor: challenge.secondFactor },
      });
      return { kind: "challenge", ...challenge };
    }
    const created = await createSession(tx, user.id);
    await audit({
      action: "auth.login",
      entityType: "user",
      entityId: user.id,
      ...(unlock ? { after: { unlockLink: true } } : {}),
    });
    return { kind: "session", actor, ...created };
  });
}

/** A sign-in either opened a session or asks for the second factor first. */
export type SignInResult =
  | { kind: "session"; actor: Actor; token: string; csrfToken: string; maxAgeSeconds: number }
  | ({ kind: "challenge" } & Challenge);

/** Ends a sign-in whose second step was a TOTP code (or a confirmed enrolment): opens the session. */
export async function signInWithCode(db: Db, input: { challenge: string; code: string; enrol: boolean }) {
  const { actor, result } = await completeSecondStep(
    db,
    input,
    (userId) => loadActor(db, userId),
    (tx, a) => createSession(tx, a.userId),
  );
  return { kind: "session" as const, actor, ...result };
}

export async function createSession(tx: Tx, userId: string) {
  const token = newToken();
  const csrfToken = newToken();
  await tx.insert(sessions).values({
    id: hashToken(token),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  });
  return { token, csrfToken, maxAgeSeconds: SESSION_DAYS * 86_400 };
}

export async function logout(db: Db, actor: Actor, sessionId: string) {
  await writeWithAudit(db, actor, async (tx, audit) => {
    await tx.delete(sessions).where(eq(sessions.id, sessionId));
    await audit({ action: "auth.logout", entityType: "user", entityId: actor.userId });
  });
}

/** Changes the password and ends every other session of the user. */
export async function changePassword(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
) {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user?.passwordHash || !(await verify(user.passwordHash, input.currentPassword))) {
    throw new AppError(
      "validation",
      "errors.validation",
      {},
      { currentPassword: [{ key: "errors.wrongPassword" }] },
    );
  }
  const passwordHash = await hashPassword(input.newPassword);
  await writeWithAudit(db, actor, async (tx, audit) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
    const others = await tx
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, actor.userId));
    const toEnd = others.map((s) => s.id).filter((id) => id !== sessionId);
    if (toEnd.length) await tx.delete(sessions).where(inArray(sessions.id, toEnd));
    await audit({ action: "user.password_changed", entityType: "user", entityId: actor.userId });
  });
}

/** Creates a one-time invitation; the returned token is shown once and stored only hashed. */
export async function createInvitation(
  db: Db,
  actor: Actor,
  input: { email: string; name: string; roles: RoleAssignment[] },
) {
  authorize(actor, accountsPolicy, "administer", null);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing)
    throw new AppError("validation", "errors.validation", {}, { email: [{ key: "errors.emailTaken" }] });
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  const [row] = await writeWithAudit(db, actor, async (tx, audit) => {
    const inserted = await tx
      .insert(invitations)
      .values({
        tokenHash: hashToken(token),
        email: input.email,
        name: input.name,
        roles: input.roles,
        createdBy: actor.userId,
        expiresAt,
      })
      .returning();
    await audit({
      action: "invitation.create",
      entityType: "invitation",
      entityId: inserted[0].id,
      after: inserted[0],
    });
    return inserted;
  });
  return { id: row.id, token, email: row.email, expiresAt };
}

async function findOpenInvitation(db: Db | Tx, token: string) {
  const [inv] = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!inv || inv.usedAt || inv.expiresAt < new Date()) throw new AppError("invitationInvalid");
  return inv;
}

export async function describeInvitation(db: Db, token: string) {
  const inv = await findOpenInvitation(db, token);
  return { email: inv.email, name: inv.name };
}

/** Turns an invitation into an account with the invited roles, and logs the new user in. */
export async function acceptInvitation(db: Db, token: string, password: string) {
  const passwordHash = await hashPassword(password);
  const result = await db.transaction(async (tx) => {
    const inv = await findOpenInvitation(tx, token);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, inv.email));
    if (taken) throw new AppError("emailTaken");
    const [user] = await tx
      .insert(users)
      .values({ email: inv.email, name: inv.name, passwordHash })
      .returning();
    if (inv.roles.length)
      await tx.insert(roleAssignments).values(inv.roles.map((r) => ({ ...r, userId: user.id })));
    await tx.update(invitations).set({ usedAt: new Date() }).where(eq(invitations.id, inv.id));
    const session = await createSession(tx, user.id);
    return { userId: user.id, session };
  });
  const actor = (await loadActor(db, result.userId))!;
  await writeWithAudit(db, actor, (_tx, audit) =>
    audit({
      action: "invitation.accept",
      entityType: "user",
      entityId: actor.userId,
      after: { email: actor.email, roles: actor.roles },
    }),
  );
  return { actor, ...result.session };
}

export async function listUsers(db: Db, actor: Actor | null) {
  authorize(actor, accountsPolicy, "administer", null);
  const rows = await db.select().from(users).orderBy(users.email);
  const roles = await db.select().from(roleAssignments);
  return rows.map((u) => ({ ...u, roles: roles.filter((r) => r.userId === u.id) }));
}

export async function getUser(db: Db, actor: Actor | null, id: string) {
  authorize(actor, accountsPolicy, "administer", null);
  const [user] = await db.select().from(users).where(eq(users.id, id));
  if (!user) return null;
  const roles = await db.select().from(roleAssignments).where(eq(roleAssignments.userId, id));
  return { ...user, roles };
}

/** Replaces a user's roles; refuses to remove the last active administrator. */
export async function setRoles(db: Db, actor: Actor, userId: string, roles: RoleAssignment[]) {
  authorize(actor, accountsPolicy, "administer", null);
  const before = await getUser(db, actor, userId);
  if (!before) throw new AppError("notFound");
  await writeWithAudit(db, actor, async (tx, audit) => {
    await tx.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
    if (roles.length) await tx.insert(roleAssignments).values(roles.map((r) => ({ ...r, userId })));
    await assertAnAdminRemains(tx);
    await audit({
      action: "user.roles_set",
      entityType: "user",
      entityId: userId,
      before: { roles: before.roles.map(({ role, scopeType, scopeId }) => ({ role, scopeType, scopeId })) },
      after: { roles },
    });
  });
  return (await getUser(db, actor, userId))!;
}

export async function setActive(db: Db, actor: Actor, userId: string, active: boolean) {
  authorize(actor, accountsPolicy, "administer", null);
  const before = await getUser(db, actor, userId);
  if (!before) throw new AppError("notFound");
  await writeWithAudit(db, actor, async (tx, audit) => {
    await tx.update(users).set({ active }).where(eq(users.id, userId));
    if (!active) await tx.delete(sessions).where(eq(sessions.userId, userId));
    await assertAnAdminRemains(tx);
    await audit({
      action: "user.update",
      entityType: "user",
      entityId: userId,
      before: { active: before.active },
      after: { active },
    });
  });
  return (await getUser(db, actor, userId))!;
}

async function assertAnAdminRemains(tx: Tx) {
  const [{ admins }] = await tx
    .select({ admins: count() })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.role, "admin"), eq(users.active, true)));
  if (admins === 0) throw new AppError("lastAdmin");
}

/**
 * Makes sure a user with this e-mail exists, is active, has this password and is an administrator.
 * How an operator bootstraps an installation (SAMSPEL_ADMIN_EMAIL / SAMSPEL_ADMIN_PASSWORD).
 */
export async function ensureUser(
  db: Db,
  actor: Actor,
  input: { email: string; name: string; password: string; roles: RoleAssignment[] },
) {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return writeWithAudit(db, actor, async (tx, audit) => {
    let [user] = await tx.select().from(users).where(eq(users.email, email));
    if (user) {
      await tx.update(users).set({ passwordHash, active: true }).where(eq(users.id, user.id));
    } else {
      [user] = await tx.insert(users).values({ email, name: input.name, passwordHash }).returning();
    }
    const existing = await tx.select().from(roleAssignments).where(eq(roleAssignments.userId, user.id));
    const missing = input.roles.filter(
      (r) =>
        !existing.some((e) => e.role === r.role && e.scopeType === r.scopeType && e.scopeId === r.scopeId),
    );
    if (missing.length)
      await tx.insert(roleAssignments).values(missing.map((r) => ({ ...r, userId: user.id })));
    await audit({
      action: "user.ensure",
      entityType: "user",
      entityId: user.id,
      after: { email, roles: input.roles },
    });
    return user.id;
  });
}
