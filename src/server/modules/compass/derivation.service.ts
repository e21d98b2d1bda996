import { and, eq, inArray, sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { compassSnapshots, type SnapshotLevels } from "./compass.schema.ts";
import { actorUserId } from "./compass.shared.ts";
import { emptyStats, type LevelStats, levelFromStats, periodOf } from "./level.ts";
import { getModelVersion, latestModel, type ModelVersion } from "./model.service.ts";

/**
 * The compass is a read model over the registers: it reads the activities and programmes tables
 * (activities, activity_programmes, activity_courses, programme_courses) directly with SQL, because
 * its derivations and aggregates are GROUP BYs over thousands of rows that no per-row service call
 * could compute fast enough. It never writes to those tables (taking an offer goes through the
 * activities service).
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

/**
 * Links of the programmes' activities: directly to the programme, or to one of its courses
 * (course_id then says which course, for the "spans two courses" rule).
 */
export function programmeLinks(programmeIds: string[]) {
  // A uuid[] parameter (not a JSON list) lets the planner see how many programmes there are, so one
  // programme is looked up by index instead of hash-joining every link in the database.
  const ids = uuidArray(programmeIds);
  return sql`
    select ap.programme_id, ap.activity_id, null::uuid as course_id
    from activity_programmes ap
    where ap.programme_id = any(${ids}::uuid[])
    union all
    select pc.programme_id, ac.activity_id, ac.course_id
    from programme_courses pc
    join activity_courses ac on ac.course_id = pc.course_id
    where pc.programme_id = any(${ids}::uuid[])`;
}

/** `{id,id}`: a PostgreSQL array literal, the same text parameter for both drivers. */
export function uuidArray(ids: string[]) {
  if (ids.some((id) => !/^[0-9a-f-]{36}$/i.test(id))) throw new Error("not a uuid");
  return `{${ids.join(",")}}`;
}

interface StatsRow {
  programme_id: string;
  dim: string;
  n: number;
  courses: number;
  mandatory: boolean;
  evaluated: boolean;
}

/** Level statistics per programme and dimension for one model version and year, in one query. */
export async function dimensionStats(
  db: Db | Tx,
  programmeIds: string[],
  year: number,
  model: ModelVersion,
): Promise<Map<string, Map<string, LevelStats>>> {
  const result = new Map<string, Map<string, LevelStats>>();
  if (!programmeIds.length) return result;
  const { from, to } = periodOf(year, model.period);
  const rows = await queryRows<StatsRow>(
    db,
    sql`
    with links as (${programmeLinks(programmeIds)}),
    m as (select dim, type_key from jsonb_to_recordset(${JSON.stringify(typeMapping(model))}::jsonb)
          as x(dim text, type_key text))
    select l.programme_id::text as programme_id, m.dim,
           count(distinct a.id)::int as n, count(distinct l.course_id)::int as courses,
           bool_or(a.mandatory) as mandatory, bool_or(a.evaluated) as evaluated
    from links l
    join activities a on a.id = l.activity_id
    join m on m.type_key = a.type_key
    where a.status = 'done' and a.start_date <= ${to}::date and coalesce(a.end_date, a.start_date) >= ${from}::date
    group by l.programme_id, m.dim`,
  );
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
 * first computed with (compass_snapshots), or the latest version when it has none yet. With `pinFor`,
 * programme-years computed for the first time are pinned to the version used, so a later model change
 * does not silently alter them (issue 4: "earlier years keep the version they were computed with").
 */
export async function levelsForYear(
  db: Db,
  programmeIds: string[],
  year: number,
  pinFor: Actor | null,
): Promise<Map<string, ProgrammeYear>> {
  const out = new Map<string, ProgrammeYear>();
  if (!programmeIds.length) return out;
  const latest = await latestModel(db);
  const pins = await db
    .select({
      programmeId: compassSnapshots.programmeId,
      version: compassSnapshots.modelVersion,
      computedAt: compassSnapshots.computedAt,
    })
    .from(compassSnapshots)
    .where(and(eq(compassSnapshots.year, year), inArray(compassSnapshots.programmeId, programmeIds)));
  const pinOf = new Map(pins.map((p) => [p.programmeId, p]));
  const byVersion = new Map<number, string[]>();
  for (const id of programmeIds) {
    const v = pinOf.get(id)?.version ?? latest.version;
    byVersion.set(v, [...(byVersion.get(v) ?? []), id]);
  }
  for (const [version, ids] of byVersion) {
    const model = version === latest.version ? latest : ((await getModelVersion(db, version)) ?? latest);
    const stats = await dimensionStats(db, ids, year, model);
    for (const id of ids)
      out.set(id, {
        model,
        levels: levelsOf(model, stats.get(id)),
        computedAt: pinOf.get(id)?.computedAt ?? null,
      });
  }
  const unpinned = programmeIds.filter((id) => !pinOf.has(id));
  if (pinFor && unpinned.length) {
    const computedAt = await pin(
      db,
      pinFor,
      year,
      unpinned.map((id) => ({ programmeId: id, ...out.get(id)! })),
    );
    for (const id of unpinned) out.get(id)!.computedAt = computedAt;
  }
  return out;
}

export function snapshotLevels(levels: Map<string, DimensionLevel>): SnapshotLevels {
  return Object.fromEntries(levels);
}

/** Records which version the programme-years were first computed with (one audit entry per call). */
async function pin(
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

export interface ActivityRow {
  id: string;
  title: string;
  type_key: string;
  status: string;
  start_date: string | null;
  mandatory: boolean;
  evaluated: boolean;
}

/** The programme's activities in the period whose type feeds some dimension of the model (any status). */
export async function programmeActivities(
  db: Db | Tx,
  programmeId: string,
  year: number,
  model: ModelVersion,
) {
  const { from, to } = periodOf(year, model.period);
  const types = [...new Set(typeMapping(model).map((m) => m.type_key))];
  return queryRows<ActivityRow>(
    db,
    sql`
    select a.id::text as id, a.title, a.type_key, a.status, a.start_date::text as start_date,
           a.mandatory, a.evaluated
    from activities a
    where a.id in (select activity_id from (${programmeLinks([programmeId])}) l)
      and a.type_key in (select value from jsonb_array_elements_text(${JSON.stringify(types)}::jsonb))
      and a.start_date <= ${to}::date and coalesce(a.end_date, a.start_date) >= ${from}::date
    order by a.start_date, a.sort_key, a.id`,
  );
}

/** Dimension keys a type feeds under a model version. */
export function dimensionsOfType(model: ModelVersion, typeKey: string): string[] {
  return model.dimensions.filter((d) => d.activityTypes.includes(typeKey)).map((d) => d.key);
}
