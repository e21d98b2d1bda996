import { eq } from "drizzle-orm";
import type { ErasureImpactItem } from "../../../common/privacy.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Db, Tx } from "../../db/client.ts";
import {
  ERASED_NAME,
  type ErasureContext,
  type HeldData,
  isoOrNull,
  type PersonalDataSubject,
} from "../../platform/personal-data.ts";
import { organisationNames } from "../organisations/index.ts";
import { memberships, people } from "./people.schema.ts";

/**
 * The people register's part of a register extract and an erasure (issue 20). An erased person's row
 * stays, anonymised, so that what refers to it (registrations counted as one participant, project
 * leads, minutes) keeps its shape; only when minutes or agreements name the person is the name kept.
 */

/** The register person an extract or erasure is about, by id or by address; null when none. */
export async function findPersonForPrivacy(db: Db | Tx, by: { personId?: string; email?: string }) {
  const where = by.personId ? eq(people.id, by.personId) : eq(people.email, (by.email ?? "").toLowerCase());
  const [row] = await db
    .select({ id: people.id, name: people.name, email: people.email, userId: people.userId })
    .from(people)
    .where(where);
  return row ?? null;
}

async function rows(db: Db | Tx, s: PersonalDataSubject) {
  if (!s.personId) return { person: null, seats: [] };
  const [person] = await db.select().from(people).where(eq(people.id, s.personId));
  const rows = await db
    .select({
      id: memberships.id,
      organisationId: memberships.organisationId,
      role: memberships.role,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
    })
    .from(memberships)
    .where(eq(memberships.personId, s.personId));
  const names = await organisationNames(
    db,
    rows.map((r) => r.organisationId),
  );
  const seats = rows
    .filter((r) => names.has(r.organisationId))
    .map((r) => ({
      id: r.id,
      organisation: names.get(r.organisationId)!,
      role: r.role,
      startDate: r.startDate,
      endDate: r.endDate,
    }));
  return { person: person ?? null, seats };
}

export async function personalDataFor(db: Db, s: PersonalDataSubject): Promise<HeldData[]> {
  const { person, seats } = await rows(db, s);
  if (!person) return [];
  return [
    {
      category: "people",
      ids: [person.id],
      records: [
        {
          Namn: person.name,
          "E-post": person.email,
          Telefon: person.phone,
          Titel: person.title,
          "Rättslig grund": person.lawfulBasis,
          "Samtycke lämnat": isoOrNull(person.consentAt),
          Anteckningar: person.notes,
          Registrerad: person.createdAt.toISOString(),
        },
      ],
    },
    {
      category: "memberships",
      ids: seats.map((m) => m.id),
      records: seats.map((m) => ({
        Organisation: m.organisation,
        Roll: m.role,
        Från: m.startDate,
        Till: m.endDate,
      })),
    },
  ];
}

export async function erasureImpactFor(db: Db | Tx, s: PersonalDataSubject): Promise<ErasureImpactItem[]> {
  const { person, seats } = await rows(db, s);
  if (!person) return [];
  const items: ErasureImpactItem[] = [
    {
      category: "people",
      action: "anonymise",
      count: 1,
      description:
        "Personen i registret: e-post, telefon, titel och anteckningar tas bort; namnet ersätts med ”Raderad person” om inga protokoll eller avtal namnger personen.",
      rule: null,
    },
  ];
  if (seats.length)
    items.push({
      category: "memberships",
      action: "remove",
      count: seats.length,
      description: "Uppdrag i organisationer tas bort.",
      rule: null,
    });
  return items;
}

export async function eraseFor(tx: Tx, s: PersonalDataSubject, ctx: ErasureContext) {
  if (!s.personId) return;
  await tx.delete(memberships).where(eq(memberships.personId, s.personId));
  const name = ctx.keepName ? undefined : ERASED_NAME;
  await tx
    .update(people)
    .set({
      ...(name ? { name, sortKey: swedishSortKey(name) } : {}),
      email: null,
      phone: null,
      ...(ctx.keepName ? {} : { title: null }),
      notes: null,
      consentAt: null,
      userId: null,
      updatedAt: new Date(),
    })
    .where(eq(people.id, s.personId));
}
