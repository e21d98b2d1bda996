import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "../../db/columns.ts";
import { users } from "../../platform/platform.schema.ts";
import { organisations } from "../organisations/organisations.schema.ts";
import { projects } from "../projects/projects.schema.ts";

/**
 * A unit of an organisation's accounts (enhet): the rows of the seed's money table, e.g.
 * "Sektor Utbildning", "Forskargruppen STAMP", "Processledning och drift". Units are not
 * necessarily organisations of the register; when one is, `unit_organisation_id` says which.
 */
export const financeUnits = pgTable(
  "finance_units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The sector group, e.g. "Utbildning": matches projects.sector in the annual report. */
    sector: text("sector"),
    unitOrganisationId: uuid("unit_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    /** The order of the money table (the seed lists sectors first, then the rest). */
    sortOrder: integer("sort_order").notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("finance_units_name_uq").on(t.organisationId, sql`lower(${t.name})`),
    index("finance_units_org_idx").on(t.organisationId, t.sortOrder),
  ],
);

/** A budget for a unit or a project in one year, whole kronor. */
export const budgets = pgTable(
  "budgets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    unitId: uuid("unit_id").references(() => financeUnits.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    amount: integer("amount").notNull(),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("budgets_org_year_idx").on(t.organisationId, t.year),
    index("budgets_unit_idx").on(t.unitId),
    index("budgets_project_idx").on(t.projectId),
  ],
);

/** Money spent (förbrukade medel): one dated entry per booking, whole kronor. */
export const spendEntries = pgTable(
  "spend_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => financeUnits.id, { onDelete: "restrict" }),
    date: date("date").notNull(),
    amount: integer("amount").notNull(),
    category: text("category"),
    note: text("note"),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "set null" }),
    /** The SKO agreement the money was spent on (agreements module; checked by its spend guard). */
    agreementId: uuid("agreement_id"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdByName: text("created_by_name"),
    ...timestamps,
  },
  (t) => [
    index("spend_org_date_idx").on(t.organisationId, t.date, t.id),
    index("spend_unit_idx").on(t.unitId),
    index("spend_project_idx").on(t.projectId),
    index("spend_agreement_idx").on(t.agreementId, t.date),
  ],
);
