import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import QRCode from "qrcode";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, isAdmin } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { AppError } from "../../platform/errors.ts";
import { users } from "../../platform/platform.schema.ts";
import { hashToken, newToken } from "../../platform/tokens.ts";
import { loginChallenges } from "./accounts.schema.ts";
import { matchingStep, newTotpSecret, otpauthUri } from "./totp.ts";

/**
 * The second step of a sign-in (issue 19): administrators give a TOTP code after their password (or
 * e-mail link). A sign-in whose first factor was right answers 202 with a challenge instead of a
 * session; the client sends the challenge back with a code. An administrator without TOTP is sent to
 * enrolment first: the same challenge fetches a new secret (QR code) and a code from it confirms it.
 */

export const CHALLENGE_MINUTES = 10;
/** Wrong codes per challenge before it is spent: with three codes valid at a time, guessing is hopeless. */
export const MAX_CODE_FAILURES = 5;

export type SignInMethod = "password" | "emailLink";
export type SecondFactor = "totp" | "totpEnrolment";

/** Whose sign-in needs the second factor: anyone holding the administrator role. */
export const needsSecondFactor = (actor: Actor) => isAdmin(actor);

export interface Challenge {
  secondFactor: SecondFactor;
  challenge: string;
}

/** Opens a challenge for a user whose first factor was right (in the caller's transaction). */
export async function openChallenge(
  tx: Tx,
  user: { id: string; totpSecret: string | null },
  method: SignInMethod,
): Promise<Challenge> {
  const token = newToken();
  const purpose = user.totpSecret ? "totp" : "enrol";
  // Spent and expired challenges are of no further use: cleared as new ones come.
  await tx
    .delete(loginChallenges)
    .where(or(lt(loginChallenges.expiresAt, new Date()), sql`${loginChallenges.usedAt} is not null`));
  await tx.insert(loginChallenges).values({
    tokenHash: hashToken(token),
    userId: user.id,
    purpose,
    method,
    expiresAt: new Date(Date.now() + CHALLENGE_MINUTES * 60_000),
  });
  return { secondFactor: purpose === "totp" ? "totp" : "totpEnrolment", challenge: token };
}

const openCondition = (token: string) =>
  and(
    eq(loginChallenges.tokenHash, hashToken(token)),
    isNull(loginChallenges.usedAt),
    gt(loginChallenges.expiresAt, sql`now()`),
    lt(loginChallenges.failures, MAX_CODE_FAILURES),
  );

/**
 * Gives an enrolment challenge a fresh secret and answers what the authenticator app needs: the
 * secret, its otpauth URI and that URI as a QR code (a PNG data URL). Asking again replaces the secret.
 */
export async function startEnrolment(db: Db, challenge: string) {
  const secret = newTotpSecret();
  const [row] = await db
    .update(loginChallenges)
    .set({ pendingSecret: secret })
    .where(and(openCondition(challenge), eq(loginChallenges.purpose, "enrol")))
    .returning({ userId: loginChallenges.userId });
  if (!row) throw new AppError("challengeInvalid");
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, row.userId));
  const uri = otpauthUri(secret, user.email);
  const qrCode = await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 2, width: 240 });
  return { secret, otpauthUri: uri, qrCode };
}

/**
 * Checks a code against the challenge's user (or, when enrolling, against the pending secret) and, if
 * right, spends the challenge and returns the user's id for the caller to open a session. A code is
 * accepted only for a step later than the last accepted one, so the same code never works twice.
 * `open` runs in the same transaction that spends the challenge (creates the session).
 */
export async function completeSecondStep<T>(
  db: Db,
  input: { challenge: string; code: string; enrol: boolean },
  loadActor: (userId: string) => Promise<Actor | null>,
  open: (tx: Tx, actor: Actor) => Promise<T>,
): Promise<{ actor: Actor; result: T }> {
  const [row] = await db
    .select({ challenge: loginChallenges, totpSecret: users.totpSecret })
    .from(loginChallenges)
    .innerJoin(users, eq(users.id, loginChallenges.userId))
    .where(and(openCondition(input.challenge), eq(users.active, true)));
  const purpose = input.enrol ? "enrol" : "totp";
  if (!row || row.challenge.purpose !== purpose) throw new AppError("challengeInvalid");
  const secret = input.enrol ? row.challenge.pendingSecret : row.totpSecret;
  if (!secret) throw new AppError("challengeInvalid");
  const step = matchingStep(secret, input.code.trim(), Date.now());
  try {
    if (step === null) throw new AppError("totpInvalid");
    const actor = await loadActor(row.challenge.userId);
    if (!actor) throw new AppError("challengeInvalid");
    const result = await writeWithAudit(db, actor, async (tx, audit) => {
      const spent = await tx
        .update(loginChallenges)
        .set({ usedAt: new Date() })
        .where(and(eq(loginChallenges.id, row.challenge.id), isNull(loginChallenges.usedAt)))
        .returning({ id: loginChallenges.id });
      if (!spent.length) throw new AppError("challengeInvalid");
      // The replay guard: one atomic compare-and-set of the last accepted step.
      const accepted = await tx
        .update(users)
        .set({
          totpLastStep: step,
          ...(input.enrol ? { totpSecret: secret, totpEnabledAt: new Date() } : {}),
        })
        .where(
          and(
            eq(users.id, actor.userId),
            or(isNull(users.totpLastStep), lt(users.totpLastStep, step)),
            input.enrol ? isNull(users.totpSecret) : eq(users.totpSecret, secret),
          ),
        )
        .returning({ id: users.id });
      if (!accepted.length) throw new AppError("totpInvalid");
      if (input.enrol)
        await audit({ action: "auth.totp_enrolled", entityType: "user", entityId: actor.userId });
      const opened = await open(tx, actor);
      await audit({
        action: "auth.login",
        entityType: "user",
        entityId: actor.userId,
        after: { method: row.challenge.method, secondFactor: "totp" },
      });
      return opened;
    });
    return { actor, result };
  } catch (error) {
    if (error instanceof AppError && error.code === "totpInvalid") {
      await writeWithAudit(db, null, async (tx, audit) => {
        await tx
          .update(loginChallenges)
          .set({ failures: sql`${loginChallenges.failures} + 1` })
          .where(eq(loginChallenges.id, row.challenge.id));
        await audit({ action: "auth.totp_failed", entityType: "user", entityId: row.challenge.userId });
      });
    }
    throw error;
  }
}
