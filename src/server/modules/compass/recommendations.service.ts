import { and, eq } from "drizzle-orm";
import { type RecommendationView, takeOfferInput, type WorkPlanItem } from "../../../common/compass.ts";
import type { Locale } from "../../../common/format.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, fieldErrors } from "../../platform/errors.ts";
import { isUniqueViolation } from "../../platform/sql.ts";
import { workPlanRows } from "../../read/compass-derivation.ts";
import { createActivity, deleteActivity } from "../activities/index.ts";
import { compassPolicy } from "./compass.policy.ts";
import { compassOfferTakes } from "./compass.schema.ts";
import { actorUserId, loadProgramme, parseInput } from "./compass.shared.ts";
import { dimensionsOfType } from "./derivation.service.ts";
import { periodOf } from "./level.ts";
import { getOffer, listOffers } from "./offers.service.ts";
import { modelForYear, programmeCompass } from "./programme.service.ts";

/**
 * For each gap between goal and current level, the offers that address it, largest gaps first.
 * An offer fits a dimension it strengthens when the level it helps reach is above the current one;
 * offers that reach exactly the goal come first, then those closest to it.
 */
export async function recommendations(
  db: Db,
  actor: Actor | null,
  programmeId: string,
  year: number,
  locale: Locale,
): Promise<RecommendationView[]> {
  authorize(actor, compassPolicy, "read", { programmeId });
  const compass = await programmeCompass(db, actor, programmeId, year, locale);
  const offers = await listOffers(db, actor);
  const taken = new Set(
    (
      await db
        .select({ offerId: compassOfferTakes.offerId })
        .from(compassOfferTakes)
        .where(and(eq(compassOfferTakes.programmeId, programmeId), eq(compassOfferTakes.year, year)))
    ).map((t) => t.offerId),
  );
  const order = new Map(compass.dimensions.map((d, i) => [d.key, i]));
  return compass.dimensions
    .filter((d) => d.goal !== null && (d.gap ?? 0) > 0)
    .sort((a, b) => b.gap! - a.gap! || order.get(a.key)! - order.get(b.key)!)
    .map((d) => {
      const goal = d.goal!;
      const fitting = offers
        .filter((o) => o.dimensions.includes(d.key) && o.targetLevel > d.current)
        .sort(
          (a, b) =>
            Number(a.targetLevel > goal) - Number(b.targetLevel > goal) ||
            Math.abs(goal - a.targetLevel) - Math.abs(goal - b.targetLevel) ||
            a.title.localeCompare(b.title, "sv"),
        );
      return {
        dimensionKey: d.key,
        dimensionLabel: d.label,
        current: d.current,
        goal,
        gap: d.gap!,
        offers: fitting.map((o) => ({ ...o, taken: taken.has(o.id) })),
      };
    });
}

/**
 * Takes an offer for a programme-year: a planned activity of the offer's type is added (through the
 * activities service, so its rules and audit apply) and recorded as part of the programme's work plan.
 */
export async function takeOffer(
  db: Db,
  actor: Actor,
  programmeId: string,
  offerId: string,
  year: number,
  raw: unknown,
): Promise<WorkPlanItem> {
  await loadProgramme(db, programmeId);
  authorize(actor, compassPolicy, "manage", { programmeId });
  const offer = await getOffer(db, actor, offerId);
  if (!offer.active) throw new AppError("conflict", "compass.errors.offerInactive");
  const input = parseInput(takeOfferInput, raw ?? {});
  const dimensionKey = input.dimensionKey ?? offer.dimensions[0];
  if (!offer.dimensions.includes(dimensionKey))
    throw fieldErrors({ dimensionKey: "validation.compass.offerDimension" });
  const model = await modelForYear(db, actor, programmeId, year);
  const period = periodOf(year, model.period);
  if (input.startDate && (input.startDate < period.from || input.startDate > period.to))
    throw fieldErrors({ startDate: { key: "validation.compass.dateOutsideYear", params: period } });
  const [existing] = await db
    .select({ id: compassOfferTakes.id })
    .from(compassOfferTakes)
    .where(
      and(
        eq(compassOfferTakes.offerId, offerId),
        eq(compassOfferTakes.programmeId, programmeId),
        eq(compassOfferTakes.year, year),
      ),
    );
  if (existing) throw new AppError("conflict", "compass.errors.alreadyTaken");

  const today = new Date().toISOString().slice(0, 10);
  const startDate = input.startDate ?? (today >= period.from && today <= period.to ? today : period.from);
  const activity = await createActivity(db, actor, {
    title: offer.title,
    typeKey: offer.activityTypeKey,
    description: offer.description,
    startDate,
    status: "planned",
    programmeIds: [programmeId],
    organiserIds: offer.organisationId ? [offer.organisationId] : [],
    tags: ["ALA-kompassen"],
  });
  try {
    await writeWithAudit(db, actor, async (tx, audit) => {
      const [take] = await tx
        .insert(compassOfferTakes)
        .values({
          offerId,
          programmeId,
          year,
          dimensionKey,
          activityId: activity.id,
          takenBy: actorUserId(actor),
        })
        .returning();
      await audit({
        action: "compass.offer.take",
        entityType: "programme",
        entityId: programmeId,
        after: take,
      });
    });
  } catch (error) {
    // Someone took the same offer a moment earlier: keep one planned activity, not two.
    await deleteActivity(db, actor, activity.id);
    if (isUniqueViolation(error)) throw new AppError("conflict", "compass.errors.alreadyTaken");
    throw error;
  }
  return {
    activityId: activity.id,
    title: activity.title,
    typeKey: activity.typeKey,
    status: activity.status,
    startDate: activity.startDate,
    dimensions: dimensionsOfType(model, activity.typeKey),
    offerId,
    offerTitle: offer.title,
    takenBy: actor.name,
  };
}

/**
 * The programme's work plan for a year: the activities taken from offers for that year (whatever
 * their status now) and every other planned activity of the programme in the period.
 */
export async function workPlan(
  db: Db,
  actor: Actor | null,
  programmeId: string,
  year: number,
): Promise<WorkPlanItem[]> {
  authorize(actor, compassPolicy, "read", { programmeId });
  await loadProgramme(db, programmeId);
  const model = await modelForYear(db, actor, programmeId, year);
  const rows = await workPlanRows(db, programmeId, year, periodOf(year, model.period));
  return rows.map((r) => ({
    activityId: r.id,
    title: r.title,
    typeKey: r.type_key,
    status: r.status,
    startDate: r.start_date,
    dimensions: dimensionsOfType(model, r.type_key),
    offerId: r.offer_id,
    offerTitle: r.offer_title,
    takenBy: r.taken_by,
  }));
}
