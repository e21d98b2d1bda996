import { eq, inArray } from "drizzle-orm";
import type { ActivityStatus } from "../../../common/activity-types.ts";
import type { Db, Tx } from "../../db/client.ts";
import {
  activityCourseLinks,
  activityOrganisationLinks,
  activityProgrammeLinks,
} from "../../read/activity-links.ts";
import { programmeIdsOfCourses } from "../programmes/index.ts";
import type { ActivityLinks } from "./activities.policy.ts";
import { activities, activityTypes } from "./activities.schema.ts";

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
  const orgLinks = await activityOrganisationLinks(db, ids);
  const programmeLinks = await activityProgrammeLinks(db, ids);
  const courseLinks = await activityCourseLinks(db, ids);
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
