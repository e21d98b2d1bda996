import { asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import {
  activities,
  activityCourses,
  activityOrganisations,
  activityProgrammes,
} from "../modules/activities/activities.schema.ts";
import { organisations } from "../modules/organisations/organisations.schema.ts";
import { courses, programmeCourses, programmes } from "../modules/programmes/programmes.schema.ts";

/**
 * An activity's links with the names of what they link to (read layer, decision 011): cross-module because
 * the link tables are the activities module's and the names live in the organisations and programmes registers,
 * joined so each list is one query in the registers' Swedish order. The activities module decides who reads it.
 */

/** Linked to the programme directly, or to one of the programme's courses (a condition on `activities`). */
export function reachesProgramme(programmeId: string): SQL {
  return sql`(exists (select 1 from ${activityProgrammes}
      where ${activityProgrammes.activityId} = ${activities.id} and ${activityProgrammes.programmeId} = ${programmeId})
    or exists (select 1 from ${activityCourses}
      join ${programmeCourses} on ${programmeCourses.courseId} = ${activityCourses.courseId}
      where ${activityCourses.activityId} = ${activities.id} and ${programmeCourses.programmeId} = ${programmeId}))`;
}

/** Organisations linked to the activities, with their role, in Swedish name order. */
export function activityOrganisationLinks(db: Db | Tx, activityIds: string[]) {
  return db
    .select({
      activityId: activityOrganisations.activityId,
      role: activityOrganisations.role,
      id: organisations.id,
      name: organisations.name,
    })
    .from(activityOrganisations)
    .innerJoin(organisations, eq(organisations.id, activityOrganisations.organisationId))
    .where(inArray(activityOrganisations.activityId, activityIds))
    .orderBy(asc(organisations.sortKey));
}

/** Programmes linked directly to the activities, in Swedish name order. */
export function activityProgrammeLinks(db: Db | Tx, activityIds: string[]) {
  return db
    .select({
      activityId: activityProgrammes.activityId,
      id: programmes.id,
      code: programmes.code,
      nameSv: programmes.nameSv,
    })
    .from(activityProgrammes)
    .innerJoin(programmes, eq(programmes.id, activityProgrammes.programmeId))
    .where(inArray(activityProgrammes.activityId, activityIds))
    .orderBy(asc(programmes.sortKey));
}

/** Courses linked to the activities, in Swedish name order. */
export function activityCourseLinks(db: Db | Tx, activityIds: string[]) {
  return db
    .select({
      activityId: activityCourses.activityId,
      id: courses.id,
      code: courses.code,
      nameSv: courses.nameSv,
      credits: courses.credits,
    })
    .from(activityCourses)
    .innerJoin(courses, eq(courses.id, activityCourses.courseId))
    .where(inArray(activityCourses.activityId, activityIds))
    .orderBy(asc(courses.sortKey));
}
