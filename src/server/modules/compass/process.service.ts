import { and, asc, eq } from "drizzle-orm";
import {
  type LearningOutcomeView,
  learningOutcomeInput,
  type WorkStepInput,
  type WorkStepKey,
  type WorkStepView,
  workStepInput,
  workStepKeys,
} from "../../../common/compass.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { compassPolicy } from "./compass.policy.ts";
import { compassLearningOutcomes, compassWorkSteps } from "./compass.schema.ts";
import { actorUserId, loadProgramme, parseInput, userNames } from "./compass.shared.ts";
import { latestModel } from "./model.service.ts";

/**
 * The work process around the compass (seed 000, activity 4): goal formulation → inventory →
 * analysis → recommendations → work plan, per programme and year, with status, dates and who did what.
 */
export async function workProcess(
  db: Db,
  actor: Actor | null,
  programmeId: string,
  year: number,
): Promise<WorkStepView[]> {
  authorize(actor, compassPolicy, "read", { programmeId });
  await loadProgramme(db, programmeId);
  const rows = await db
    .select()
    .from(compassWorkSteps)
    .where(and(eq(compassWorkSteps.programmeId, programmeId), eq(compassWorkSteps.year, year)));
  const names = await userNames(
    db,
    rows.map((r) => r.updatedBy),
  );
  const byStep = new Map(rows.map((r) => [r.step, r]));
  return workStepKeys.map((key) => {
    const row = byStep.get(key);
    return {
      key,
      status: (row?.status ?? "not_started") as WorkStepView["status"],
      startDate: row?.startDate ?? null,
      doneDate: row?.doneDate ?? null,
      responsible: row?.responsible ?? null,
      note: row?.note ?? null,
      updatedBy: row?.updatedBy ? (names.get(row.updatedBy) ?? null) : null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  });
}

export async function setWorkStep(
  db: Db,
  actor: Actor,
  programmeId: string,
  year: number,
  step: WorkStepKey,
  raw: WorkStepInput,
) {
  await loadProgramme(db, programmeId);
  authorize(actor, compassPolicy, "workProcess", { programmeId });
  const input = parseInput(workStepInput, raw);
  // A step marked done gets today's date unless one is given, so the record says when.
  const today = new Date().toISOString().slice(0, 10);
  const doneDate = input.status === "done" ? (input.doneDate ?? today) : null;
  const values = {
    status: input.status,
    startDate:
      input.startDate ??
      (input.status === "not_started" ? null : doneDate && doneDate < today ? doneDate : today),
    doneDate,
    responsible: input.responsible ?? null,
    note: input.note ?? null,
    updatedBy: actorUserId(actor),
    updatedAt: new Date(),
  };
  await writeWithAudit(db, actor, async (tx, audit) => {
    const where = and(
      eq(compassWorkSteps.programmeId, programmeId),
      eq(compassWorkSteps.year, year),
      eq(compassWorkSteps.step, step),
    );
    const [before] = await tx.select().from(compassWorkSteps).where(where);
    const [after] = await tx
      .insert(compassWorkSteps)
      .values({ programmeId, year, step, ...values })
      .onConflictDoUpdate({
        target: [compassWorkSteps.programmeId, compassWorkSteps.year, compassWorkSteps.step],
        set: values,
      })
      .returning();
    await audit({
      action: "compass.process.step",
      entityType: "programme",
      entityId: programmeId,
      before,
      after,
    });
  });
}

// ---------- learning outcomes about working life (seed 000, activity 2) ----------

const presentOutcome = (row: typeof compassLearningOutcomes.$inferSelect): LearningOutcomeView => ({
  id: row.id,
  text: row.text,
  dimensions: row.dimensions,
  createdAt: row.createdAt.toISOString(),
});

export async function listOutcomes(db: Db, actor: Actor | null, programmeId: string) {
  authorize(actor, compassPolicy, "read", { programmeId });
  await loadProgramme(db, programmeId);
  const rows = await db
    .select()
    .from(compassLearningOutcomes)
    .where(eq(compassLearningOutcomes.programmeId, programmeId))
    .orderBy(asc(compassLearningOutcomes.createdAt), asc(compassLearningOutcomes.id));
  return rows.map(presentOutcome);
}

export async function addOutcome(db: Db, actor: Actor, programmeId: string, raw: unknown) {
  await loadProgramme(db, programmeId);
  authorize(actor, compassPolicy, "manage", { programmeId });
  const input = parseInput(learningOutcomeInput, raw);
  const known = new Set((await latestModel(db, actor)).dimensions.map((d) => d.key));
  if (input.dimensions.some((k) => !known.has(k)))
    throw fieldErrors({ dimensions: "validation.compass.unknownDimension" });
  const row = await writeWithAudit(db, actor, async (tx, audit) => {
    const [created] = await tx
      .insert(compassLearningOutcomes)
      .values({
        programmeId,
        text: input.text,
        dimensions: [...new Set(input.dimensions)],
        createdBy: actorUserId(actor),
      })
      .returning();
    await audit({
      action: "compass.outcome.create",
      entityType: "compass_outcome",
      entityId: created.id,
      after: created,
    });
    return created;
  });
  return presentOutcome(row);
}

export async function removeOutcome(db: Db, actor: Actor, programmeId: string, outcomeId: string) {
  await loadProgramme(db, programmeId);
  authorize(actor, compassPolicy, "manage", { programmeId });
  await writeWithAudit(db, actor, async (tx, audit) => {
    const removed = await tx
      .delete(compassLearningOutcomes)
      .where(
        and(eq(compassLearningOutcomes.id, outcomeId), eq(compassLearningOutcomes.programmeId, programmeId)),
      )
      .returning();
    if (!removed.length) throw notFound();
    await audit({
      action: "compass.outcome.remove",
      entityType: "compass_outcome",
      entityId: outcomeId,
      before: removed[0],
    });
  });
}
