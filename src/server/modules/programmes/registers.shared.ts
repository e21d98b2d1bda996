import { eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Db, Tx } from "../../db/client.ts";
import { fieldErrors } from "../../platform/errors.ts";
import { isUniqueViolation, likePattern } from "../../platform/sql.ts";
import { existingOrganisationIds, organisationNames } from "../organisations/index.ts";
import { existingPersonIds, personNames } from "../people/index.ts";
import { courses, programmeCourses, programmes } from "./programmes.schema.ts";

/**
 * Helpers shared by the programmes, courses and activities services (one owner, three registers).
 */

const tables = {
  programme: programmes,
  course: courses,
} as const;

/** Which ids exist, per kind: programmes and courses are ours, organisations and people are asked. */
const existing = {
  organisation: existingOrganisationIds,
  person: existingPersonIds,
  ...Object.fromEntries(
    Object.entries(tables).map(([kind, table]) => [
      kind,
      async (db: Db | Tx, ids: string[]) =>
        new Set(
          (await db.select({ id: table.id }).from(table).where(inArray(table.id, ids))).map((r) => r.id),
        ),
    ]),
  ),
} as Record<
  "organisation" | "person" | keyof typeof tables,
  (db: Db | Tx, ids: string[]) => Promise<Set<string>>
>;

/**
 * Throws 422 on `field` when any of the ids does not exist: linking to something unknown is an
 * input error the person can correct, not a server error.
 */
export async function assertExisting(
  db: Db | Tx,
  kind: keyof typeof existing,
  ids: (string | null | undefined)[],
  field: string,
  messageKey: string,
) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return;
  const found = await existing[kind](db, wanted);
  if (found.size !== wanted.length) throw fieldErrors({ [field]: messageKey });
}

export const unique = (ids: string[]) => [...new Set(ids)];

/** Rewrites a race on a unique code index into the same 422 on `code` that the pre-check gives. */
export async function codeSafe<T>(code: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error))
      throw fieldErrors({ code: { key: "validation.programmes.codeTaken", params: { code } } });
    throw error;
  }
}

/**
 * Runs a shared cross-field rule (a zod superRefine function) on a merged record, as a PATCH needs:
 * the rule holds for the record as it will be, not only for the fields sent. Throws 422 on failure.
 */
export function assertRefinement<T>(rule: (value: T, ctx: z.RefinementCtx) => void, value: T) {
  const errors: Record<string, string> = {};
  const ctx = {
    addIssue(issue: { path?: PropertyKey[]; message?: string }) {
      const field = String(issue.path?.[0] ?? "_");
      errors[field] ??= issue.message ?? "validation.invalid";
    },
  } as unknown as z.RefinementCtx;
  rule(value, ctx);
  if (Object.keys(errors).length) throw fieldErrors(errors);
}

/** What a programme and a course record share: the columns and the owning unit and responsible person by name. */
export interface StudyRecord {
  id: string;
  code: string;
  nameSv: string;
  nameEn: string | null;
  credits: number | null;
  level: string | null;
  organisationId: string | null;
  responsiblePersonId: string | null;
  createdAt: Date;
  updatedAt: Date;
  organisation: { id: string; name: string } | null;
  responsiblePerson: { id: string; name: string } | null;
}

/** Programmes and courses: the two registers of studies, with the same columns at heart. */
type StudyTable = typeof programmes | typeof courses;

/** A free-text search over a programme's or course's Swedish and English name and its code. */
export function studySearch(table: StudyTable, q: string): SQL {
  const pattern = likePattern(q);
  return or(ilike(table.nameSv, pattern), ilike(table.nameEn, pattern), ilike(table.code, pattern))!;
}

/**
 * The references of a programme or course being written, each a 422 on its field: the code is not
 * another's, the owning unit (and a contract course's client) and the responsible person exist, and so
 * do the linked courses (of a programme) or programmes (of a course).
 */
