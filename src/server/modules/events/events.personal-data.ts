import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { ErasureImpactItem } from "../../../common/privacy.ts";
import type { Db, Tx } from "../../db/client.ts";
import {
  type ErasureContext,
  type HeldData,
  isoOrNull,
  type PersonalDataSubject,
} from "../../platform/personal-data.ts";
import { hashToken, newToken } from "../../platform/tokens.ts";
import { registrationsWithEvent } from "../../read/event-activities.ts";
import {
  eventAccessibilityNeeds,
  eventDietaryNeeds,
  eventFeedback,
  eventNetworks,
  eventRegistrations,
  networkMembers,
} from "./events.schema.ts";

/**
 * Event registrations in a register extract and an erasure (issue 20). An erased registration keeps
 * its event, status, attendance, role, organisation and municipality — what the participant tables,
 * the LC-KOMP indicators and the reports count — and loses the name, the address (replaced by a
 * stand-in that is the same for the same address, so distinct participants count the same), the
 * dietary needs, the personal link and the free-text feedback.
 */

const r = eventRegistrations;
const mine = (s: PersonalDataSubject) => {
  const c = [
    ...(s.personId ? [eq(r.personId, s.personId)] : []),
    ...(s.emails.length ? [inArray(sql`lower(${r.email})`, s.emails)] : []),
  ];
  return c.length ? or(...c) : sql`false`;
};

async function registrations(db: Db | Tx, s: PersonalDataSubject) {
  return registrationsWithEvent(db, mine(s));
}

async function networks(db: Db | Tx, s: PersonalDataSubject) {
  if (!s.personId) return [];
  return db
    .select({ network: eventNetworks.name, role: networkMembers.role, joinedOn: networkMembers.joinedOn })
    .from(networkMembers)
    .innerJoin(eventNetworks, eq(eventNetworks.id, networkMembers.networkId))
    .where(eq(networkMembers.personId, s.personId));
}

export async function personalDataFor(db: Db, s: PersonalDataSubject): Promise<HeldData[]> {
  const regs = await registrations(db, s);
  const nets = await networks(db, s);
  return [
    {
      category: "event_registrations",
      ids: regs.map((g) => g.id),
      records: regs.map((g) => ({
        Evenemang: g.event,
        Datum: g.date,
        Namn: g.name,
        "E-post": g.email,
        Organisation: g.organisation,
        Roll: g.role,
        Kommun: g.municipality,
        Status: g.status,
        Närvarade: isoOrNull(g.attendedAt),
        "Samtycke till inbjudningar": g.consent,
        "Kön (lämnat med samtycke)": g.gender,
        Betyg: g.rating,
        Kommentar: g.comment,
        Anmäld: g.createdAt.toISOString(),
      })),
    },
    {
      category: "event_dietary_needs",
      ids: [],
      records: regs
        .filter((g) => g.dietary || g.accessibility)
        .map((g) => ({
          Evenemang: g.event,
          Datum: g.date,
          Kostbehov: g.dietary,
          Tillgänglighetsbehov: g.accessibility,
        })),
    },
    {
      category: "memberships",
      ids: [],
      records: nets.map((n) => ({ Nätverk: n.network, Roll: n.role, "Med sedan": n.joinedOn })),
    },
  ];
}

export async function erasureImpactFor(db: Db | Tx, s: PersonalDataSubject): Promise<ErasureImpactItem[]> {
  const regs = await registrations(db, s);
  const nets = await networks(db, s);
  const items: ErasureImpactItem[] = [];
  if (regs.length)
    items.push({
      category: "event_registrations",
      action: "anonymise",
      count: regs.length,
      description:
        "Anmälningar: namn, e-post och kommentarer tas bort; evenemang, status, närvaro, roll och organisation finns kvar så att antalen i deltagartabeller och indikatorer är oförändrade.",
      rule: null,
    });
  const dietary = regs.filter((g) => g.dietary || g.accessibility).length;
  if (dietary)
    items.push({
      category: "event_dietary_needs",
      action: "remove",
      count: dietary,
      description: "Uppgifter om kost, allergier och tillgänglighetsbehov tas bort.",
      rule: null,
    });
  if (nets.length)
    items.push({
      category: "memberships",
      action: "remove",
      count: nets.length,
      description: "Medlemskap i nätverk tas bort.",
      rule: null,
    });
  return items;
}

export async function eraseFor(tx: Tx, s: PersonalDataSubject, ctx: ErasureContext) {
  const regs = await tx.select({ id: r.id, email: r.email }).from(r).where(mine(s)).for("update");
  const ids = regs.map((g) => g.id);
  if (ids.length) {
    await tx.delete(eventDietaryNeeds).where(inArray(eventDietaryNeeds.registrationId, ids));
    await tx.delete(eventAccessibilityNeeds).where(inArray(eventAccessibilityNeeds.registrationId, ids));
    // The consented gender answer stays on the anonymised registration: without name or address it is
    // the statistic it was given for (counted only in groups of at least 5), like the role.
    await tx
      .update(eventFeedback)
      .set({ comment: null })
      .where(and(inArray(eventFeedback.registrationId, ids), isNotNull(eventFeedback.comment)));
    for (const g of regs) {
      await tx
        .update(r)
        .set({
          name: "Raderad deltagare",
          email: g.email ? ctx.pseudonym(g.email) : null,
          // The personal link stops working: its token is replaced by one no one holds.
          tokenHash: hashToken(newToken()),
          consentInvitations: false,
          updatedAt: new Date(),
        })
        .where(eq(r.id, g.id));
    }
  }
  if (s.personId) await tx.delete(networkMembers).where(eq(networkMembers.personId, s.personId));
}
