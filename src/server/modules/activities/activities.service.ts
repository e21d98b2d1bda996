import { type ActivityListQuery, activityListQuery } from "../../../common/activities.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { notFound } from "../../platform/errors.ts";
import { parseWith } from "../../platform/validation.ts";
import { activitiesPolicy } from "./activities.policy.ts";
import { queryActivities } from "./activities.queries.ts";
import { type ActivityRecord, findActivity } from "./activities.records.ts";

/**
 * The activities service: what other modules call (compass, events, plans, import/export).
 * Reads live here; the writes (with their rules and audit) are in activities.write.ts and are
 * re-exported so callers import one file.
 */
export type { ActivityRecord } from "./activities.records.ts";
export { activityImpact, createActivity, deleteActivity, updateActivity } from "./activities.write.ts";

/** One activity for any logged-in user; 404 when it does not exist. */
export async function getActivity(db: Db, actor: Actor | null, id: string): Promise<ActivityRecord> {
  authorize(actor, activitiesPolicy, "read", null);
  const found = await findActivity(db, id);
  if (!found) throw notFound();
  return found;
}

/** Activities filtered by type, status, programme (or its courses), course, organisation, period and tag. */
export async function listActivities(db: Db, actor: Actor | null, query: Partial<ActivityListQuery> = {}) {
  authorize(actor, activitiesPolicy, "list", null);
  return queryActivities(db, parseWith(activityListQuery, query));
}
