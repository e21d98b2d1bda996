import { asc, count, countDistinct, desc, eq, or, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import {
  activities,
  activityCourses,
  activityOrganisations,
  activityProgrammes,
} from "../modules/activities/activities.schema.ts";
import type { OrganisationReferenceReads } from "../modules/organisations/index.ts";
import type { PersonReferenceReads } from "../modules/people/index.ts";
import { memberships, people } from "../modules/people/people.schema.ts";
import type { CourseReferenceReads, ProgrammeReferenceReads } from "../modules/programmes/index.ts";
import { courses, programmes } from "../modules/programmes/programmes.schema.ts";

/**
 * Reverse links of the registers (issue 12): what links to an organisation, a person, a programme or a
 * course from the modules above it. The register shows these on its detail page and counts them in its
 * delete impact, but may not import those modules (they depend on it), so this read model answers and
 * app.ts hands it to the register. Reads only.
 */

function coursesWhere(db: Db | Tx, condition: SQL) {
  return db
    .select({ id: courses.id, code: courses.code, name: courses.nameSv, credits: courses.credits })
    .from(courses)
    .where(condition)
    .orderBy(asc(courses.sortKey), asc(courses.id));
}

export const organisationReferenceReads: OrganisationReferenceReads = {
  async links(db, id) {
    const [members, progs, ownCourses, contractCourses, acts] = await Promise.all([
      db
        .select({
          membershipId: memberships.id,
          personId: people.id,
          name: people.name,
          title: people.title,
          role: memberships.role,
          startDate: memberships.startDate,
          endDate: memberships.endDate,
        })
        .from(memberships)
        .innerJoin(people, eq(people.id, memberships.personId))
        .where(eq(memberships.organisationId, id))
        .orderBy(asc(people.sortKey), asc(people.id)),
      db
        .select({ id: programmes.id, code: programmes.code, name: programmes.nameSv })
        .from(programmes)
        .where(eq(programmes.organisationId, id))
        .orderBy(asc(programmes.sortKey), asc(programmes.id)),
      coursesWhere(db, eq(courses.organisationId, id)),
      coursesWhere(db, eq(courses.clientOrganisationId, id)),
      db
        .select({
          id: activities.id,
          title: activities.title,
          typeKey: activities.typeKey,
          startDate: activities.startDate,
          status: activities.status,
          role: activityOrganisations.role,
        })
        .from(activityOrganisations)
        .innerJoin(activities, eq(activities.id, activityOrganisations.activityId))
        .where(eq(activityOrganisations.organisationId, id))
        .orderBy(sql`${activities.startDate} desc nulls last`, desc(activities.id))
        .limit(200),
    ]);
    return { people: members, programmes: progs, courses: ownCourses, contractCourses, activities: acts };
  },
  async counts(db, id) {
    const [[members], [progs], [crs], [acts]] = await Promise.all([
      db
        .select({ n: count(), people: countDistinct(memberships.personId) })
        .from(memberships)
        .where(eq(memberships.organisationId, id)),
      db.select({ n: count() }).from(programmes).where(eq(programmes.organisationId, id)),
      db
        .select({ n: count() })
        .from(courses)
        .where(or(eq(courses.organisationId, id), eq(courses.clientOrganisationId, id))),
      db
        .select({ n: count() })
        .from(activityOrganisations)
        .where(eq(activityOrganisations.organisationId, id)),
    ]);
    return {
      memberships: members.n,
      people: members.people,
      programmes: progs.n,
      courses: crs.n,
      activities: acts.n,
    };
  },
};

export const personReferenceReads: PersonReferenceReads = {
  async links(db, personId) {
    const [progs, crs] = await Promise.all([
      db
        .select({ id: programmes.id, code: programmes.code, name: programmes.nameSv })
        .from(programmes)
        .where(eq(programmes.responsiblePersonId, personId))
        .orderBy(asc(programmes.sortKey)),
      db
        .select({ id: courses.id, code: courses.code, name: courses.nameSv })
        .from(courses)
        .where(eq(courses.responsiblePersonId, personId))
        .orderBy(asc(courses.sortKey)),
    ]);
    return { responsibleForProgrammes: progs, responsibleForCourses: crs };
  },
  async counts(db, personId) {
    const [[p], [c]] = await Promise.all([
      db.select({ n: count() }).from(programmes).where(eq(programmes.responsiblePersonId, personId)),
      db.select({ n: count() }).from(courses).where(eq(courses.responsiblePersonId, personId)),
    ]);
    return { programmes: p.n, courses: c.n };
  },
};

export const programmeReferenceReads: ProgrammeReferenceReads = {
  async activityLinks(db, programmeId) {
    const [row] = await db
      .select({ n: count() })
      .from(activityProgrammes)
      .where(eq(activityProgrammes.programmeId, programmeId));
    return row.n;
  },
};

export const courseReferenceReads: CourseReferenceReads = {
  async activityLinks(db, courseId) {
    const [row] = await db
      .select({ n: count() })
      .from(activityCourses)
      .where(eq(activityCourses.courseId, courseId));
    return row.n;
  },
};
