import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { activities } from "../modules/activities/activities.schema.ts";
import { organisations } from "../modules/organisations/organisations.schema.ts";
import { planItemActivities, planItemOrganisations } from "../modules/plans/plans.schema.ts";

/**
 * What a plan's items link to in other modules: the responsible organisations (organisations, Swedish
 * order) and the delivering activities (activities, by start date). Cross-module because each list joins
 * the plans module's link table with another module's table (read layer, decision 011).
 */

/** The responsible organisations of these plan items, in the register's order. */
export async function planItemOrganisationRows(db: Db | Tx, itemIds: string[]) {
  return db
    .select({ itemId: planItemOrganisations.itemId, id: organisations.id, name: organisations.name })
    .from(planItemOrganisations)
    .innerJoin(organisations, eq(organisations.id, planItemOrganisations.organisationId))
    .where(inArray(planItemOrganisations.itemId, itemIds))
    .orderBy(asc(organisations.sortKey));
}

/** The activities that deliver these plan items, by start date. */
export async function planItemActivityRows(db: Db | Tx, itemIds: string[]) {
  return db
    .select({
      itemId: planItemActivities.itemId,
      id: activities.id,
      title: activities.title,
      status: activities.status,
      startDate: activities.startDate,
    })
    .from(planItemActivities)
    .innerJoin(activities, eq(activities.id, planItemActivities.activityId))
    .where(inArray(planItemActivities.itemId, itemIds))
    .orderBy(asc(activities.startDate), asc(activities.id));
}
