import { and, inArray, ne, sql } from "drizzle-orm";
import type { ErasureImpactItem } from "../../../common/privacy.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { ErasureContext, HeldData, PersonalDataSubject } from "../../platform/personal-data.ts";
import { mailOutbox } from "./mail.schema.ts";

/**
 * Mail to the person's addresses in the outbox (issue 20). Delivered and failed mail is removed on
 * erasure; mail still queued is left to go out (it tells of something the person asked for, e.g. the
 * extract link itself).
 */

const to = (emails: string[]) => inArray(sql`lower(${mailOutbox.recipient})`, emails);

async function mails(db: Db | Tx, s: PersonalDataSubject) {
  if (!s.emails.length) return [];
  return db
    .select({
      id: mailOutbox.id,
      purpose: mailOutbox.purpose,
      recipient: mailOutbox.recipient,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .where(to(s.emails))
    .orderBy(mailOutbox.createdAt);
}

export async function personalDataFor(db: Db, s: PersonalDataSubject): Promise<HeldData[]> {
  const rows = await mails(db, s);
  return [
    {
      category: "outbox_failed",
      ids: rows.map((m) => m.id),
      records: rows.map((m) => ({
        Ämne: m.subject,
        Mottagare: m.recipient,
        Status: m.status,
        Köad: m.createdAt.toISOString(),
      })),
    },
  ];
}

export async function erasureImpactFor(db: Db | Tx, s: PersonalDataSubject): Promise<ErasureImpactItem[]> {
  const done = (await mails(db, s)).filter((m) => m.status !== "queued");
  return done.length
    ? [
        {
          category: "outbox_failed",
          action: "remove",
          count: done.length,
          description: "Skickad och misslyckad e-post till personen tas bort ur utkorgen.",
          rule: null,
        },
      ]
    : [];
}

export async function eraseFor(tx: Tx, s: PersonalDataSubject, _ctx: ErasureContext) {
  if (!s.emails.length) return;
  await tx.delete(mailOutbox).where(and(to(s.emails), ne(mailOutbox.status, "queued")));
}
