import { sql } from "drizzle-orm";
import type { DashboardView } from "../../common/indicators.ts";
import { type Db, queryRows } from "../db/client.ts";

/**
 * Read models of the goal dashboard (read layer, decision 011): what is linked to each goal, read from the
 * goals module's link tables (activity_goals, plan_item_goals, project_goals) and the projects table, and an
 * organisation's name. The indicators module decides who may read the dashboard.
 */

type GoalLinks = DashboardView["goals"][number]["links"];

/** Per goal: how many activities and plan items serve it, and the projects linked to it (in project order). */
export async function goalLinks(db: Db, goalIds: string[]) {
  if (!goalIds.length) return new Map<string, GoalLinks>();
  const ids = sql.join(
    goalIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const counts = await queryRows<{ goal_id: string; activities: number; plan_items: number }>(
    db,
    sql`select g.id as goal_id,
          (select count(*) from activity_goals ag where ag.goal_id = g.id)::int as activities,
          (select count(*) from plan_item_goals pg where pg.goal_id = g.id)::int as plan_items
        from goals g where g.id in (${ids})`,
  );
  const linked = await queryRows<{ goal_id: string; id: string; name: string; colour: string | null }>(
    db,
    sql`select pg.goal_id, p.id, p.name, p.colour from project_goals pg join projects p on p.id = pg.project_id
        where pg.goal_id in (${ids}) order by p.sort_key, p.id`,
  );
  return new Map<string, GoalLinks>(
    counts.map((c) => [
      c.goal_id,
      {
        activities: Number(c.activities),
        planItems: Number(c.plan_items),
        projects: linked
          .filter((l) => l.goal_id === c.goal_id)
          .map(({ id, name, colour }) => ({ id, name, colour })),
      },
    ]),
  );
}

/** The organisation's id and name, or undefined when there is none with that id. */
export async function dashboardOrganisation(db: Db, organisationId: string) {
  const [org] = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from organisations where id = ${organisationId}::uuid`,
  );
  return org;
}
