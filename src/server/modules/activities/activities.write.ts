import { and, eq } from "drizzle-orm";
import {
  type CreateActivityInput,
  checkActivityConsistency,
  createActivityInput,
  type UpdateActivityInput,
  updateActivityInput,
} from "../../../common/activities.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, requireActor, systemActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, fieldErrors, notFound } from "../../platform/errors.ts";
import { parseWith } from "../../platform/validation.ts";
import { assertExisting, assertRefinement, programmeIdsOfCourses, unique } from "../programmes/index.ts";
import { type ActivityLinks, activitiesPolicy, directorLinkProblem, reachOf } from "./activities.policy.ts";
import { type ActivityRecord, findActivity } from "./activities.records.ts";
import {
  activities,
  activityCourses,
  activityOrganisations,
  activityProgrammes,
} from "./activities.schema.ts";
import { findActivityType } from "./activity-types.service.ts";

/** Creating, changing and deleting activities: validated, authorised by the policy, audited. */

interface LinkSets {
  organisationIds: string[];
  organiserIds: string[];
  programmeIds: string[];
  courseIds: string[];
}

async function checkType(tx: Tx, typeKey: string) {
  const type = await findActivityType(tx, typeKey);
  if (!type) throw fieldErrors({ typeKey: "validation.activities.unknownType" });
  if (!type.active) throw fieldErrors({ typeKey: "validation.activities.inactiveType" });
}

/** Unknown linked ids are 422 on their field; then a programme director's scope is checked (403). */
async function resolveLinks(tx: Tx, actor: Actor, next: LinkSets, before: ActivityLinks | null) {
  const unknownOrg = "validation.activities.unknownOrganisations";
  await assertExisting(tx, "organisation", next.organisationIds, "organisationIds", unknownOrg);
  await assertExisting(tx, "organisation", next.organiserIds, "organiserIds", unknownOrg);
  await assertExisting(
    tx,
    "programme",
    next.programmeIds,
    "programmeIds",
    "validation.activities.unknownProgrammes",
  );
  await assertExisting(tx, "course", next.courseIds, "courseIds", "validation.activities.unknownCourses");
  const links: ActivityLinks = {
    programmeIds: unique(next.programmeIds),
    courseProgrammeIds: await programmeIdsOfCourses(tx, unique(next.courseIds)),
  };
  const problem = directorLinkProblem(actor, links, before);
  if (problem)
    throw new AppError("forbidden", "errors.forbidden", {}, { [problem.field]: [{ key: problem.key }] });
}

/**
 * Replaces the link sets that are given; a set left out (undefined) stays as it is. A new activity (`created`)
 * has no links to delete first: four statements fewer on the demo loader's hot path.
 */
async function writeLinks(tx: Tx, activityId: string, next: Partial<LinkSets>, created = false) {
  for (const [role, ids] of [
    ["partner", next.organisationIds],
    ["organiser", next.organiserIds],
  ] as const) {
    if (!ids) continue;
    if (!created)
      await tx
        .delete(activityOrganisations)
        .where(and(eq(activityOrganisations.activityId, activityId), eq(activityOrganisations.role, role)));
    if (ids.length)
      await tx
        .insert(activityOrganisations)
        .values(unique(ids).map((organisationId) => ({ activityId, organisationId, role })));
  }
  if (next.programmeIds) {
    if (!created) await tx.delete(activityProgrammes).where(eq(activityProgrammes.activityId, activityId));
    if (next.programmeIds.length)
      await tx
        .insert(activityProgrammes)
        .values(unique(next.programmeIds).map((programmeId) => ({ activityId, programmeId })));
  }
  if (next.courseIds) {
    if (!created) await tx.delete(activityCourses).where(eq(activityCourses.activityId, activityId));
    if (next.courseIds.length)
      await tx
        .insert(activityCourses)
        .values(unique(next.courseIds).map((courseId) => ({ activityId, courseId })));
  }
}

/** The activity as the audit log keeps it: its row and the ids it links to. */
async function snapshot(tx: Tx, id: string) {
  const record = await findActivity(tx, id);
  return record ? auditShape(record) : null;
}

function auditShape(record: ActivityRecord) {
  const { links, type, organisers, partners, programmes, courses, ...row } = record;
  return {
    ...row,
    organiserIds: organisers.map((o) => o.id),
    organisationIds: partners.map((o) => o.id),
    programmeIds: programmes.map((p) => p.id),
    courseIds: courses.map((c) => c.id),
  };
}

