import { and, eq } from "drizzle-orm";
import {
  type AssessmentInput,
  assessmentInput,
  type CompassActivity,
  type CompassView,
  type GoalsInput,
  gapOf,
  goalsInput,
} from "../../../common/compass.ts";
import type { Locale } from "../../../common/format.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { compassPolicy, programmeCompassAbilities } from "./compass.policy.ts";
import { compassAssessments, compassGoals, compassSnapshots } from "./compass.schema.ts";
import { actorUserId, loadProgramme, parseInput, userNames } from "./compass.shared.ts";
import {
  dimensionStats,
  dimensionsOfType,
  levelsForYear,
  levelsForYears,
  levelsOf,
  programmeActivities,
  snapshotLevels,
} from "./derivation.service.ts";
import { periodOf } from "./level.ts";
import { latestModel, type ModelVersion } from "./model.service.ts";

export const labelOf = (d: { labelSv: string; labelEn: string }, locale: Locale) =>
  locale === "en" ? d.labelEn : d.labelSv;

/** The programme's compass for a year: derived level, assessed level, goal and gap per dimension. */
export async function programmeCompass(
  db: Db,
  actor: Actor | null,
  programmeId: string,
  year: number,
  locale: Locale = "sv",
): Promise<CompassView> {
  authorize(actor, compassPolicy, "read", { programmeId });
  const programme = await loadProgramme(db, programmeId);
  // The year (pinned for the reader) and the year before, their statistics read in one query; the
  // goals and assessments meanwhile (independent reads, on other connections where there are any).
  const [[thisYear, lastYear], goals, assessments] = await Promise.all([
    levelsForYears(
      db,
      actor,
      [programmeId],
      [
        { year, pin: true },
        { year: year - 1, pin: false },
      ],
    ),
    db
      .select()
      .from(compassGoals)
      .where(and(eq(compassGoals.programmeId, programmeId), eq(compassGoals.year, year))),
    db
      .select()
      .from(compassAssessments)
      .where(and(eq(compassAssessments.programmeId, programmeId), eq(compassAssessments.year, year))),
  ]);
  const current = thisYear.get(programmeId)!;
  const previous = lastYear.get(programmeId)!;
  const latest = await latestModel(db, actor);
  const names = await userNames(
    db,
    assessments.map((a) => a.assessedBy),
  );
  const goalOf = new Map(goals.map((g) => [g.dimensionKey, g]));
  const assessmentOf = new Map(assessments.map((a) => [a.dimensionKey, a]));
  const { model } = current;
  const period = periodOf(year, model.period);
  return {
    programmeId,
    programmeCode: programme.code,
    programmeName: locale === "en" && programme.nameEn ? programme.nameEn : programme.nameSv,
    organisationId: programme.organisationId,
    year,
    period: { kind: model.period, ...period },
    modelVersion: model.version,
    latestModelVersion: latest.version,
    computedAt: current.computedAt?.toISOString() ?? null,
    dimensions: model.dimensions.map((d) => {
      const derived = current.levels.get(d.key)!;
      const goal = goalOf.get(d.key);
      const assessment = assessmentOf.get(d.key);
      return {
        key: d.key,
        label: labelOf(d, locale),
        description: locale === "en" ? d.descriptionEn : d.descriptionSv,
        current: derived.level,
        currentDescription: (locale === "en" ? d.levelsEn : d.levelsSv)[derived.level],
        assessed: assessment?.level ?? null,
        assessment: assessment
          ? {
              level: assessment.level,
              justification: assessment.justification,
              assessedBy: assessment.assessedBy ? (names.get(assessment.assessedBy) ?? null) : null,
              assessedAt: assessment.assessedAt.toISOString(),
            }
          : null,
        goal: goal?.level ?? null,
        gap: gapOf(goal?.level, derived.level),
        activityCount: derived.activityCount,
        lastYear: previous.levels.get(d.key)?.level ?? null,
        note: goal?.note ?? null,
      };
    }),
    abilities: programmeCompassAbilities(actor, programmeId),
  };
}

/** The model version a programme-year is (or will be) computed with. */
export async function modelForYear(
  db: Db,
  actor: Actor | null,
  programmeId: string,
  year: number,
): Promise<ModelVersion> {
  authorize(actor, compassPolicy, "read", { programmeId });
  return (await levelsForYear(db, actor, [programmeId], year, false)).get(programmeId)!.model;
}

/** The programme's activities in the year that feed some dimension, with the dimensions each feeds. */
export async function compassActivities(
  db: Db,
  actor: Actor | null,
  programmeId: string,
  year: number,
): Promise<CompassActivity[]> {
  authorize(actor, compassPolicy, "read", { programmeId });
  await loadProgramme(db, programmeId);
  const model = await modelForYear(db, actor, programmeId, year);
  const rows = await programmeActivities(db, actor, programmeId, year, model);
  return rows.map((a) => ({
    id: a.id,
    title: a.title,
    typeKey: a.type_key,
    status: a.status,
    startDate: a.start_date,
    mandatory: a.mandatory,
    evaluated: a.evaluated,
    dimensions: dimensionsOfType(model, a.type_key),
  }));
}

