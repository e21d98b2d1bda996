import { eq } from "drizzle-orm";
import type { ActivityStatus } from "../../../common/activity-types.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type ActivityLinkParts, activityLinkParts } from "../../read/activity-links.ts";
import type { ActivityLinks } from "./activities.policy.ts";
import { activities } from "./activities.schema.ts";

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

/** Turns activity rows into records: type labels, organisations, programmes, courses, policy links (one statement). */
export async function toRecords(db: Db | Tx, rows: ActivityRow[]): Promise<ActivityRecord[]> {
  if (!rows.length) return [];
  const parts = await activityLinkParts(db, rows);
  return rows.map((row) => {
    const { type, organisations, programmes, courses } = parts.get(row.id) ?? noParts;
    return {
      ...row,
      status: row.status as ActivityStatus,
      type: {
        labelSv: type?.labelSv ?? row.typeKey,
        labelEn: type?.labelEn ?? row.typeKey,
        category: type?.category ?? "other",
      },
      organisers: organisations.filter((o) => o.role === "organiser").map(({ id, name }) => ({ id, name })),
      partners: organisations.filter((o) => o.role !== "organiser").map(({ id, name }) => ({ id, name })),
      programmes,
      courses: courses.map(({ id, code, nameSv, credits }) => ({ id, code, nameSv, credits })),
      links: {
        programmeIds: programmes.map((p) => p.id),
        courseProgrammeIds: new Map(courses.map((c) => [c.id, c.programmeIds])),
      },
    };
  });
}

const noParts: ActivityLinkParts = { type: null, organisations: [], programmes: [], courses: [] };

export async function findActivity(db: Db | Tx, id: string): Promise<ActivityRecord | null> {
  const rows = await db.select().from(activities).where(eq(activities.id, id));
  return (await toRecords(db, rows))[0] ?? null;
}