export async function createActivity(
  db: Db,
  actor: Actor | null,
  input: CreateActivityInput,
): Promise<ActivityRecord> {
  requireActor(actor);
  authorize(actor, activitiesPolicy, "create", null);
  const data = parseWith(createActivityInput, input);
  return writeWithAudit(db, actor, async (tx, audit) => {
    await checkType(tx, data.typeKey);
    await resolveLinks(tx, actor, data, null);
    const [row] = await tx
      .insert(activities)
      .values({
        title: data.title,
        sortKey: swedishSortKey(data.title),
        typeKey: data.typeKey,
        description: data.description ?? null,
        startDate: data.startDate ?? null,
        endDate: data.endDate ?? null,
        place: data.place ?? null,
        status: data.status,
        mandatory: data.mandatory,
        evaluated: data.evaluated,
        evaluationText: data.evaluationText ?? null,
        participants: data.participants ?? null,
        tags: unique(data.tags),
        evidenceLinks: data.evidenceLinks,
        createdBy: actor.userId === systemActor.userId ? null : actor.userId,
      })
      .returning();
    await writeLinks(tx, row.id, data, true);
    // One read serves both the audit record and the answer (creating is the demo loader's hot path).
    const created = (await findActivity(tx, row.id))!;
    await audit({
      action: "activity.create",
      entityType: "activity",
      entityId: row.id,
      after: auditShape(created),
    });
    return created;
  });
}

export async function updateActivity(
  db: Db,
  actor: Actor | null,
  id: string,
  input: UpdateActivityInput,
): Promise<ActivityRecord> {
  requireActor(actor);
  const existing = await findActivity(db, id);
  if (!existing) throw notFound();
  authorize(actor, activitiesPolicy, "update", { reach: reachOf(existing.links) });
  const data = parseWith(updateActivityInput, input);
  const { organisationIds, organiserIds, programmeIds, courseIds, ...fields } = data;
  const merged: LinkSets = {
    organisationIds: organisationIds ?? existing.partners.map((o) => o.id),
    organiserIds: organiserIds ?? existing.organisers.map((o) => o.id),
    programmeIds: programmeIds ?? existing.links.programmeIds,
    courseIds: courseIds ?? [...existing.links.courseProgrammeIds.keys()],
  };
  assertRefinement(checkActivityConsistency, {
    startDate: fields.startDate !== undefined ? fields.startDate : existing.startDate,
    endDate: fields.endDate !== undefined ? fields.endDate : existing.endDate,
    ...merged,
  });
  await writeWithAudit(db, actor, async (tx, audit) => {
    const before = await snapshot(tx, id);
    if (fields.typeKey !== undefined && fields.typeKey !== existing.typeKey)
      await checkType(tx, fields.typeKey);
    if (organisationIds || organiserIds || programmeIds || courseIds)
      await resolveLinks(tx, actor, merged, existing.links);
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    await tx
      .update(activities)
      .set({
        ...patch,
        ...(fields.title ? { sortKey: swedishSortKey(fields.title) } : {}),
        ...(fields.tags ? { tags: unique(fields.tags) } : {}),
        updatedAt: new Date(),
      })
      .where(eq(activities.id, id));
    await writeLinks(tx, id, { organisationIds, organiserIds, programmeIds, courseIds });
    await audit({
      action: "activity.update",
      entityType: "activity",
      entityId: id,
      before,
      after: await snapshot(tx, id),
    });
  });
  return (await findActivity(db, id))!;
}

/** What deleting the activity would affect: its links and its evidence. */
export async function activityImpact(db: Db, actor: Actor | null, id: string) {
  authorize(actor, activitiesPolicy, "read", null);
  const record = await findActivity(db, id);
  if (!record) throw notFound();
  return {
    organisationLinks: record.organisers.length + record.partners.length,
    programmeLinks: record.programmes.length,
    courseLinks: record.courses.length,
    evidence: record.evidenceLinks.length,
  };
}

export async function deleteActivity(db: Db, actor: Actor | null, id: string) {
  requireActor(actor);
  const existing = await findActivity(db, id);
  if (!existing) throw notFound();
  authorize(actor, activitiesPolicy, "delete", { reach: reachOf(existing.links) });
  await writeWithAudit(db, actor, async (tx, audit) => {
    const before = await snapshot(tx, id);
    await tx.delete(activities).where(eq(activities.id, id));
    await audit({ action: "activity.delete", entityType: "activity", entityId: id, before });
  });
}
