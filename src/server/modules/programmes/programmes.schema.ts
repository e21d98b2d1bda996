import { sql } from "drizzle-orm";
import { boolean, index, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "../../db/columns.ts";
import { organisations } from "../organisations/organisations.schema.ts";
import { people } from "../people/people.schema.ts";

export const programmes = pgTable(
  "programmes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    nameSv: text("name_sv").notNull(),
    nameEn: text("name_en"),
    sortKey: text("sort_key").notNull(),
    credits: numeric("credits", { precision: 6, scale: 1, mode: "number" }),
    /** grundniva | avancerad | forskarniva */
    level: text("level"),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    responsiblePersonId: uuid("responsible_person_id").references(() => people.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("programmes_code_uq").on(t.code),
    index("programmes_sort_idx").on(t.sortKey, t.id),
    index("programmes_org_idx").on(t.organisationId),
    index("programmes_name_trgm").using("gin", sql`${t.nameSv} gin_trgm_ops`),
  ],
);

export const courses = pgTable(
  "courses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    nameSv: text("name_sv").notNull(),
    nameEn: text("name_en"),
    sortKey: text("sort_key").notNull(),
    credits: numeric("credits", { precision: 6, scale: 1, mode: "number" }),
    level: text("level"),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    responsiblePersonId: uuid("responsible_person_id").references(() => people.id, { onDelete: "set null" }),
    /** Uppdragsutbildning: a course made for an external client organisation. */
    contract: boolean("contract").notNull().default(false),
    clientOrganisationId: uuid("client_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("courses_code_uq").on(t.code),
    index("courses_sort_idx").on(t.sortKey, t.id),
    index("courses_client_idx").on(t.clientOrganisationId),
    // An organisation's page lists its courses (read/register-links.ts): without it a scan of every course.
    index("courses_organisation_idx").on(t.organisationId),
    index("courses_name_trgm").using("gin", sql`${t.nameSv} gin_trgm_ops`),
  ],
);

export const programmeCourses = pgTable(
  "programme_courses",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.courseId] }),
    index("programme_courses_course_idx").on(t.courseId),
  ],
);
