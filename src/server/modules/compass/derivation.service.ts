import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import {
  dimensionStatRows,
  dimensionStatRowsOfPeriods,
  programmeActivityRows,
  type StatsRow,
} from "../../read/compass-derivation.ts";
import { compassPolicy } from "./compass.policy.ts";
import { compassSnapshots, type SnapshotLevels } from "./compass.schema.ts";
import { actorUserId } from "./compass.shared.ts";
import { emptyStats, type LevelStats, levelFromStats, periodOf } from "./level.ts";
import { getModelVersion, latestModel, type ModelVersion } from "./model.service.ts";

/**
 * The compass is a read model over the registers: the read layer (read/compass-derivation.ts) reads the
 * activities and programmes tables (activities, activity_programmes, activity_courses, programme_courses)
 * with SQL, because its derivations and aggregates are GROUP BYs over thousands of rows that no per-row
 * service call could compute fast enough; this turns the rows into levels. It never writes to those
 * tables (taking an offer goes through the activities service).
 *
 * An activity belongs to a period when it overlaps it (starts on or before its last day and ends, or
 * starts when it has no end, on or after its first day) — the activities register's own period rule.
 * Activities without a start date are undated and count nowhere.
 */

export interface DimensionLevel {
  level: number;
  activityCount: number;
}
/** The derived levels of one programme-year, with the model version they were computed with. */
export interface ProgrammeYear {
  model: ModelVersion;
  levels: Map<string, DimensionLevel>;
  /** When the year's version was fixed; null when this computation fixed nothing (not pinned yet). */
  computedAt: Date | null;
}

/** `[{dim, type_key}]` of a model version: which activity types feed which dimension. */
export function typeMapping(model: ModelVersion) {
  return model.dimensions.flatMap((d) => d.activityTypes.map((t) => ({ dim: d.key, type_key: t })));
}

type Stats = Map<string, Map<string, LevelStats>>;

/** Rows of the read layer as statistics per programme and dimension. */
function statsOf(rows: StatsRow[]): Stats {
  const result: Stats = new Map();
  for (const row of rows) {
    const byDim = result.get(row.programme_id) ?? new Map<string, LevelStats>();
    result.set(row.programme_id, byDim);
    byDim.set(row.dim, {
      count: row.n,
      courses: row.courses,
      anyMandatory: row.mandatory,
      anyEvaluated: row.evaluated,
    });
  }
  return result;
}

/** Level statistics per programme and dimension for one model version and year, in one query. */
export async function dimensionStats(
  db: Db | Tx,
  actor: Actor | null,
  programmeIds: string[],
  year: number,
  model: ModelVersion,
): Promise<Stats> {
  authorize(actor, compassPolicy, "read", null);
  if (!programmeIds.length) return new Map();
  return statsOf(await dimensionStatRows(db, programmeIds, periodOf(year, model.period), typeMapping(model)));
}

/** dimensionStats of several (programmes, year, model version) in one query; one result per job. */
async function dimensionStatsOfJobs(
  db: Db | Tx,
  actor: Actor | null,
  jobs: { programmeIds: string[]; year: number; model: ModelVersion }[],
): Promise<Stats[]> {
  if (jobs.length === 1)
    return [await dimensionStats(db, actor, jobs[0].programmeIds, jobs[0].year, jobs[0].model)];
  const rows = await dimensionStatRowsOfPeriods(
    db,
    jobs.map((j) => ({
      programmeIds: j.programmeIds,
      period: periodOf(j.year, j.model.period),
      mapping: typeMapping(j.model),
    })),
  );
  return jobs.map((_, index) => statsOf(rows.filter((r) => r.job === index)));
}

/** Applies each dimension's thresholds to the statistics. */
export function levelsOf(model: ModelVersion, stats: Map<string, LevelStats> | undefined) {
  const levels = new Map<string, DimensionLevel>();
  for (const d of model.dimensions) {
    const s = stats?.get(d.key) ?? emptyStats;
    levels.set(d.key, { level: levelFromStats(s, d.thresholds), activityCount: s.count });
  }
  return levels;
}

/**
 * Derived levels of many programmes for one year. Each programme-year uses the model version it was
 * first computed with (compass_snapshots), or the latest version when it has none yet. With `pin`,
 * programme-years computed for the first time are pinned (by the actor) to the version used, so a later
 * model change does not silently alter them (issue 4: "earlier years keep the version they were computed with").
 */
export async function levelsForYear(
  db: Db,
  actor: Actor | null,
  programmeIds: string[],
  year: number,
  pin: boolean,
): Promise<Map<string, ProgrammeYear>> {
  return (await levelsForYears(db, actor, programmeIds, [{ year, pin }]))[0];
}

