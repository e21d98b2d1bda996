import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { goalFrameworks, goals } from "../modules/goals/goals.schema.ts";
import { indicators } from "../modules/indicators/indicators.schema.ts";
import { organisations } from "../modules/organisations/organisations.schema.ts";
import { projects } from "../modules/projects/projects.schema.ts";

/**
 * Indicator definitions with the names of what they are attached to (goal, framework, project, organisation),
 * read across the goals, projects and organisations tables (read layer, decision 011). The indicators module
 * decides which indicators a reader may see and passes the conditions in.
 */

type IndicatorRow = typeof indicators.$inferSelect;

export interface IndicatorRecord {
  row: IndicatorRow;
  goal: { id: string; code: string; text: string } | null;
  framework: { id: string; name: string } | null;
  project: { id: string; name: string } | null;
  organisation: { id: string; name: string } | null;
}

export function selectIndicators(db: Db | Tx) {
  return db
    .select({
      row: indicators,
      goalCode: goals.code,
      goalText: goals.text,
      frameworkName: goalFrameworks.name,
      projectName: projects.name,
      organisationName: organisations.name,
    })
    .from(indicators)
    .leftJoin(goals, eq(goals.id, indicators.goalId))
    .leftJoin(goalFrameworks, eq(goalFrameworks.id, indicators.frameworkId))
    .leftJoin(projects, eq(projects.id, indicators.projectId))
    .leftJoin(organisations, eq(organisations.id, indicators.organisationId));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectIndicators>["where"]>>[number];

export function toRecord(r: Selected): IndicatorRecord {
  const { row } = r;
  return {
    row,
    goal: row.goalId && r.goalCode ? { id: row.goalId, code: r.goalCode, text: r.goalText ?? "" } : null,
    framework: row.frameworkId && r.frameworkName ? { id: row.frameworkId, name: r.frameworkName } : null,
    project: row.projectId && r.projectName ? { id: row.projectId, name: r.projectName } : null,
    organisation:
      row.organisationId && r.organisationName ? { id: row.organisationId, name: r.organisationName } : null,
  };
}

export async function findIndicator(db: Db | Tx, id: string): Promise<IndicatorRecord | null> {
  const [found] = await selectIndicators(db).where(eq(indicators.id, id));
  return found ? toRecord(found) : null;
}

/** Indicators matching the conditions, in their own order (sort order, then name). */
export async function findIndicators(db: Db | Tx, where: SQL[]): Promise<IndicatorRecord[]> {
  const rows = await selectIndicators(db)
    .where(and(...where))
    .orderBy(asc(indicators.sortOrder), asc(indicators.sortKey), asc(indicators.id));
  return rows.map(toRecord);
}