export async function checkStudyReferences(
  tx: Tx,
  table: StudyTable,
  data: {
    code?: string;
    organisationId?: string | null;
    clientOrganisationId?: string | null;
    responsiblePersonId?: string | null;
  },
  links: { kind: "programme" | "course"; ids: string[] | undefined; field: string; messageKey: string },
  exceptId: string | null,
) {
  if (data.code !== undefined) {
    const [taken] = await tx.select({ id: table.id }).from(table).where(eq(table.code, data.code));
    if (taken && taken.id !== exceptId)
      throw fieldErrors({ code: { key: "validation.programmes.codeTaken", params: { code: data.code } } });
  }
  const unknownOrg = "validation.programmes.unknownOrganisation";
  await assertExisting(tx, "organisation", [data.organisationId], "organisationId", unknownOrg);
  await assertExisting(tx, "organisation", [data.clientOrganisationId], "clientOrganisationId", unknownOrg);
  await assertExisting(
    tx,
    "person",
    [data.responsiblePersonId],
    "responsiblePersonId",
    "validation.programmes.unknownPerson",
  );
  await assertExisting(tx, links.kind, links.ids ?? [], links.field, links.messageKey);
}

/** The new row's columns that programmes and courses share (the sort key from the Swedish name). */
export function studyRow(data: {
  code: string;
  nameSv: string;
  nameEn?: string | null;
  credits?: number | null;
  level?: string | null;
  organisationId?: string | null;
  responsiblePersonId?: string | null;
}) {
  return {
    code: data.code,
    nameSv: data.nameSv,
    nameEn: data.nameEn ?? null,
    sortKey: swedishSortKey(data.nameSv),
    credits: data.credits ?? null,
    level: data.level ?? null,
    organisationId: data.organisationId ?? null,
    responsiblePersonId: data.responsiblePersonId ?? null,
  };
}

/** A PATCH's SET: the fields sent, a new sort key with a new Swedish name, and the time of the change. */
export function studyPatch(fields: { nameSv?: string }) {
  const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return {
    ...patch,
    ...(fields.nameSv ? { sortKey: swedishSortKey(fields.nameSv) } : {}),
    updatedAt: new Date(),
  };
}

/** Replaces a programme's courses, or a course's programmes, in programme_courses. */
export async function replaceStudyLinks(
  tx: Tx,
  of: { programmeId: string; courseIds: string[] } | { courseId: string; programmeIds: string[] },
) {
  if ("programmeId" in of) {
    await tx.delete(programmeCourses).where(eq(programmeCourses.programmeId, of.programmeId));
    const ids = unique(of.courseIds);
    if (ids.length)
      await tx
        .insert(programmeCourses)
        .values(ids.map((courseId) => ({ programmeId: of.programmeId, courseId })));
  } else {
    await tx.delete(programmeCourses).where(eq(programmeCourses.courseId, of.courseId));
    const ids = unique(of.programmeIds);
    if (ids.length)
      await tx
        .insert(programmeCourses)
        .values(ids.map((programmeId) => ({ programmeId, courseId: of.courseId })));
  }
}

type StudyRow = typeof programmes.$inferSelect | typeof courses.$inferSelect;
type StudyNames = { organisations: Map<string, string>; people: Map<string, string> };

/** The names of the units (a contract course's client too) and responsible people a page of rows refers to. */
export async function studyNames(
  db: Db | Tx,
  rows: {
    organisationId: string | null;
    clientOrganisationId?: string | null;
    responsiblePersonId: string | null;
  }[],
): Promise<StudyNames> {
  const [organisations, people] = await Promise.all([
    organisationNames(
      db,
      rows.flatMap((r) => [r.organisationId, r.clientOrganisationId].filter((id): id is string => !!id)),
    ),
    personNames(
      db,
      rows.map((r) => r.responsiblePersonId),
    ),
  ]);
  return { organisations, people };
}

/** A programme's or course's row as the part of its record the two share. */
export function studyRecord(row: StudyRow, names: StudyNames): StudyRecord {
  return {
    id: row.id,
    code: row.code,
    nameSv: row.nameSv,
    nameEn: row.nameEn,
    credits: row.credits,
    level: row.level,
    organisationId: row.organisationId,
    responsiblePersonId: row.responsiblePersonId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    organisation: namedRef(row.organisationId, names.organisations),
    responsiblePerson: namedRef(row.responsiblePersonId, names.people),
  };
}

/** A named reference of a record, or null when it has none (or the name is not found). */
export const namedRef = (id: string | null, names: Map<string, string>) => {
  const name = id ? names.get(id) : undefined;
  return id && name ? { id, name } : null;
};
