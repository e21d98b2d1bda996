import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../../db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { translator } from "../../platform/i18n.ts";
import { loginThrottle, loginUnlocks } from "../../platform/platform.schema.ts";
import { hashToken, newToken } from "../../platform/tokens.ts";
import { type MailOrigin, queueAnonymousMail } from "../mail/index.ts";

/**
 * Slowing down password guessing, with its state in the database (shared by every process).
 *
 * Every login first claims an attempt for its account and for its source address with one atomic
 * upsert (`claimAttempt`); the password is checked only when both claims are within their limits, so
 * 50 parallel guesses check at most the limit. The claim that reaches the limit locks the key for a
 * delay that doubles with each lock-out (1, 2, 4 … minutes, up to the configured ceiling). A stranger
 * can thus slow an account down, but not keep its owner out: the lock mails the owner a one-time link
 * (`queueUnlockMail`) with which they log in despite the lock.
 */

export const FIRST_LOCK_SECONDS = 60;
export const UNLOCK_MINUTES = 30;

export interface ThrottleLimits {
  /** Failed logins per account before it is locked. */
  maxFailedLogins: number;
  /** Failed logins per source address before it is locked. */
  maxFailedLoginsPerSource: number;
  /** The longest lock, in minutes: the doubling stops here. */
  lockoutMinutes: number;
}

export interface Claim {
  allowed: boolean;
  /** This claim reached the limit and set the lock (it is still checked). */
  locked: boolean;
  /** Seconds until the key opens again, when refused. */
  waitSeconds: number;
}

export const accountKey = (email: string) => `account:${email}`;
export const sourceKey = (source: string) => `source:${source}`;

/** Claims one attempt for a key: a single upsert, so parallel claims each see their own count. */
export async function claimAttempt(db: Db, key: string, max: number, capMinutes: number): Promise<Claim> {
  const [row] = await queryRows<{ attempts: number; lockouts: number; wait_seconds: number | null }>(
    db,
    sql`insert into login_throttle as t (key, attempts, updated_at) values (${key}, 1, now())
    on conflict (key) do update set
      attempts = case
        when t.locked_until > now() then t.attempts + 1
        when t.locked_until is not null or t.updated_at < now() - interval '1 day' then 1
        else t.attempts + 1 end,
      lockouts = case
        when t.updated_at < now() - interval '1 day' and not coalesce(t.locked_until > now(), false) then 0
        else t.lockouts end,
      locked_until = case when t.locked_until > now() then t.locked_until end,
      updated_at = now()
    returning attempts, lockouts,
      ceil(extract(epoch from (locked_until - now())))::int as wait_seconds`,
  );
  const delay = Math.min(FIRST_LOCK_SECONDS * 2 ** Math.min(row.lockouts, 20), capMinutes * 60);
  if (row.wait_seconds !== null && row.wait_seconds > 0) {
    return { allowed: false, locked: false, waitSeconds: row.wait_seconds };
  }
  // Past the limit while the claim that reached it is setting the lock: refused, never checked.
  if (row.attempts > max) return { allowed: false, locked: false, waitSeconds: delay };
  if (row.attempts < max) return { allowed: true, locked: false, waitSeconds: 0 };
  await db
    .update(loginThrottle)
    .set({
      lockedUntil: sql`now() + make_interval(secs => ${delay})`,
      lockouts: sql`${loginThrottle.lockouts} + 1`,
    })
    .where(eq(loginThrottle.key, key));
  return { allowed: true, locked: true, waitSeconds: delay };
}

/** After a successful login: the account starts over; the source gets its attempt back. */
export async function clearAfterSuccess(tx: Tx, email: string, source: string) {
  await tx.delete(loginThrottle).where(eq(loginThrottle.key, accountKey(email)));
  await tx
    .update(loginThrottle)
    .set({ attempts: sql`greatest(${loginThrottle.attempts} - 1, 0)` })
    .where(eq(loginThrottle.key, sourceKey(source)));
  // Keys nobody tried for a day are gone (spraying unknown addresses leaves no lasting rows).
  await tx
    .delete(loginThrottle)
    .where(
      sql`${loginThrottle.updatedAt} < now() - interval '1 day' and ${loginThrottle.lockedUntil} is null`,
    );
}

export const tooManyLogins = (waitSeconds: number) =>
  new AppError("tooManyLogins", "errors.tooManyLogins", {
    minutes: Math.max(1, Math.ceil(waitSeconds / 60)),
  });

/** The open unlock a token names, if it belongs to this user id. */
export async function findUnlock(db: Db | Tx, token: string, userId: string) {
  const [row] = await db
    .select()
    .from(loginUnlocks)
    .where(
      and(
        eq(loginUnlocks.tokenHash, hashToken(token)),
        eq(loginUnlocks.userId, userId),
        isNull(loginUnlocks.usedAt),
        gt(loginUnlocks.expiresAt, sql`now()`),
      ),
    );
  return row ?? null;
}

/** Uses an unlock once; false when a parallel login used it first. */
export async function spendUnlock(tx: Tx, id: string): Promise<boolean> {
  const used = await tx
    .update(loginUnlocks)
    .set({ usedAt: new Date() })
    .where(and(eq(loginUnlocks.id, id), isNull(loginUnlocks.usedAt)))
    .returning({ id: loginUnlocks.id });
  return used.length === 1;
}

/**
 * Mails the owner of a just-locked account a link that lets them log in despite the lock, valid once
 * and for `UNLOCK_MINUTES`. One open link at a time, and capped like all mail the public sets off.
 */
export async function queueUnlockMail(
  tx: Tx,
  user: { id: string; email: string; name: string },
  publicUrl: string,
  origin: MailOrigin,
): Promise<boolean> {
  const [open] = await tx
    .select({ id: loginUnlocks.id })
    .from(loginUnlocks)
    .where(
      and(
        eq(loginUnlocks.userId, user.id),
        isNull(loginUnlocks.usedAt),
        gt(loginUnlocks.expiresAt, sql`now()`),
      ),
    );
  if (open) return false;
  const token = newToken();
  await tx.insert(loginUnlocks).values({
    tokenHash: hashToken(token),
    userId: user.id,
    expiresAt: new Date(Date.now() + UNLOCK_MINUTES * 60_000),
  });
  const t = translator("sv");
  const url = `${publicUrl}/logga-in?upplasning=${token}`;
  const queued = await queueAnonymousMail(
    tx,
    "accounts.unlock",
    {
      to: user.email,
      subject: t("auth.unlockMail.subject"),
      text: [
        t("auth.unlockMail.greeting", { name: user.name }),
        t("auth.unlockMail.body", { minutes: UNLOCK_MINUTES }),
        url,
        t("auth.unlockMail.notYou"),
      ].join("\n\n"),
    },
    origin,
  );
  return queued !== null;
}