/**
 * levelsForYear for several years at once (a programme's year and the year before): the same versions
 * and pins, with the statistics of every year read in one query.
 */
export async function levelsForYears(
  db: Db,
  actor: Actor | null,
  programmeIds: string[],
  requests: { year: number; pin: boolean }[],
): Promise<Map<string, ProgrammeYear>[]> {
  authorize(actor, compassPolicy, "read", null);
  const results = requests.map(() => new Map<string, ProgrammeYear>());
  if (!programmeIds.length) return results;
  const latest = await latestModel(db, actor);
  const jobs: { request: number; programmeIds: string[]; year: number; model: ModelVersion }[] = [];
  const pinsOf: Map<string, { version: number; computedAt: Date }>[] = [];
  const years = requests.map((r) => r.year);
  const pins = await db
    .select({
      programmeId: compassSnapshots.programmeId,
      year: compassSnapshots.year,
      version: compassSnapshots.modelVersion,
      computedAt: compassSnapshots.computedAt,
    })
    .from(compassSnapshots)
    .where(
      and(
        years.length === 1 ? eq(compassSnapshots.year, years[0]) : inArray(compassSnapshots.year, years),
        inArray(compassSnapshots.programmeId, programmeIds),
      ),
    );
  for (const [request, { year }] of requests.entries()) {
    const pinOf = new Map(pins.filter((p) => p.year === year).map((p) => [p.programmeId, p]));
    pinsOf.push(pinOf);
    const byVersion = new Map<number, string[]>();
    for (const id of programmeIds) {
      const v = pinOf.get(id)?.version ?? latest.version;
      byVersion.set(v, [...(byVersion.get(v) ?? []), id]);
    }
    for (const [version, ids] of byVersion) {
      const model =
        version === latest.version ? latest : ((await getModelVersion(db, actor, version)) ?? latest);
      jobs.push({ request, programmeIds: ids, year, model });
    }
  }
  const stats = await dimensionStatsOfJobs(db, actor, jobs);
  for (const [index, job] of jobs.entries())
    for (const id of job.programmeIds)
      results[job.request].set(id, {
        model: job.model,
        levels: levelsOf(job.model, stats[index].get(id)),
        computedAt: pinsOf[job.request].get(id)?.computedAt ?? null,
      });
  for (const [request, { year, pin }] of requests.entries()) {
    const out = results[request];
    const unpinned = programmeIds.filter((id) => !pinsOf[request].has(id));
    if (pin && actor && unpinned.length) {
      const computedAt = await pinVersions(
        db,
        actor,
        year,
        unpinned.map((id) => ({ programmeId: id, ...out.get(id)! })),
      );
      for (const id of unpinned) out.get(id)!.computedAt = computedAt;
    }
  }
  return results;
}

export function snapshotLevels(levels: Map<string, DimensionLevel>): SnapshotLevels {
  return Object.fromEntries(levels);
}

/** Records which version the programme-years were first computed with (one audit entry per call). */
async function pinVersions(
  db: Db,
  actor: Actor,
  year: number,
  items: { programmeId: string; model: ModelVersion; levels: Map<string, DimensionLevel> }[],
): Promise<Date> {
  const computedAt = new Date();
  await writeWithAudit(db, actor, async (tx, audit) => {
    const inserted = await tx
      .insert(compassSnapshots)
      .values(
        items.map((i) => ({
          programmeId: i.programmeId,
          year,
          modelVersion: i.model.version,
          levels: snapshotLevels(i.levels),
          computedAt,
          computedBy: actorUserId(actor),
        })),
      )
      .onConflictDoNothing()
      .returning({ programmeId: compassSnapshots.programmeId });
    if (inserted.length)
      await audit({
        action: "compass.year.pin",
        entityType: "compass_snapshot",
        entityId: inserted.length === 1 ? inserted[0].programmeId : null,
        after: { year, modelVersion: items[0].model.version, programmes: inserted.length },
      });
  });
  return computedAt;
}

/** The programme's activities in the period whose type feeds some dimension of the model (any status). */
export async function programmeActivities(
  db: Db | Tx,
  actor: Actor | null,
  programmeId: string,
  year: number,
  model: ModelVersion,
) {
  authorize(actor, compassPolicy, "read", { programmeId });
  const types = [...new Set(typeMapping(model).map((m) => m.type_key))];
  return programmeActivityRows(db, programmeId, periodOf(year, model.period), types);
}

/** Dimension keys a type feeds under a model version. */
export function dimensionsOfType(model: ModelVersion, typeKey: string): string[] {
  return model.dimensions.filter((d) => d.activityTypes.includes(typeKey)).map((d) => d.key);
}
