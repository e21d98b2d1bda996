import { and, asc, count, eq, inArray, type SQL } from "drizzle-orm";
import {
  type CreateProgrammeInput,
  createProgrammeInput,
  type ProgrammeListQuery,
  programmeListQuery,
  type UpdateProgrammeInput,
  updateProgrammeInput,
} from "../../../common/programmes.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { notFound } from "../../platform/errors.ts";
import { afterCursor, encodeCursor, page } from "../../platform/pagination.ts";
import { roleAssignments } from "../../platform/platform.schema.ts";
import { parseWith } from "../../platform/validation.ts";
import { programmesPolicy } from "./programmes.policy.ts";
import { courses, programmeCourses, programmes } from "./programmes.schema.ts";
import {
  checkStudyReferences,
  codeSafe,
  replaceStudyLinks,
  type StudyRecord,
  studyNames,
  studyPatch,
  studyRecord,
  studyRow,
  studySearch,
} from "./registers.shared.ts";

/** A programme with what its pages show: owning unit, responsible person and courses. */
export interface ProgrammeRecord extends StudyRecord {
  courses: { id: string; code: string; nameSv: string; credits: number | null }[];
}

function selectProgrammes(db: Db | Tx) {
  return db.select({ programme: programmes }).from(programmes);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof selectProgrammes>["execute"]>>[number];

async function withCourses(db: Db | Tx, rows: JoinedRow[]): Promise<ProgrammeRecord[]> {
  const ids = rows.map((r) => r.programme.id);
  const links = ids.length
    ? await db
        .select({
          programmeId: programmeCourses.programmeId,
          id: courses.id,
          code: courses.code,
          nameSv: courses.nameSv,
          credits: courses.credits,
        })
        .from(programmeCourses)
        .innerJoin(courses, eq(courses.id, programmeCourses.courseId))
        .where(inArray(programmeCourses.programmeId, ids))
        .orderBy(asc(courses.sortKey), asc(courses.id))
    : [];
  const names = await studyNames(
    db,
    rows.map((r) => r.programme),
  );
  return rows.map(({ programme: p }) => ({
    ...studyRecord(p, names),
    courses: links
      .filter((l) => l.programmeId === p.id)
      .map(({ id, code, nameSv, credits }) => ({ id, code, nameSv, credits })),
  }));
}

async function findProgramme(db: Db | Tx, id: string) {
  const rows = await selectProgrammes(db).where(eq(programmes.id, id));
  return rows.length ? (await withCourses(db, rows))[0] : null;
}

/** One programme for any logged-in user; 404 when it does not exist. */
export async function getProgramme(db: Db, actor: Actor | null, id: string): Promise<ProgrammeRecord> {
  authorize(actor, programmesPolicy, "read", { id });
  const found = await findProgramme(db, id);
  if (!found) throw notFound();
  return found;
}

/** The id of the programme with this Ladok code, or null (demo steps and imports look programmes up by code). */
export async function findProgrammeIdByCode(db: Db | Tx, code: string): Promise<string | null> {
  const [row] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.code, code.trim().toUpperCase()));
  return row?.id ?? null;
}

/** Programmes in Swedish name order, filtered and paged with a keyset cursor. */
export async function listProgrammes(db: Db, actor: Actor | null, query: Partial<ProgrammeListQuery> = {}) {
  authorize(actor, programmesPolicy, "list", null);
  const q = parseWith(programmeListQuery, query);
  const where: SQL[] = [];
  if (q.q) where.push(studySearch(programmes, q.q));
  if (q.organisationId) where.push(eq(programmes.organisationId, q.organisationId));
  if (q.level) where.push(eq(programmes.level, q.level));
  const after = afterCursor(q.cursor, { sort: programmes.sortKey, id: programmes.id });
  if (after) where.push(after);
  const rows = await selectProgrammes(db)
    .where(and(...where))
    .orderBy(asc(programmes.sortKey), asc(programmes.id))
    .limit(q.limit + 1);
  const result = page(rows, q.limit, (r) => encodeCursor(r.programme.sortKey, r.programme.id));
  return { items: await withCourses(db, result.items), nextCursor: result.nextCursor };
}

async function snapshot(tx: Tx, id: string) {
  const [row] = await tx.select().from(programmes).where(eq(programmes.id, id));
  const links = await tx
    .select({ courseId: programmeCourses.courseId })
    .from(programmeCourses)
    .where(eq(programmeCourses.programmeId, id));
  return row ? { ...row, courseIds: links.map((l) => l.courseId) } : null;
}

