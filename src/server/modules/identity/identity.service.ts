import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { AppError } from "../../platform/errors.ts";
import { newToken } from "../../platform/tokens.ts";
import { actorOf, ensureExternalUser, startExternalSession } from "../accounts/index.ts";
import { putOnce, sha256, takeOnce } from "./identity.flows.ts";
import type { ExternalPerson } from "./identity.saml.ts";
import { userIdentities } from "./identity.schema.ts";

const HANDOFF_SECONDS = 120;

/**
 * Links a person an identity provider vouched for to a user: the user already linked to this (provider,
 * subject); else the user with their e-mail (an invited or existing account is joined, never duplicated);
 * else a new user without roles. Audited; the identity's attributes are refreshed on every sign-in.
 * There is no actor yet: the provider's signed statement is what authorises this.
 */
export async function linkPerson(db: Db, provider: string, person: ExternalPerson): Promise<string> {
  return writeWithAudit(db, null, async (tx, audit) => {
    const [linked] = await tx
      .select()
      .from(userIdentities)
      .where(and(eq(userIdentities.provider, provider), eq(userIdentities.subject, person.subject)))
      .for("update");
    if (linked) {
      await tx
        .update(userIdentities)
        .set({ attributes: person.attributes, lastSignInAt: new Date() })
        .where(eq(userIdentities.id, linked.id));
      return linked.userId;
    }
    if (!person.email) throw new AppError("ssoNoEmail");
    const user = await ensureExternalUser(tx, {
      email: person.email,
      name: person.name ?? person.email,
    });
    // A concurrent first sign-in of the same person inserted the row first: theirs stands, both sign in.
    const [identity] = await tx
      .insert(userIdentities)
      .values({ provider, subject: person.subject, userId: user.userId, attributes: person.attributes })
      .onConflictDoUpdate({
        target: [userIdentities.provider, userIdentities.subject],
        set: { lastSignInAt: sql`now()` },
      })
      .returning();
    await audit({
      action: "identity.link",
      entityType: "user",
      entityId: identity.userId,
      after: { provider, subject: person.subject, email: person.email, account: user.outcome },
    });
    return identity.userId;
  });
}

/** A normal session (as accounts makes for a password), audited as a sign-in through that provider. */
export async function startSession(db: Db, userId: string, provider: string) {
  const actor = await actorOf(db, userId);
  if (!actor) throw new AppError("ssoInactive");
  const session = await writeWithAudit(db, actor, async (tx, audit) => {
    const created = await startExternalSession(tx, userId);
    await audit({ action: "auth.login", entityType: "user", entityId: userId, after: { provider } });
    return created;
  });
  return { actor, ...session };
}

/**
 * The ACS is a cross-site POST, on which a SameSite=Lax cookie is neither sent nor dependable to set; so it
 * leaves a one-time code (two minutes) and redirects to a same-site GET that spends it and sets the cookie.
 */
export async function createHandoff(db: Db, userId: string, provider: string, returnTo: string) {
  const code = newToken();
  await putOnce(
    db,
    "handoff",
    sha256(code),
    provider,
    { userId, returnTo },
    new Date(Date.now() + HANDOFF_SECONDS * 1000),
  );
  return code;
}

export async function spendHandoff(db: Db, code: string, provider: string) {
  const data = await takeOnce(db, "handoff", sha256(code), provider);
  if (!data) throw new AppError("ssoHandoff");
  return { userId: String(data.userId), returnTo: String(data.returnTo ?? "/") };
}

/** The SAML session facts (NameID, SessionIndex) of a user's identity, for a LogoutRequest. */
export async function samlSessionOf(db: Db, userId: string, provider: string) {
  const [identity] = await db
    .select()
    .from(userIdentities)
    .where(and(eq(userIdentities.userId, userId), eq(userIdentities.provider, provider)));
  const a = identity?.attributes as Record<string, string | null> | undefined;
  if (!a?.nameID) return null;
  return { nameID: a.nameID, nameIDFormat: a.nameIDFormat ?? "", sessionIndex: a.sessionIndex ?? undefined };
}

/** Only a path on this site: an open redirect to another site would lend it our sign-in. */
export function safeReturnTo(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) && value.length < 500 ? value : "/";
}