function assertDimensions(model: ModelVersion, keys: string[], field: string) {
  const known = new Set(model.dimensions.map((d) => d.key));
  const errors: Record<string, string> = {};
  for (const key of keys)
    if (!known.has(key)) errors[`${field}.${key}`] = "validation.compass.unknownDimension";
  if (Object.keys(errors).length) throw fieldErrors(errors);
}

/**
 * Replaces the goal picture (målbild) of a programme-year: dimensions left out have no goal.
 * Notes are kept unless given (null or "" clears one).
 */
export async function setGoals(db: Db, actor: Actor, programmeId: string, year: number, raw: GoalsInput) {
  await loadProgramme(db, programmeId);
  authorize(actor, compassPolicy, "manage", { programmeId });
  const input = parseInput(goalsInput, raw);
  const model = await modelForYear(db, actor, programmeId, year);
  assertDimensions(model, Object.keys(input.goals), "goals");
  assertDimensions(model, Object.keys(input.notes ?? {}), "notes");
  await writeWithAudit(db, actor, async (tx, audit) => {
    const where = and(eq(compassGoals.programmeId, programmeId), eq(compassGoals.year, year));
    const before = await tx.select().from(compassGoals).where(where);
    const noteBefore = new Map(before.map((g) => [g.dimensionKey, g.note]));
    await tx.delete(compassGoals).where(where);
    const rows = model.dimensions
      .map((d) => {
        const given = input.notes?.[d.key];
        const note = given === undefined ? (noteBefore.get(d.key) ?? null) : given?.trim() || null;
        return { key: d.key, level: input.goals[d.key] ?? null, note };
      })
      .filter((r) => r.level !== null || r.note !== null)
      .map((r) => ({
        programmeId,
        year,
        dimensionKey: r.key,
        level: r.level,
        note: r.note,
        updatedBy: actorUserId(actor),
      }));
    if (rows.length) await tx.insert(compassGoals).values(rows);
    await audit({
      action: "compass.goals.set",
      entityType: "programme",
      entityId: programmeId,
      before: { year, goals: before.map(({ dimensionKey, level, note }) => ({ dimensionKey, level, note })) },
      after: { year, goals: rows.map(({ dimensionKey, level, note }) => ({ dimensionKey, level, note })) },
    });
  });
}

export async function setAssessment(
  db: Db,
  actor: Actor,
  programmeId: string,
  year: number,
  key: string,
  raw: AssessmentInput,
) {
  await loadProgramme(db, programmeId);
  authorize(actor, compassPolicy, "manage", { programmeId });
  const input = parseInput(assessmentInput, raw);
  const model = await modelForYear(db, actor, programmeId, year);
  if (!model.dimensions.some((d) => d.key === key)) throw notFound();
  await writeWithAudit(db, actor, async (tx, audit) => {
    const where = and(
      eq(compassAssessments.programmeId, programmeId),
      eq(compassAssessments.year, year),
      eq(compassAssessments.dimensionKey, key),
    );
    const [before] = await tx.select().from(compassAssessments).where(where);
    const values = {
      level: input.level,
      justification: input.justification,
      assessedBy: actorUserId(actor),
      assessedAt: new Date(),
    };
    const [after] = await tx
      .insert(compassAssessments)
      .values({ programmeId, year, dimensionKey: key, ...values })
      .onConflictDoUpdate({
        target: [compassAssessments.programmeId, compassAssessments.year, compassAssessments.dimensionKey],
        set: values,
      })
      .returning();
    await audit({
      action: "compass.assessment.set",
      entityType: "programme",
      entityId: programmeId,
      before,
      after,
    });
  });
}

export async function removeAssessment(db: Db, actor: Actor, programmeId: string, year: number, key: string) {
  await loadProgramme(db, programmeId);
  authorize(actor, compassPolicy, "manage", { programmeId });
  await writeWithAudit(db, actor, async (tx, audit) => {
    const removed = await tx
      .delete(compassAssessments)
      .where(
        and(
          eq(compassAssessments.programmeId, programmeId),
          eq(compassAssessments.year, year),
          eq(compassAssessments.dimensionKey, key),
        ),
      )
      .returning();
    if (!removed.length) throw notFound();
    await audit({
      action: "compass.assessment.remove",
      entityType: "programme",
      entityId: programmeId,
      before: removed[0],
    });
  });
}

/** Computes the year again with the latest model version and keeps that version for it from now on. */
export async function recompute(db: Db, actor: Actor, programmeId: string, year: number) {
  await loadProgramme(db, programmeId);
  authorize(actor, compassPolicy, "recompute", { programmeId });
  const latest = await latestModel(db, actor);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const where = and(eq(compassSnapshots.programmeId, programmeId), eq(compassSnapshots.year, year));
    const [before] = await tx.select().from(compassSnapshots).where(where);
    await tx.delete(compassSnapshots).where(where);
    // With the pin gone, the year is computed with the latest version and pinned to it again.
    const stats = await dimensionStats(tx, actor, [programmeId], year, latest);
    const levels = levelsOf(latest, stats.get(programmeId));
    const [after] = await tx
      .insert(compassSnapshots)
      .values({
        programmeId,
        year,
        modelVersion: latest.version,
        levels: snapshotLevels(levels),
        computedBy: actorUserId(actor),
      })
      .returning();
    await audit({
      action: "compass.year.recompute",
      entityType: "programme",
      entityId: programmeId,
      before,
      after,
    });
  });
}
