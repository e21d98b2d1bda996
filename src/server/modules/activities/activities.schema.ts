import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "../../db/columns.ts";
import { users } from "../../platform/platform.schema.ts";
import { organisations } from "../organisations/organisations.schema.ts";
import { courses, programmes } from "../programmes/programmes.schema.ts";

export const activityTypes = pgTable("activity_types", {
  key: text("key").primaryKey(),
  labelSv: text("label_sv").notNull(),
  labelEn: text("label_en").notNull(),
  /** education | meeting | other — meeting kinds are what the events module offers. */
  category: text("category").notNull().default("other"),
  sortOrder: integer("sort_order").notNull().default(0),
  active: boolean("active").notNull().default(true),
  /** The type's version for ETag/If-Match; moved by platform/etag.ts. */
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const activities = pgTable(
  "activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    sortKey: text("sort_key").notNull(),
    typeKey: text("type_key")
      .notNull()
      .references(() => activityTypes.key),
    description: text("description"),
    startDate: date("start_date"),
    endDate: date("end_date"),
    place: text("place"),
    /** planned | done | cancelled */
    status: text("status").notNull().default("planned"),
    mandatory: boolean("mandatory").notNull().default(false),
    evaluated: boolean("evaluated").notNull().default(false),
    evaluationText: text("evaluation_text"),
    participants: integer("participants"),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    evidenceLinks: jsonb("evidence_links").$type<{ label: string; url: string }[]>().notNull().default([]),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("activities_type_idx").on(t.typeKey),
    index("activities_start_idx").on(t.startDate, t.id),
    // The list's date sorts (undated last either way): its first page at national scale is read from these.
    index("activities_start_key_idx").on(sql`coalesce(${t.startDate}, '9999-12-31'::date)`, t.id),
    index("activities_start_desc_key_idx").on(sql`coalesce(${t.startDate}, '-infinity'::date)`, t.id),
    index("activities_status_idx").on(t.status),
    index("activities_sort_idx").on(t.sortKey, t.id),
    index("activities_title_trgm").using("gin", sql`${t.title} gin_trgm_ops`),
    index("activities_fts").using(
      "gin",
      sql`to_tsvector('swedish', ${t.title} || ' ' || coalesce(${t.description}, ''))`,
    ),
  ],
);

export const activityOrganisations = pgTable(
  "activity_organisations",
  {
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** organiser | partner */
    role: text("role").notNull().default("partner"),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.organisationId] }),
    index("activity_orgs_org_idx").on(t.organisationId),
  ],
);

export const activityProgrammes = pgTable(
  "activity_programmes",
  {
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.programmeId] }),
    index("activity_programmes_prog_idx").on(t.programmeId),
  ],
);

export const activityCourses = pgTable(
  "activity_courses",
  {
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.courseId] }),
    index("activity_courses_course_idx").on(t.courseId),
  ],
);
