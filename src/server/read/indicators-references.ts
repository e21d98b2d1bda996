import { sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../db/client.ts";

/**
 * Whether what an indicator points at exists (read layer, decision 011): goals and their frameworks,
 * projects, organisations, event series and activity types, all other modules' tables. The indicators
 * module checks its input with these and decides who may write.
 */

/** The tables an indicator's references point into. */
export type ReferencedTable = "goal_frameworks" | "projects" | "organisations" | "event_series" | "goals";

/** Whether the table has a row with that id. */
export const referenceExists = async (db: Db | Tx, table: ReferencedTable, id: string) =>
  (await queryRows(db, sql`select 1 from ${sql.identifier(table)} where id = ${id}::uuid`)).length > 0;

/** The framework a goal belongs to (through its framework version), or undefined for an unknown goal. */
export async function frameworkOfGoal(db: Db | Tx, goalId: string) {
  const [goal] = await queryRows<{ framework_id: string }>(
    db,
    sql`select v.framework_id from goals g join goal_framework_versions v on v.id = g.version_id where g.id = ${goalId}::uuid`,
  );
  return goal;
}

/** Those of the keys that are activity types. */
export function knownActivityTypes(db: Db | Tx, keys: string[]) {
  return queryRows<{ key: string }>(
    db,
    sql`select key from activity_types where key in (${sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    )})`,
  );
}
