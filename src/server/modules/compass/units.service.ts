import { and, eq, inArray } from "drizzle-orm";
import type { HeatmapView, TrendView, UnitListItem, UnitView } from "../../../common/compass.ts";
import type { Locale } from "../../../common/format.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { activityYears, unitProgrammes, unitsWithProgrammes } from "../../read/compass-units.ts";
import { organisationNames } from "../organisations/index.ts";
import { canReadUnit, compassPolicy, unitPolicy } from "./compass.policy.ts";
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

/** The unit, if the actor may read its compass (else 404, as if it did not exist). */
export async function loadUnit(db: Db, actor: Actor | null, organisationId: string) {
  authorize(actor, compassPolicy, "read", null);
  const name = (await organisationNames(db, [organisationId])).get(organisationId);
  if (name === undefined) throw notFound();
  const unit = { id: organisationId, name };
  authorize(actor, unitPolicy, "read", { organisationId });
  return unit;
}

/** Units that own programmes, directly or further down, with how many — for choosing a unit view. */
export async function listUnits(db: Db, actor: Actor | null): Promise<UnitListItem[]> {
  authorize(actor, compassPolicy, "read", null);
  const units = await unitsWithProgrammes(db);
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
  actor: Actor | null,
  organisationId: string,
  year: number,
  locale: Locale,
): Promise<UnitView> {
  const unit = await loadUnit(db, actor, organisationId);
  const ids = (await unitProgrammes(db, organisationId)).map((p) => p.id);
  const model = await latestModel(db, actor);
  // The goals are read meanwhile (on another connection where there is one).
  const [years, goals] = await Promise.all([
    levelsForYear(db, actor, ids, year, true),
    goalsOf(db, ids, year),
  ]);
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
  actor: Actor | null,
  organisationId: string,
  year: number,
  locale: Locale,
): Promise<HeatmapView> {
  const unit = await loadUnit(db, actor, organisationId);
  const programmes = await unitProgrammes(db, organisationId);
  const ids = programmes.map((p) => p.id);
  const model = await latestModel(db, actor);
  const years = await levelsForYear(db, actor, ids, year, true);
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

/** Mean level per dimension and year, for the unit's trend chart (at most MAX_TREND_YEARS years). */
export async function unitTrend(
  db: Db,
  actor: Actor | null,
  organisationId: string,
  from: number,
  to: number,
  locale: Locale,
): Promise<TrendView> {
  authorize(actor, compassPolicy, "read", null);
  if (from > to) throw fieldErrors({ from: "validation.compass.fromAfterTo" });
  if (to - from + 1 > MAX_TREND_YEARS)
    throw fieldErrors({ from: { key: "validation.compass.tooManyYears", params: { max: MAX_TREND_YEARS } } });
  await loadUnit(db, actor, organisationId);
  const ids = (await unitProgrammes(db, organisationId)).map((p) => p.id);
  const model = await latestModel(db, actor);
  const years: TrendView["years"] = [];
  for (let year = from; year <= to; year++) {
    const levels = await levelsForYear(db, actor, ids, year, true);
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
export async function compassYears(db: Db, actor: Actor | null) {
  authorize(actor, compassPolicy, "read", null);
  const row = await activityYears(db);
  const current = new Date().getUTCFullYear();
  const first = Math.min(row?.first ?? current, current);
  const last = Math.max(row?.last ?? current, current);
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return { current, latestWithData: row?.last_done ?? current, years };
}
