import { and, asc, count, eq, inArray, type SQL } from "drizzle-orm";
import {
  type CourseListQuery,
  type CreateCourseInput,
  checkContractClient,
  courseListQuery,
  createCourseInput,
  type UpdateCourseInput,
  updateCourseInput,
} from "../../../common/programmes.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { notFound } from "../../platform/errors.ts";
import { afterCursor, encodeCursor, page } from "../../platform/pagination.ts";
import { parseWith } from "../../platform/validation.ts";
import { coursesPolicy } from "./programmes.policy.ts";
import { courses, programmeCourses, programmes } from "./programmes.schema.ts";
import {
  assertRefinement,
  checkStudyReferences,
  codeSafe,
  namedRef,
  replaceStudyLinks,
  type StudyRecord,
  studyNames,
  studyPatch,
  studyRecord,
  studyRow,
  studySearch,
} from "./registers.shared.ts";

/** A course with its owning unit, responsible person, client (contract courses) and programmes. */
export interface CourseRecord extends StudyRecord {
  contract: boolean;
  clientOrganisationId: string | null;
  clientOrganisation: { id: string; name: string } | null;
  programmes: { id: string; code: string; nameSv: string }[];
}

function selectCourses(db: Db | Tx) {
  return db.select({ course: courses }).from(courses);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof selectCourses>["execute"]>>[number];

async function withProgrammes(db: Db | Tx, rows: JoinedRow[]): Promise<CourseRecord[]> {
  const ids = rows.map((r) => r.course.id);
  const links = ids.length
    ? await db
        .select({
          courseId: programmeCourses.courseId,
          id: programmes.id,
          code: programmes.code,
          nameSv: programmes.nameSv,
        })
        .from(programmeCourses)
        .innerJoin(programmes, eq(programmes.id, programmeCourses.programmeId))
        .where(inArray(programmeCourses.courseId, ids))
        .orderBy(asc(programmes.sortKey), asc(programmes.id))
    : [];
  const names = await studyNames(
    db,
    rows.map((r) => r.course),
  );
  return rows.map(({ course: c }) => ({
    ...studyRecord(c, names),
    contract: c.contract,
    clientOrganisationId: c.clientOrganisationId,
    clientOrganisation: namedRef(c.clientOrganisationId, names.organisations),
    programmes: links
      .filter((l) => l.courseId === c.id)
      .map(({ id, code, nameSv }) => ({ id, code, nameSv })),
  }));
}

async function findCourse(db: Db | Tx, id: string) {
  const rows = await selectCourses(db).where(eq(courses.id, id));
  return rows.length ? (await withProgrammes(db, rows))[0] : null;
}

async function courseExists(db: Db | Tx, id: string) {
  const [row] = await db.select().from(courses).where(eq(courses.id, id));
  return row ?? null;
}

export async function getCourse(db: Db, actor: Actor | null, id: string): Promise<CourseRecord> {
  authorize(actor, coursesPolicy, "read", { id });
  const found = await findCourse(db, id);
  if (!found) throw notFound();
  return found;
}

export async function findCourseIdByCode(db: Db | Tx, code: string): Promise<string | null> {
  const [row] = await db
    .select({ id: courses.id })
    .from(courses)
    .where(eq(courses.code, code.trim().toUpperCase()));
  return row?.id ?? null;
}

/** For each course, the programmes it belongs to (the activities policy reasons with this). */
export async function programmeIdsOfCourses(
  db: Db | Tx,
  courseIds: string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(courseIds.map((id) => [id, []]));
  if (!courseIds.length) return map;
  const links = await db.select().from(programmeCourses).where(inArray(programmeCourses.courseId, courseIds));
  for (const l of links) map.get(l.courseId)?.push(l.programmeId);
  return map;
}

/** Courses in Swedish name order, filtered by programme, contract and client, paged with a cursor. */
export async function listCourses(db: Db, actor: Actor | null, query: Partial<CourseListQuery> = {}) {
  authorize(actor, coursesPolicy, "list", null);
  const q = parseWith(courseListQuery, query);
  const where: SQL[] = [];
  if (q.q) where.push(studySearch(courses, q.q));
  if (q.programmeId)
    where.push(
      inArray(
        courses.id,
        db
          .select({ id: programmeCourses.courseId })
          .from(programmeCourses)
          .where(eq(programmeCourses.programmeId, q.programmeId)),
      ),
    );
  if (q.contract !== undefined) where.push(eq(courses.contract, q.contract));
  if (q.clientOrganisationId) where.push(eq(courses.clientOrganisationId, q.clientOrganisationId));
  const after = afterCursor(q.cursor, { sort: courses.sortKey, id: courses.id });
  if (after) where.push(after);
  const rows = await selectCourses(db)
    .where(and(...where))
    .orderBy(asc(courses.sortKey), asc(courses.id))
    .limit(q.limit + 1);
  const result = page(rows, q.limit, (r) => encodeCursor(r.course.sortKey, r.course.id));
  return { items: await withProgrammes(db, result.items), nextCursor: result.nextCursor };
}

async function snapshot(tx: Tx, id: string) {
  const [row] = await tx.select().from(courses).where(eq(courses.id, id));
  const links = await tx.select().from(programmeCourses).where(eq(programmeCourses.courseId, id));
  return row ? { ...row, programmeIds: links.map((l) => l.programmeId) } : null;
}

const programmeLinks = (ids: string[] | undefined) => ({
  kind: "programme" as const,
  ids,
  field: "programmeIds",
  messageKey: "validation.programmes.unknownProgrammes",
});

export async function createCourse(db: Db, actor: Actor | null, input: CreateCourseInput) {
  requireActor(actor);
  authorize(actor, coursesPolicy, "create", null);
  const data = parseWith(createCourseInput, input);
  const id = await codeSafe(data.code, () =>
    writeWithAudit(db, actor, async (tx, audit) => {
      await checkStudyReferences(tx, courses, data, programmeLinks(data.programmeIds), null);
      const [row] = await tx
        .insert(courses)
        .values({
          ...studyRow(data),
          contract: data.contract,
          clientOrganisationId: data.clientOrganisationId ?? null,
        })
        .returning();
      await replaceStudyLinks(tx, { courseId: row.id, programmeIds: data.programmeIds });
      await audit({
        action: "course.create",
        entityType: "course",
        entityId: row.id,
        after: await snapshot(tx, row.id),
      });
      return row.id;
    }),
  );
  return (await findCourse(db, id))!;
}

export async function updateCourse(db: Db, actor: Actor | null, id: string, input: UpdateCourseInput) {
  requireActor(actor);
  const data = parseWith(updateCourseInput, input);
  const existing = await courseExists(db, id);
  if (!existing) throw notFound();
  authorize(actor, coursesPolicy, "update", { id });
  // The contract/client rule holds for the course as it will be, not only for the fields sent.
  const merged = {
    contract: data.contract ?? existing.contract,
    clientOrganisationId:
      data.clientOrganisationId !== undefined ? data.clientOrganisationId : existing.clientOrganisationId,
  };
  assertRefinement(checkContractClient, merged);
  await codeSafe(data.code, () =>
    writeWithAudit(db, actor, async (tx, audit) => {
      const before = await snapshot(tx, id);
      await checkStudyReferences(tx, courses, data, programmeLinks(data.programmeIds), id);
      const { programmeIds, ...fields } = data;
      await tx.update(courses).set(studyPatch(fields)).where(eq(courses.id, id));
      if (programmeIds) await replaceStudyLinks(tx, { courseId: id, programmeIds });
      await audit({
        action: "course.update",
        entityType: "course",
        entityId: id,
        before,
        after: await snapshot(tx, id),
      });
    }),
  );
  return (await findCourse(db, id))!;
}

/**
 * Links to a course from the activities module, which depends on programmes, so this module cannot
 * import it: the read layer answers (src/server/read/register-links.ts) and app.ts provides it at start.
 */
export interface CourseReferenceReads {
  activityLinks(db: Db | Tx, courseId: string): Promise<number>;
}

let referenceReads: CourseReferenceReads | null = null;

export function provideCourseReferenceReads(reads: CourseReferenceReads) {
  referenceReads = reads;
}

function references(): CourseReferenceReads {
  if (!referenceReads) throw new Error("course reference reads not provided (app.ts provides them)");
  return referenceReads;
}

/** What deleting the course would affect: its programme links and activity links. */
export async function courseImpact(db: Db, actor: Actor | null, id: string) {
  authorize(actor, coursesPolicy, "read", { id });
  if (!(await courseExists(db, id))) throw notFound();
  const [[programmeLinks], [activityLinks]] = await Promise.all([
    db.select({ n: count() }).from(programmeCourses).where(eq(programmeCourses.courseId, id)),
    references()
      .activityLinks(db, id)
      .then((n) => [{ n }]),
  ]);
  return { programmeLinks: programmeLinks.n, activityLinks: activityLinks.n };
}

/** Deletes the course; its programme and activity links go with it (the activities stay). */
export async function deleteCourse(db: Db, actor: Actor | null, id: string) {
  requireActor(actor);
  if (!(await courseExists(db, id))) throw notFound();
  authorize(actor, coursesPolicy, "delete", { id });
  await writeWithAudit(db, actor, async (tx, audit) => {
    const before = await snapshot(tx, id);
    await tx.delete(courses).where(and(eq(courses.id, id)));
    await audit({ action: "course.delete", entityType: "course", entityId: id, before });
  });
}
