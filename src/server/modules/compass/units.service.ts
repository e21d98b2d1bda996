import { and, eq, inArray, sql } from "drizzle-orm";
import type { HeatmapView, TrendView, UnitListItem, UnitView } from "../../../common/compass.ts";
import type { Locale } from "../../../common/format.ts";
import { type Db, queryRows } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { notFound } from "../../platform/errors.ts";
import { organisationNames } from "../organisations/index.ts";
import { canReadUnit, unitPolicy } from "./compass.policy.ts";
import { compassGoals } from "./compass.schema.ts";
import { levelsForYear, type ProgrammeYear } from "./derivation.service.ts";
import { meanOneDecimal } from "./level.ts";
import { latestModel, type ModelVersion } from "./model.service.ts";
import { labelOf } from "./programme.service.ts";

/**
 * Compasses of a unit (department, faculty, university): every programme owned by the unit or by a
 * unit below it. Aggregates use the current model's dimensions; a programme-year kept on an older
 * version contributes to the dimensions that version also has.
 */

export interface UnitProgramme {
  id: string;
  code: string;
  name_sv: string;
  name_en: string | null;
  level: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
}

/** The unit, if the actor may read its compass (else 404, as if it did not exist). */
export async function loadUnit(db: Db, actor: Actor, organisationId: string) {
  const name = (await organisationNames(db, [organisationId])).get(organisationId);
  if (name === undefined) throw notFound();
  const unit = { id: organisationId, name };
  authorize(actor, unitPolicy, "read", { organisationId });
  return unit;
}

/** The unit's programmes, its own and those of every unit below it, in Swedish name order. */
export function unitProgrammes(db: Db, organisationId: string) {
  return queryRows<UnitProgramme>(
    db,
    sql`
    with recursive tree as (
      select id from organisations where id = ${organisationId}::uuid
      union
      select o.id from organisations o join tree t on o.parent_id = t.id
    )
    select p.id::text as id, p.code, p.name_sv, p.name_en, p.level,
           p.organisation_id::text as organisation_id, o.name as organisation_name
    from programmes p
    left join organisations o on o.id = p.organisation_id
    where p.organisation_id in (select id from tree)
    order by p.sort_key, p.id`,
  );
}

/** Units that own programmes, directly or further down, with how many — for choosing a unit view. */
export async function listUnits(db: Db, actor: Actor): Promise<UnitListItem[]> {
  const units = await queryRows<UnitListItem>(
    db,
    sql`
    with recursive up as (
      select p.id as programme_id, p.organisation_id as org_id
      from programmes p where p.organisation_id is not null
      union
      select up.programme_id, o.parent_id
      from up join organisations o on o.id = up.org_id
      where o.parent_id is not null
    )
    select o.id::text as id, o.name, o.type, o.parent_id::text as "parentId",
           count(distinct up.programme_id)::int as programmes
    from up join organisations o on o.id = up.org_id
    group by o.id, o.name, o.type, o.parent_id, o.sort_key
    order by o.sort_key, o.id`,
  );
  return units.filter((u) => canReadUnit(actor, { organisationId: u.id }));
}

/** A programme-year's level in a dimension of the current model, or null when its version lacks it. */
const levelIn = (py: ProgrammeYear | undefined, key: string) => py?.levels.get(key)?.level ?? null;

function aggregate(model: ModelVersion, years: Map<string, ProgrammeYear>, ids: string[], locale: Locale) {
  return model.dimensions.map((d) => {
    const levels = ids.map((id) => levelIn(years.get(id), d.key)).filter((l): l is number => l !== null);
    const distribution = [0, 0, 0, 0, 0];
    for (const l of levels) distribution[l]++;
    return { key: d.key, label: labelOf(d, locale), mean: meanOneDecimal(levels), distribution };
  });
}

async function goalsOf(db: Db, ids: string[], year: number) {
  if (!ids.length) return new Map<string, Map<string, number | null>>();
  const rows = await db
    .select({
      programmeId: compassGoals.programmeId,
      key: compassGoals.dimensionKey,
      level: compassGoals.level,
    })
    .from(compassGoals)
    .where(and(eq(compassGoals.year, year), inArray(compassGoals.programmeId, ids)));
  const out = new Map<string, Map<string, number | null>>();
  for (const r of rows) {
    if (!out.has(r.programmeId)) out.set(r.programmeId, new Map());
    out.get(r.programmeId)!.set(r.key, r.level);
  }
  return out;
}

