import { asc, count, countDistinct, eq, or, type SQL, sql } from "drizzle-orm";
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

/** Courses matching `condition` as a JSON array in the register's order (sort key, then id). */
function coursesJson(condition: SQL) {
  return sql`coalesce((select json_agg(json_build_object('id', ${courses.id}, 'code', ${courses.code},
      'name', ${courses.nameSv}, 'credits', ${courses.credits}) order by ${courses.sortKey}, ${courses.id})
    from ${courses} where ${condition}), '[]'::json)`;
}

type LinkColumns = ReturnType<OrganisationReferenceReads["linkColumns"]>;
type OrganisationLinkRows = { [K in keyof LinkColumns]: LinkColumns[K] extends SQL<infer T> ? T : never };

export const organisationReferenceReads: OrganisationReferenceReads = {
  /**
   * The detail page's lists as select-list columns correlated to the organisation's id column, so that
   * the register reads them in the same statement as the organisation itself (one round trip, no N+1):
   * each list a JSON array in the order the page shows it. JSON gives dates as `YYYY-MM-DD` and numeric
   * credits as numbers, as the typed columns do.
   */
  linkColumns(id) {
    return {
      people: sql<
        OrganisationLinkRows["people"]
      >`coalesce((select json_agg(json_build_object('membershipId', ${memberships.id}, 'personId', ${people.id},
                   'name', ${people.name}, 'title', ${people.title}, 'role', ${memberships.role},
                   'startDate', ${memberships.startDate}, 'endDate', ${memberships.endDate})
                   order by ${people.sortKey}, ${people.id})
                  from ${memberships} join ${people} on ${people.id} = ${memberships.personId}
                  where ${memberships.organisationId} = ${id}), '[]'::json)`,
      programmes: sql<
        OrganisationLinkRows["programmes"]
      >`coalesce((select json_agg(json_build_object('id', ${programmes.id}, 'code', ${programmes.code},
                   'name', ${programmes.nameSv}) order by ${programmes.sortKey}, ${programmes.id})
                  from ${programmes} where ${programmes.organisationId} = ${id}), '[]'::json)`,
      courses: sql<OrganisationLinkRows["courses"]>`${coursesJson(sql`${courses.organisationId} = ${id}`)}`,
      contractCourses: sql<
        OrganisationLinkRows["contractCourses"]
      >`${coursesJson(sql`${courses.clientOrganisationId} = ${id}`)}`,
      activities: sql<
        OrganisationLinkRows["activities"]
      >`coalesce((select json_agg(json_build_object('id', a.id, 'title', a.title, 'typeKey', a.type_key,
                   'startDate', a.start_date, 'status', a.status, 'role', a.role)
                   order by a.start_date desc nulls last, a.id desc)
                  from (select ${activities.id} as id, ${activities.title} as title, ${activities.typeKey} as type_key,
                          ${activities.startDate} as start_date, ${activities.status} as status,
                          ${activityOrganisations.role} as role
                        from ${activityOrganisations}
                        join ${activities} on ${activities.id} = ${activityOrganisations.activityId}
                        where ${activityOrganisations.organisationId} = ${id}
                        order by ${activities.startDate} desc nulls last, ${activities.id} desc
                        limit 200) a), '[]'::json)`,
    };
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
