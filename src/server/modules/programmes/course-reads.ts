import { asc, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { courses, programmes } from "./programmes.schema.ts";

export interface CourseSummary {
  id: string;
  code: string;
  name: string;
  credits: number | null;
  contract: boolean;
  clientOrganisationId: string | null;
}

/** Courses of the register by id, for other modules' views (no authorisation: every user reads registers). */
export async function coursesByIds(db: Db | Tx, ids: readonly string[]): Promise<Map<string, CourseSummary>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      id: courses.id,
      code: courses.code,
      name: courses.nameSv,
      credits: courses.credits,
      contract: courses.contract,
      clientOrganisationId: courses.clientOrganisationId,
    })
    .from(courses)
    .where(inArray(courses.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export interface ProgrammeSummary {
  id: string;
  code: string;
  nameSv: string;
  nameEn: string | null;
  organisationId: string | null;
  level: string | null;
}

/**
 * Programmes of the register by id, in Swedish name order, for other modules' views (no authorisation: every
 * user reads registers). One query for the whole list.
 */
export async function programmesByIds(db: Db | Tx, ids: readonly string[]): Promise<ProgrammeSummary[]> {
  if (!ids.length) return [];
  return db
    .select({
      id: programmes.id,
      code: programmes.code,
      nameSv: programmes.nameSv,
      nameEn: programmes.nameEn,
      organisationId: programmes.organisationId,
      level: programmes.level,
    })
    .from(programmes)
    .where(inArray(programmes.id, [...new Set(ids)]))
    .orderBy(asc(programmes.sortKey), asc(programmes.id));
}