/** Mean level (one decimal) and distribution over levels 0–4 per dimension. */
export async function unitCompass(
  db: Db,
  actor: Actor,
  organisationId: string,
  year: number,
  locale: Locale,
): Promise<UnitView> {
  const unit = await loadUnit(db, actor, organisationId);
  const ids = (await unitProgrammes(db, organisationId)).map((p) => p.id);
  const model = await latestModel(db);
  const years = await levelsForYear(db, ids, year, actor);
  const goals = await goalsOf(db, ids, year);
  return {
    organisationId,
    name: unit.name,
    year,
    modelVersion: model.version,
    programmes: ids.length,
    dimensions: aggregate(model, years, ids, locale).map((d) => ({
      ...d,
      meanGoal: meanOneDecimal(
        ids.map((id) => goals.get(id)?.get(d.key) ?? null).filter((g): g is number => g !== null),
      ),
    })),
  };
}

/** Every programme of the unit × every dimension: the heat-map (and its XLSX export). */
export async function unitHeatmap(
  db: Db,
  actor: Actor,
  organisationId: string,
  year: number,
  locale: Locale,
): Promise<HeatmapView> {
  const unit = await loadUnit(db, actor, organisationId);
  const programmes = await unitProgrammes(db, organisationId);
  const ids = programmes.map((p) => p.id);
  const model = await latestModel(db);
  const years = await levelsForYear(db, ids, year, actor);
  const goals = await goalsOf(db, ids, year);
  return {
    organisationId,
    name: unit.name,
    year,
    dimensions: model.dimensions.map((d) => ({ key: d.key, label: labelOf(d, locale) })),
    rows: programmes.map((p) => ({
      programmeId: p.id,
      code: p.code,
      name: locale === "en" && p.name_en ? p.name_en : p.name_sv,
      organisationId: p.organisation_id,
      organisationName: p.organisation_name,
      level: p.level,
      modelVersion: years.get(p.id)!.model.version,
      levels: Object.fromEntries(model.dimensions.map((d) => [d.key, levelIn(years.get(p.id), d.key)])),
      goals: Object.fromEntries(model.dimensions.map((d) => [d.key, goals.get(p.id)?.get(d.key) ?? null])),
    })),
  };
}

export const MAX_TREND_YEARS = 10;

/** Mean level per dimension and year, for the unit's trend chart. */
export async function unitTrend(
  db: Db,
  actor: Actor,
  organisationId: string,
  from: number,
  to: number,
  locale: Locale,
): Promise<TrendView> {
  await loadUnit(db, actor, organisationId);
  const ids = (await unitProgrammes(db, organisationId)).map((p) => p.id);
  const model = await latestModel(db);
  const years: TrendView["years"] = [];
  for (let year = from; year <= to; year++) {
    const levels = await levelsForYear(db, ids, year, actor);
    const dims = aggregate(model, levels, ids, locale);
    years.push({ year, programmes: ids.length, means: Object.fromEntries(dims.map((d) => [d.key, d.mean])) });
  }
  return {
    organisationId,
    dimensions: model.dimensions.map((d) => ({ key: d.key, label: labelOf(d, locale) })),
    years,
  };
}

/** Years with dated activities, for choosing a year: the first to the latest, and the current one. */
export async function compassYears(db: Db) {
  const [row] = await queryRows<{ first: number | null; last: number | null; last_done: number | null }>(
    db,
    sql`
    select extract(year from min(start_date))::int as first,
           extract(year from max(start_date))::int as last,
           extract(year from max(start_date) filter (where status = 'done' and start_date <= current_date))::int as last_done
    from activities where start_date is not null`,
  );
  const current = new Date().getUTCFullYear();
  const first = Math.min(row?.first ?? current, current);
  const last = Math.max(row?.last ?? current, current);
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return { current, latestWithData: row?.last_done ?? current, years };
}