const courseLinks = (ids: string[] | undefined) => ({
  kind: "course" as const,
  ids,
  field: "courseIds",
  messageKey: "validation.programmes.unknownCourses",
});

export async function createProgramme(db: Db, actor: Actor | null, input: CreateProgrammeInput) {
  requireActor(actor);
  authorize(actor, programmesPolicy, "create", null);
  const data = parseWith(createProgrammeInput, input);
  const id = await codeSafe(data.code, () =>
    writeWithAudit(db, actor, async (tx, audit) => {
      await checkStudyReferences(tx, programmes, data, courseLinks(data.courseIds), null);
      const [row] = await tx.insert(programmes).values(studyRow(data)).returning();
      await replaceStudyLinks(tx, { programmeId: row.id, courseIds: data.courseIds });
      await audit({
        action: "programme.create",
        entityType: "programme",
        entityId: row.id,
        after: await snapshot(tx, row.id),
      });
      return row.id;
    }),
  );
  return (await findProgramme(db, id))!;
}

export async function updateProgramme(db: Db, actor: Actor | null, id: string, input: UpdateProgrammeInput) {
  requireActor(actor);
  const data = parseWith(updateProgrammeInput, input);
  if (!(await findProgrammeIdExists(db, id))) throw notFound();
  authorize(actor, programmesPolicy, "update", { id });
  await codeSafe(data.code, () =>
    writeWithAudit(db, actor, async (tx, audit) => {
      const before = await snapshot(tx, id);
      await checkStudyReferences(tx, programmes, data, courseLinks(data.courseIds), id);
      const { courseIds, ...fields } = data;
      await tx.update(programmes).set(studyPatch(fields)).where(eq(programmes.id, id));
      if (courseIds) await replaceStudyLinks(tx, { programmeId: id, courseIds });
      await audit({
        action: "programme.update",
        entityType: "programme",
        entityId: id,
        before,
        after: await snapshot(tx, id),
      });
    }),
  );
  return (await findProgramme(db, id))!;
}

async function findProgrammeIdExists(db: Db | Tx, id: string) {
  const [row] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, id));
  return !!row;
}

/**
 * Links to a programme from the activities module, which depends on programmes, so this module cannot
 * import it: the read layer answers (src/server/read/register-links.ts) and app.ts provides it at start.
 */
export interface ProgrammeReferenceReads {
  activityLinks(db: Db | Tx, programmeId: string): Promise<number>;
}

let referenceReads: ProgrammeReferenceReads | null = null;

export function provideProgrammeReferenceReads(reads: ProgrammeReferenceReads) {
  referenceReads = reads;
}

function references(): ProgrammeReferenceReads {
  if (!referenceReads) throw new Error("programme reference reads not provided (app.ts provides them)");
  return referenceReads;
}

/** What deleting the programme would affect: course links, activity links and directors' scopes. */
export async function programmeImpact(db: Db, actor: Actor | null, id: string) {
  authorize(actor, programmesPolicy, "read", { id });
  if (!(await findProgrammeIdExists(db, id))) throw notFound();
  const [[courseLinks], [activityLinks], [directorScopes]] = await Promise.all([
    db.select({ n: count() }).from(programmeCourses).where(eq(programmeCourses.programmeId, id)),
    references()
      .activityLinks(db, id)
      .then((n) => [{ n }]),
    db.select({ n: count() }).from(roleAssignments).where(directorScopeOf(id)),
  ]);
  return { courseLinks: courseLinks.n, activityLinks: activityLinks.n, directorScopes: directorScopes.n };
}

const directorScopeOf = (programmeId: string) =>
  and(eq(roleAssignments.scopeType, "programme"), eq(roleAssignments.scopeId, programmeId));

/**
 * Deletes the programme. Its course and activity links go with it (the courses and activities stay),
 * and role scopes pointing at it are removed so no one keeps rights to a programme that is gone.
 */
export async function deleteProgramme(db: Db, actor: Actor | null, id: string) {
  requireActor(actor);
  if (!(await findProgrammeIdExists(db, id))) throw notFound();
  authorize(actor, programmesPolicy, "delete", { id });
  await writeWithAudit(db, actor, async (tx, audit) => {
    const before = await snapshot(tx, id);
    const scopes = await tx.delete(roleAssignments).where(directorScopeOf(id)).returning();
    await tx.delete(programmes).where(eq(programmes.id, id));
    await audit({
      action: "programme.delete",
      entityType: "programme",
      entityId: id,
      before: { ...before, removedRoleScopes: scopes.map((s) => ({ userId: s.userId, role: s.role })) },
    });
  });
}
