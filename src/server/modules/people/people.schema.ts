import { sql } from "drizzle-orm";
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "../../db/columns.ts";
import { users } from "../../platform/platform.schema.ts";
import { organisations } from "../organisations/organisations.schema.ts";

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    /** Lower-cased; the key that matches a registration to an existing person. */
    email: text("email"),
    phone: text("phone"),
    title: text("title"),
    /** consent | contract | public_task | legitimate_interest (GDPR art. 6). */
    lawfulBasis: text("lawful_basis").notNull().default("public_task"),
    consentAt: timestamp("consent_at", { withTimezone: true }),
    notes: text("notes"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("people_email_uq").on(t.email),
    uniqueIndex("people_user_uq").on(t.userId),
    index("people_sort_idx").on(t.sortKey, t.id),
    index("people_name_trgm").using("gin", sql`${t.name} gin_trgm_ops`),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: text("role"),
    startDate: date("start_date"),
    endDate: date("end_date"),
  },
  (t) => [index("memberships_person_idx").on(t.personId), index("memberships_org_idx").on(t.organisationId)],
);
