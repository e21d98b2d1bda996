import { asc, eq, inArray } from "drizzle-orm";
import type { ActivityStatus } from "../../../common/activity-types.ts";
import type { Db, Tx } from "../../db/client.ts";
import { organisations } from "../organisations/organisations.schema.ts";
import { programmeIdsOfCourses } from "../programmes/index.ts";
import { courses, programmes } from "../programmes/programmes.schema.ts";
import type { ActivityLinks } from "./activities.policy.ts";
import {
  activities,
  activityCourses,
  activityOrganisations,
  activityProgrammes,
  activityTypes,
} from "./activities.schema.ts";

type ActivityRow = typeof activities.$inferSelect;

/** An activity with everything its pages and the compass need, loaded in a few batched queries. */
export interface ActivityRecord extends Omit<ActivityRow, "status"> {
  status: ActivityStatus;
  type: { labelSv: string; labelEn: string; category: string };
  organisers: { id: string; name: string }[];
  partners: { id: string; name: string }[];
  programmes: { id: string; code: string; nameSv: string }[];
  courses: { id: string; code: string; nameSv: string; credits: number | null }[];
  /** Programme links and, per linked course, that course's programmes (for the policy). */
  links: ActivityLinks;
}

/** Turns activity rows into records: type labels, organisations, programmes, courses, policy links. */
export async function toRecords(db: Db | Tx, rows: ActivityRow[]): Promise<ActivityRecord[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  // Sequential on purpose: inside a transaction there is one connection, and pg refuses overlapping queries.
  const types = await db
    .select()
    .from(activityTypes)
    .where(inArray(activityTypes.key, [...new Set(rows.map((r) => r.typeKey))]));
  const orgLinks = await db
    .select({
      activityId: activityOrganisations.activityId,
      role: activityOrganisations.role,
      id: organisations.id,
      name: organisations.name,
    })
    .from(activityOrganisations)
    .innerJoin(organisations, eq(organisations.id, activityOrganisations.organisationId))
    .where(inArray(activityOrganisations.activityId, ids))
    .orderBy(asc(organisations.sortKey));
  const programmeLinks = await db
    .select({
      activityId: activityProgrammes.activityId,
      id: programmes.id,
      code: programmes.code,
      nameSv: programmes.nameSv,
    })
    .from(activityProgrammes)
    .innerJoin(programmes, eq(programmes.id, activityProgrammes.programmeId))
    .where(inArray(activityProgrammes.activityId, ids))
    .orderBy(asc(programmes.sortKey));
  const courseLinks = await db
    .select({
      activityId: activityCourses.activityId,
      id: courses.id,
      code: courses.code,
      nameSv: courses.nameSv,
      credits: courses.credits,
    })
    .from(activityCourses)
    .innerJoin(courses, eq(courses.id, activityCourses.courseId))
    .where(inArray(activityCourses.activityId, ids))
    .orderBy(asc(courses.sortKey));
  const courseProgrammes = await programmeIdsOfCourses(db, [...new Set(courseLinks.map((c) => c.id))]);
  const typeOf = new Map(types.map((t) => [t.key, t]));
  return rows.map((row) => {
    const type = typeOf.get(row.typeKey);
    const mineOrgs = orgLinks.filter((o) => o.activityId === row.id);
    const mineProgrammes = programmeLinks.filter((p) => p.activityId === row.id);
    const mineCourses = courseLinks.filter((c) => c.activityId === row.id);
    return {
      ...row,
      status: row.status as ActivityStatus,
      type: {
        labelSv: type?.labelSv ?? row.typeKey,
        labelEn: type?.labelEn ?? row.typeKey,
        category: type?.category ?? "other",
      },
      organisers: mineOrgs.filter((o) => o.role === "organiser").map(({ id, name }) => ({ id, name })),
      partners: mineOrgs.filter((o) => o.role !== "organiser").map(({ id, name }) => ({ id, name })),
      programmes: mineProgrammes.map(({ id, code, nameSv }) => ({ id, code, nameSv })),
      courses: mineCourses.map(({ id, code, nameSv, credits }) => ({ id, code, nameSv, credits })),
      links: {
        programmeIds: mineProgrammes.map((p) => p.id),
        courseProgrammeIds: new Map(mineCourses.map((c) => [c.id, courseProgrammes.get(c.id) ?? []])),
      },
    };
  });
}

export async function findActivity(db: Db | Tx, id: string): Promise<ActivityRecord | null> {
  const rows = await db.select().from(activities).where(eq(activities.id, id));
  return (await toRecords(db, rows))[0] ?? null;
}
