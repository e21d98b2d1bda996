import { eq, inArray, sql } from "drizzle-orm";
import type { ErasureImpactItem } from "../../../common/privacy.ts";
import type { Db, Tx } from "../../db/client.ts";
import {
  type ErasureContext,
  type HeldData,
  isoOrNull,
  type PersonalDataSubject,
} from "../../platform/personal-data.ts";
import {
  mailingDeliveries,
  mailings,
  mailSuppressions,
  newsletterSubscribers,
} from "./communication.schema.ts";

/**
 * Newsletter subscriptions and the mailings sent to an address, in a register extract and an erasure
 * (issue 20). The subscription is removed; a sent mailing keeps its recipient count (the delivery row
 * stays with a stand-in address); a "no more mail" entry is kept, or the address could be mailed again.
 */

const subs = (db: Db | Tx, emails: string[]) =>
  emails.length
    ? db.select().from(newsletterSubscribers).where(inArray(newsletterSubscribers.email, emails))
    : Promise.resolve([]);
const deliveries = (db: Db | Tx, emails: string[]) =>
  emails.length
    ? db
        .select({
          id: mailingDeliveries.id,
          subject: mailings.subject,
          status: mailingDeliveries.status,
          sentAt: mailingDeliveries.sentAt,
          email: mailingDeliveries.email,
        })
        .from(mailingDeliveries)
        .innerJoin(mailings, eq(mailings.id, mailingDeliveries.mailingId))
        .where(inArray(sql`lower(${mailingDeliveries.email})`, emails))
    : Promise.resolve([]);
const suppressions = (db: Db | Tx, emails: string[]) =>
  emails.length
    ? db.select().from(mailSuppressions).where(inArray(mailSuppressions.email, emails))
    : Promise.resolve([]);

export async function personalDataFor(db: Db, s: PersonalDataSubject): Promise<HeldData[]> {
  const [ss, ds, ps] = [
    await subs(db, s.emails),
    await deliveries(db, s.emails),
    await suppressions(db, s.emails),
  ];
  return [
    {
      category: "newsletter_subscribers",
      ids: [...ss.map((x) => x.id), ...ds.map((d) => d.id)],
      records: [
        ...ss.map((x) => ({
          Prenumeration: "Nyhetsbrev",
          "E-post": x.email,
          Namn: x.name,
          Status: x.status,
          Teman: x.themes.join(", "),
          Kommun: x.municipality,
          Organisationstyp: x.organisationType,
          Bekräftad: isoOrNull(x.confirmedAt),
          Avregistrerad: isoOrNull(x.unsubscribedAt),
        })),
        ...ds.map((d) => ({
          Utskick: d.subject,
          "E-post": d.email,
          Status: d.status,
          Skickat: d.sentAt.toISOString(),
        })),
        ...ps.map((p) => ({
          Spärr: "Vill inte ha utskick",
          "E-post": p.email,
          Sedan: p.createdAt.toISOString(),
        })),
      ],
    },
  ];
}

export async function erasureImpactFor(db: Db | Tx, s: PersonalDataSubject): Promise<ErasureImpactItem[]> {
  const [ss, ds, ps] = [
    await subs(db, s.emails),
    await deliveries(db, s.emails),
    await suppressions(db, s.emails),
  ];
  const items: ErasureImpactItem[] = [];
  if (ss.length)
    items.push({
      category: "newsletter_subscribers",
      action: "remove",
      count: ss.length,
      description: "Prenumerationen på nyhetsbrevet tas bort.",
      rule: null,
    });
  if (ds.length)
    items.push({
      category: "newsletter_subscribers",
      action: "anonymise",
      count: ds.length,
      description: "Mottagare av skickade utskick: adress och namn tas bort, antalet mottagare finns kvar.",
      rule: null,
    });
  if (ps.length)
    items.push({
      category: "newsletter_subscribers",
      action: "keep",
      count: ps.length,
      description: "Spärren mot utskick till adressen finns kvar.",
      rule: "Spärren behövs för att adressen aldrig ska få utskick igen (GDPR art. 21.3).",
    });
  return items;
}

export async function eraseFor(tx: Tx, s: PersonalDataSubject, ctx: ErasureContext) {
  if (!s.emails.length) return;
  await tx.delete(newsletterSubscribers).where(inArray(newsletterSubscribers.email, s.emails));
  for (const d of await deliveries(tx, s.emails))
    await tx
      .update(mailingDeliveries)
      .set({ email: ctx.pseudonym(d.email), name: null })
      .where(eq(mailingDeliveries.id, d.id));
}
