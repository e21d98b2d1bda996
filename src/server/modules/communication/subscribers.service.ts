import { desc, eq, sql } from "drizzle-orm";
import { type SubscribeInput, subscribeInput } from "../../../common/communication.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { notFound } from "../../platform/errors.ts";
import { translator } from "../../platform/i18n.ts";
import { hashToken, newToken } from "../../platform/tokens.ts";
import { parseWith } from "../../platform/validation.ts";
import { withdrawInvitationConsent } from "../events/index.ts";
import { type MailOrigin, nudgeMailSender, queueAnonymousMail } from "../mail/index.ts";
import { communicationPolicy } from "./communication.policy.ts";
import { mailingDeliveries, mailSuppressions, newsletterSubscribers } from "./communication.schema.ts";

/**
 * Newsletter subscriptions with double opt-in: subscribing sends a confirmation link and the address
 * receives nothing else until it is followed. The answer is the same whether or not the address was
 * known (no one learns who subscribes). Unsubscribing is one click, from any mailing.
 */

export const confirmUrl = (publicUrl: string, token: string) => `${publicUrl}/nyhetsbrev/bekrafta/${token}`;

export async function subscribe(
  db: Db,
  input: SubscribeInput,
  publicUrl: string,
  origin: MailOrigin,
): Promise<void> {
  const data = parseWith(subscribeInput, input);
  const token = newToken();
  const queued = await writeWithAudit(db, null, async (tx, audit) => {
    // Parallel subscriptions of one new address would race to insert its unique row: they queue here.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`newsletter:${data.email}`}))`);
    const [existing] = await tx
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, data.email));
    if (existing?.status === "active") return false;
    const values = {
      name: data.name ?? null,
      themes: data.themes,
      municipality: data.municipality ?? null,
      organisationType: data.organisationType ?? null,
      status: "pending",
      confirmTokenHash: hashToken(token),
      updatedAt: new Date(),
    };
    const [row] = existing
      ? await tx
          .update(newsletterSubscribers)
          .set(values)
          .where(eq(newsletterSubscribers.id, existing.id))
          .returning()
      : await tx
          .insert(newsletterSubscribers)
          .values({ email: data.email, ...values })
          .returning();
    await audit({
      action: "subscriber.subscribe",
      entityType: "newsletter_subscriber",
      entityId: row.id,
      after: { status: "pending" },
    });
    // The link goes out with the subscription or not at all (the mail outbox, same transaction).
    const t = translator("sv");
    // Capped per address and per source: over the cap nothing is sent, and the answer is the same.
    await queueAnonymousMail(
      tx,
      "communication.confirmSubscription",
      {
        to: data.email,
        subject: t("communication.mail.confirmSubject"),
        text: [
          t("communication.mail.confirmBody"),
          confirmUrl(publicUrl, token),
          t("communication.mail.ignore"),
        ].join("\n\n"),
      },
      origin,
    );
    return true;
  });
  if (queued) nudgeMailSender(db);
}

/** Follows the confirmation link: the subscription becomes active (and an earlier "no more mail" is lifted). */
export async function confirmSubscription(db: Db, token: string) {
  return writeWithAudit(db, null, async (tx, audit) => {
    const [row] = await tx
      .update(newsletterSubscribers)
      .set({
        status: "active",
        confirmedAt: new Date(),
        confirmTokenHash: null,
        unsubscribedAt: null,
        updatedAt: new Date(),
      })
      .where(eq(newsletterSubscribers.confirmTokenHash, hashToken(token)))
      .returning();
    if (!row) throw notFound();
    await tx.delete(mailSuppressions).where(eq(mailSuppressions.email, row.email));
    await audit({
      action: "subscriber.confirm",
      entityType: "newsletter_subscriber",
      entityId: row.id,
      after: { status: "active" },
    });
    return { email: row.email };
  });
}

/**
 * One-click unsubscribe with the token of one delivered mailing: the address gets no newsletters and
 * no invitations any more, and its consent to invitations given at registrations is withdrawn.
 */
export async function unsubscribe(db: Db, token: string) {
  return writeWithAudit(db, null, async (tx, audit) => {
    const [delivery] = await tx
      .select({ email: mailingDeliveries.email })
      .from(mailingDeliveries)
      .where(eq(mailingDeliveries.unsubscribeTokenHash, hashToken(token)));
    if (!delivery) throw notFound();
    await tx.insert(mailSuppressions).values({ email: delivery.email }).onConflictDoNothing();
    await tx
      .update(newsletterSubscribers)
      .set({ status: "unsubscribed", unsubscribedAt: new Date(), updatedAt: new Date() })
      .where(eq(newsletterSubscribers.email, delivery.email));
    await withdrawInvitationConsent(tx, delivery.email);
    await audit({
      action: "subscriber.unsubscribe",
      entityType: "mail_suppression",
      entityId: null,
      after: { unsubscribed: true },
    });
    return { email: delivery.email };
  });
}

export async function listSubscribers(db: Db, actor: Actor | null) {
  authorize(actor, communicationPolicy, "communicate", null);
  return db.select().from(newsletterSubscribers).orderBy(desc(newsletterSubscribers.createdAt)).limit(5000);
}
