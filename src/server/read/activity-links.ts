import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../db/client.ts";
import {
  activities,
  activityCourses,
  activityOrganisations,
  activityProgrammes,
  activityTypes,
} from "../modules/activities/activities.schema.ts";
import { organisations } from "../modules/organisations/organisations.schema.ts";
import { courses, programmeCourses, programmes } from "../modules/programmes/programmes.schema.ts";
import { pgArray } from "../platform/sql.ts";

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

/** What an activity's pages show beside its own row: its type's labels and what it links to, with names. */
export interface ActivityLinkParts {
  type: { labelSv: string; labelEn: string; category: string } | null;
  organisations: { id: string; name: string; role: string }[];
  programmes: { id: string; code: string; nameSv: string }[];
  /** Each course with the programmes it belongs to (the activities policy reads those). */
  courses: { id: string; code: string; nameSv: string; credits: number | null; programmeIds: string[] }[];
}

/**
 * The type labels and links of many activities in one statement (a list page asks once, not once per
 * kind of link): one row per activity, each list aggregated in the registers' Swedish order.
 */
export async function activityLinkParts(
  db: Db | Tx,
  rows: readonly { id: string; typeKey: string }[],
): Promise<Map<string, ActivityLinkParts>> {
  if (!rows.length) return new Map();
  const found = await queryRows<{ id: string } & ActivityLinkParts>(
    db,
    sql`select a.id,
      (select json_build_object('labelSv', t.label_sv, 'labelEn', t.label_en, 'category', t.category)
         from ${activityTypes} t where t.key = a.type_key) as "type",
      coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'role', ao.role) order by o.sort_key, o.id)
         from ${activityOrganisations} ao join ${organisations} o on o.id = ao.organisation_id
         where ao.activity_id = a.id), '[]'::json) as "organisations",
      coalesce((select json_agg(json_build_object('id', p.id, 'code', p.code, 'nameSv', p.name_sv) order by p.sort_key, p.id)
         from ${activityProgrammes} ap join ${programmes} p on p.id = ap.programme_id
         where ap.activity_id = a.id), '[]'::json) as "programmes",
      coalesce((select json_agg(json_build_object('id', c.id, 'code', c.code, 'nameSv', c.name_sv, 'credits', c.credits,
             'programmeIds', coalesce((select json_agg(pc.programme_id) from ${programmeCourses} pc where pc.course_id = c.id), '[]'::json))
           order by c.sort_key, c.id)
         from ${activityCourses} ac join ${courses} c on c.id = ac.course_id
         where ac.activity_id = a.id), '[]'::json) as "courses"
    from unnest(${pgArray(rows.map((r) => r.id))}::uuid[], ${pgArray(rows.map((r) => r.typeKey))}::text[]) as a(id, type_key)`,
  );
  return new Map(found.map((r) => [r.id, r]));
}
