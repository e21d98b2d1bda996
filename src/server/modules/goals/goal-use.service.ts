import type { GoalUseView } from "../../../common/goals.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { forbidden, notFound } from "../../platform/errors.ts";
import { goalUseRows } from "../../read/goal-use.ts";
import { readableOrganisationIds } from "../organisations/index.ts";
import { currentVersionOf, goalsOfVersion } from "./goal-links.service.ts";

/**
 * What serves each goal of a framework's current version: its activities in one calendar year (not
 * cancelled ones, as the indicators count them), and
 * the projects and plan items linked to it. A view across the portfolio, so it is for those who read
 * every project (staff, programme directors, group members); a partner, who sees only their own
 * organisations' projects, is refused rather than shown a partial picture.
 */
export const canReadGoalUse = (actor: Actor | null) => !!actor && readableOrganisationIds(actor) === null;

export async function goalUse(db: Db, actor: Actor, frameworkId: string, year: number): Promise<GoalUseView> {
  if (!canReadGoalUse(actor)) throw forbidden();
  const version = await currentVersionOf(db, frameworkId);
  if (!version) throw notFound();
  const goalRows = await goalsOfVersion(db, version.id);
  const ids = goalRows.map((g) => g.id);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const { activityRows, projectRows, itemRows } = await goalUseRows(db, ids, from, to);
  const of = <T extends { goalId: string }>(rows: T[], goalId: string) =>
    rows.filter((r) => r.goalId === goalId).map(({ goalId: _, ...rest }) => rest);
  return {
    frameworkId,
    frameworkName: version.name,
    versionNumber: version.number,
    year,
    goals: goalRows.map((g) => {
      const served = of(activityRows, g.id);
      return {
        id: g.id,
        code: g.code,
        text: g.text,
        hasActivitiesThisYear: served.length > 0,
        activities: served,
        projects: of(projectRows, g.id),
        planItems: of(itemRows, g.id),
      };
    }),
  };
}
