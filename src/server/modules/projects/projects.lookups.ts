import { inArray, sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../../db/client.ts";
import { projects } from "./projects.schema.ts";

/** Reads of the project register other modules make by id (no authorisation: the caller decides). */

/** These projects' ids and names in the register's order (Swedish sort key, then id); unknown ids are left out. */
export async function projectsInOrder(db: Db | Tx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(inArray(projects.id, ids))
    .orderBy(projects.sortKey, projects.id);
}

/**
 * A project and its sub-projects at any depth (parent_id), as ids: the given id always comes first, even if no
 * such project exists, so a report over the tree of an unknown project reads nothing else.
 */
export async function projectTreeIds(db: Db | Tx, projectId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive tree(id) as (select ${projectId}::uuid union all select c.id from ${projects} c join tree t on c.parent_id = t.id)
      select id::text as id from tree`,
  );
  return [projectId, ...rows.map((r) => r.id).filter((id) => id !== projectId)];
}
