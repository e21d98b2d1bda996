import { desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { findIndicators } from "../../read/indicator-definitions.ts";
import { indicators, indicatorValues } from "./indicators.schema.ts";

/** Indicator rows with the names of what they are attached to (read layer), and their manual values. */
export {
  findIndicator,
  findIndicators,
  type IndicatorRecord,
  selectIndicators,
  toRecord,
} from "../../read/indicator-definitions.ts";

export type IndicatorRow = typeof indicators.$inferSelect;
export type ValueRow = typeof indicatorValues.$inferSelect;

/** Manual values of indicators, newest first per indicator. */
export async function valuesOf(db: Db | Tx, indicatorIds: string[]): Promise<Map<string, ValueRow[]>> {
  const result = new Map<string, ValueRow[]>();
  if (!indicatorIds.length) return result;
  const rows = await db
    .select()
    .from(indicatorValues)
    .where(inArray(indicatorValues.indicatorId, indicatorIds))
    .orderBy(desc(indicatorValues.date), desc(indicatorValues.createdAt), desc(indicatorValues.id));
  for (const v of rows) result.set(v.indicatorId, [...(result.get(v.indicatorId) ?? []), v]);
  return result;
}

/** Keeps only indicators the given organisations own (a partner's view). */
export const ownedBy = (organisationIds: string[]): SQL =>
  organisationIds.length ? inArray(indicators.organisationId, organisationIds) : sql`false`;

/** The indicators of a goal framework, of a project, or an organisation's own (outside any framework), for reports. */
export const indicatorsOfFramework = (db: Db | Tx, frameworkId: string) =>
  findIndicators(db, [eq(indicators.frameworkId, frameworkId)]);
export const indicatorsOfProject = (db: Db | Tx, projectId: string) =>
  findIndicators(db, [eq(indicators.projectId, projectId)]);
export const ownIndicatorsOfOrganisation = (db: Db | Tx, organisationId: string) =>
  findIndicators(db, [eq(indicators.organisationId, organisationId), isNull(indicators.frameworkId)]);
