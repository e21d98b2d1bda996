import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { type OfferInput, type OfferView, offerInput, offerPatch } from "../../../common/compass.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { abilities, authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { findActivityType } from "../activities/index.ts";
import { organisationNames } from "../organisations/index.ts";
import { compassPolicy } from "./compass.policy.ts";
import { compassOffers } from "./compass.schema.ts";
import { parseInput } from "./compass.shared.ts";
import { latestModel } from "./model.service.ts";

/** The collaboration office's catalogue of support offers (seed 000, activities 5 and 8). */

/** Offer rows with the name of their unit (one query for the unit names of the whole list). */
async function withOrganisationNames(db: Db | Tx, offers: (typeof compassOffers.$inferSelect)[]) {
  const names = await organisationNames(db, [
    ...new Set(offers.flatMap((o) => (o.organisationId ? [o.organisationId] : []))),
  ]);
  return offers.map((offer) => ({
    offer,
    organisationName: offer.organisationId ? (names.get(offer.organisationId) ?? null) : null,
  }));
}

type Joined = { offer: typeof compassOffers.$inferSelect; organisationName: string | null };
export const presentOffer = ({ offer, organisationName }: Joined): OfferView => ({
  id: offer.id,
  title: offer.title,
  description: offer.description,
  dimensions: offer.dimensions,
  targetLevel: offer.targetLevel,
  activityTypeKey: offer.activityTypeKey,
  contactName: offer.contactName,
  contactEmail: offer.contactEmail,
  organisationId: offer.organisationId,
  organisationName,
  active: offer.active,
});

/** The active offers; inactive ones too when asked for by someone who keeps the catalogue. */
export async function listOffers(
  db: Db,
  actor: Actor | null,
  options: { dimension?: string; includeInactive?: boolean } = {},
): Promise<OfferView[]> {
  authorize(actor, compassPolicy, "read", null);
  const includeInactive =
    options.includeInactive && abilities(actor, compassPolicy, null, ["manageOffers"]).manageOffers;
  const where: SQL[] = [];
  if (!includeInactive) where.push(eq(compassOffers.active, true));
  if (options.dimension)
    where.push(sql`${compassOffers.dimensions} @> ${JSON.stringify([options.dimension])}::jsonb`);
  const rows = await db
    .select()
    .from(compassOffers)
    .where(and(...where))
    .orderBy(asc(compassOffers.sortKey), asc(compassOffers.id));
  return (await withOrganisationNames(db, rows)).map(presentOffer);
}

export async function getOffer(db: Db | Tx, actor: Actor | null, id: string): Promise<OfferView> {
  authorize(actor, compassPolicy, "read", null);
  const [offer] = await db.select().from(compassOffers).where(eq(compassOffers.id, id));
  if (!offer) throw notFound();
  return presentOffer((await withOrganisationNames(db, [offer]))[0]);
}

/** Dimensions must exist in the current model, the activity type in the catalogue, the unit in the register. */
async function checkReferences(
  db: Db,
  actor: Actor,
  data: Partial<{ dimensions: string[]; activityTypeKey: string; organisationId: string | null }>,
) {
  const errors: Record<string, string> = {};
  if (data.dimensions) {
    const known = new Set((await latestModel(db, actor)).dimensions.map((d) => d.key));
    if (data.dimensions.some((k) => !known.has(k))) errors.dimensions = "validation.compass.unknownDimension";
  }
  if (data.activityTypeKey) {
    if (!(await findActivityType(db, data.activityTypeKey)))
      errors.activityTypeKey = "validation.compass.unknownActivityType";
  }
  if (data.organisationId) {
    if (!(await organisationNames(db, [data.organisationId])).has(data.organisationId))
      errors.organisationId = "validation.compass.unknownOrganisation";
  }
  if (Object.keys(errors).length) throw fieldErrors(errors);
}

export async function createOffer(db: Db, actor: Actor, raw: OfferInput): Promise<OfferView> {
  authorize(actor, compassPolicy, "manageOffers", null);
  const input = parseInput(offerInput, raw);
  await checkReferences(db, actor, input);
  const id = await writeWithAudit(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(compassOffers)
      .values({
        title: input.title,
        sortKey: swedishSortKey(input.title),
        description: input.description,
        dimensions: [...new Set(input.dimensions)],
        targetLevel: input.targetLevel,
        activityTypeKey: input.activityTypeKey,
        contactName: input.contactName ?? null,
        contactEmail: input.contactEmail ?? null,
        organisationId: input.organisationId ?? null,
        active: input.active,
      })
      .returning();
    await audit({
      action: "compass.offer.create",
      entityType: "compass_offer",
      entityId: row.id,
      after: row,
    });
    return row.id;
  });
  return getOffer(db, actor, id);
}

export async function updateOffer(
  db: Db,
  actor: Actor,
  id: string,
  raw: Partial<OfferInput>,
): Promise<OfferView> {
  authorize(actor, compassPolicy, "manageOffers", null);
  await getOffer(db, actor, id);
  const input = parseInput(offerPatch, raw);
  await checkReferences(db, actor, input);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const [before] = await tx.select().from(compassOffers).where(eq(compassOffers.id, id));
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const [after] = await tx
      .update(compassOffers)
      .set({
        ...patch,
        ...(input.title ? { sortKey: swedishSortKey(input.title) } : {}),
        ...(input.dimensions ? { dimensions: [...new Set(input.dimensions)] } : {}),
        updatedAt: new Date(),
      })
      .where(eq(compassOffers.id, id))
      .returning();
    await audit({ action: "compass.offer.update", entityType: "compass_offer", entityId: id, before, after });
  });
  return getOffer(db, actor, id);
}
