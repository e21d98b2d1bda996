import { sql } from "drizzle-orm";
import type { IndicatorDefinition } from "../../common/indicators.ts";
import { type Db, queryRows, type Tx } from "../db/client.ts";

/**
 * The names an indicator definition's ids and keys stand for (read layer, decision 011), read across the
 * activity types', projects', event series', organisations', goals' and agreements' tables, so the indicators
 * module can put the definition in words. The indicators module decides who may read the indicator.
 */

/** Names the words need, resolved from the registers for the definition's ids and keys. */
export interface DefinitionNames {
  activityTypes: Record<string, { sv: string; en: string }>;
  project?: string;
  series?: string;
  organisation?: string;
  goal?: string;
  agreement?: string;
}

const one = async (db: Db | Tx, query: ReturnType<typeof sql>) =>
  (await queryRows<{ name: string }>(db, query))[0]?.name;

/** Looks up the names a definition's ids and keys stand for. */
export async function loadDefinitionNames(db: Db | Tx, def: IndicatorDefinition): Promise<DefinitionNames> {
  const f = def.filters ?? {};
  const types = f.activityTypes?.length
    ? await queryRows<{ key: string; sv: string; en: string }>(
        db,
        sql`select key, label_sv as sv, label_en as en from activity_types where key in (${sql.join(
          f.activityTypes.map((k) => sql`${k}`),
          sql`, `,
        )})`,
      )
    : [];
  return {
    activityTypes: Object.fromEntries(types.map((r) => [r.key, { sv: r.sv, en: r.en }])),
    project: f.projectId
      ? await one(db, sql`select name from projects where id = ${f.projectId}::uuid`)
      : undefined,
    series: f.seriesId
      ? await one(db, sql`select name from event_series where id = ${f.seriesId}::uuid`)
      : undefined,
    organisation: f.organisationId
      ? await one(db, sql`select name from organisations where id = ${f.organisationId}::uuid`)
      : undefined,
    goal: f.goalId
      ? await one(db, sql`select code || ' – ' || text as name from goals where id = ${f.goalId}::uuid`)
      : undefined,
    agreement: f.agreementId
      ? await one(db, sql`select title as name from agreements where id = ${f.agreementId}::uuid`)
      : undefined,
  };
}
