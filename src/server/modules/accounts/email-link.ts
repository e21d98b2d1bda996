import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { type Actor, isAdmin } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize, type Policy } from "../../platform/authorize.ts";
import { AppError } from "../../platform/errors.ts";
import { translator } from "../../platform/i18n.ts";
import { sessions, users } from "../../platform/platform.schema.ts";
import { hashToken, newToken } from "../../platform/tokens.ts";
import { type MailOrigin, nudgeMailSender, queueAnonymousMail } from "../mail/index.ts";
import { emailLinkTokens } from "./accounts.schema.ts";
import { createSession, loadActor, type SignInResult } from "./accounts.service.ts";
import { claimAttempt } from "./login-throttle.ts";
import { needsSecondFactor, openChallenge } from "./second-factor.ts";

/**
 * Signing in with a one-time link sent by e-mail (issue 19), for partners and guests who should not
 * need one more password. Asking always answers the same, known address or not. The link opens a
 * page with a "Logga in" button that posts the token: mail scanners that fetch every link in a
 * message then do not spend it.
 */

export const EMAIL_LINK_MINUTES = 15;
/** Requests per address and per source before a lock (1 min, doubling, up to `lockoutMinutes`). */
export const EMAIL_LINKS_PER_ADDRESS = 5;
export const EMAIL_LINKS_PER_SOURCE = 20;

export interface EmailLinkContext {
  source: string;
  publicUrl: string;
  mail: MailOrigin;
  lockoutMinutes: number;
}

/**
 * Sends a sign-in link to an active account with this address; for any other address nothing is
 * sent and the answer is the same. The limits are counted in the database (`login_throttle`, one
 * atomic upsert per key) so they hold across processes, and they count unknown addresses too.
 */
export async function requestEmailLink(db: Db, rawEmail: string, context: EmailLinkContext) {
  const email = rawEmail.trim().toLowerCase();
  for (const [key, max] of [
    [`email-link:source:${context.source}`, EMAIL_LINKS_PER_SOURCE],
    [`email-link:address:${email}`, EMAIL_LINKS_PER_ADDRESS],
  ] as const) {
    const claim = await claimAttempt(db, key, max, context.lockoutMinutes);
    if (!claim.allowed) {
      throw new AppError("tooManyEmailLinks", "errors.tooManyEmailLinks", {
        minutes: Math.max(1, Math.ceil(claim.waitSeconds / 60)),
      });
    }
  }
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.email, email), eq(users.active, true)));
  if (!user) return;
  const token = newToken();
  const t = translator("sv");
  const url = `${context.publicUrl}/logga-in/lank/${token}`;
  const queued = await writeWithAudit(db, null, async (tx, audit) => {
    await tx
      .delete(emailLinkTokens)
      .where(and(eq(emailLinkTokens.userId, user.id), lt(emailLinkTokens.expiresAt, new Date())));
    await tx.insert(emailLinkTokens).values({
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + EMAIL_LINK_MINUTES * 60_000),
    });
    await audit({ action: "auth.email_link_requested", entityType: "user", entityId: user.id });
    return queueAnonymousMail(
      tx,
      "accounts.emailLink",
      {
        to: user.email,
        subject: t("auth.emailLinkMail.subject"),
        text: [
          t("auth.emailLinkMail.greeting", { name: user.name }),
          t("auth.emailLinkMail.body", { minutes: EMAIL_LINK_MINUTES }),
          url,
          t("auth.emailLinkMail.notYou"),
        ].join("\n\n"),
      },
      context.mail,
    );
  });
  if (queued) nudgeMailSender(db);
}

/**
 * Spends a link (one atomic update: of two parallel uses one wins) and signs its user in, or asks an
 * administrator for the second factor. Unknown, used and expired links all answer the same 401.
 */
export async function signInWithEmailLink(db: Db, token: string): Promise<SignInResult> {
  const [spent] = await db
    .update(emailLinkTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(emailLinkTokens.tokenHash, hashToken(token)),
        isNull(emailLinkTokens.usedAt),
        gt(emailLinkTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: emailLinkTokens.userId });
  const actor = spent ? await loadActor(db, spent.userId) : null;
  if (!actor) throw new AppError("emailLinkInvalid");
  return writeWithAudit(db, actor, async (tx, audit): Promise<SignInResult> => {
    await tx.delete(sessions).where(lt(sessions.expiresAt, new Date()));
    if (needsSecondFactor(actor)) {
      const [user] = await tx
        .select({ id: users.id, totpSecret: users.totpSecret })
        .from(users)
        .where(eq(users.id, actor.userId));
      const challenge = await openChallenge(tx, user, "emailLink");
      await audit({
        action: "auth.second_factor_requested",
        entityType: "user",
        entityId: actor.userId,
        after: { method: "emailLink", secondFactor: challenge.secondFactor },
      });
      return { kind: "challenge", ...challenge };
    }
    const created = await createSession(tx, actor.userId);
    await audit({
      action: "auth.login",
      entityType: "user",
      entityId: actor.userId,
      after: { method: "emailLink" },
    });
    return { kind: "session", actor, ...created };
  });
}

/** Administrators decide how a user may sign in, and reset a lost authenticator. */
export const signInMethodsPolicy: Policy<"set", null> = {
  set: (actor) => isAdmin(actor),
};

/** Restricts a user to e-mail links (or lifts it): their password no longer signs them in. */
export async function setEmailLinkOnly(db: Db, actor: Actor, userId: string, emailLinkOnly: boolean) {
  authorize(actor, signInMethodsPolicy, "set", null);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const [before] = await tx
      .select({ emailLinkOnly: users.emailLinkOnly })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!before) throw new AppError("notFound");
    await tx.update(users).set({ emailLinkOnly }).where(eq(users.id, userId));
    await audit({
      action: "user.sign_in_methods",
      entityType: "user",
      entityId: userId,
      before,
      after: { emailLinkOnly },
    });
  });
}

/** Forgets a user's TOTP secret: their next sign-in enrols anew (a lost or replaced phone). */
export async function resetTotp(db: Db, actor: Actor, userId: string) {
  authorize(actor, signInMethodsPolicy, "set", null);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const reset = await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!reset.length) throw new AppError("notFound");
    await audit({ action: "user.totp_reset", entityType: "user", entityId: userId });
  });
}
