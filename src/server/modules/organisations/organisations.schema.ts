import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "../../db/columns.ts";

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** swedishSortKey(name): Swedish order under the C collation. */
    sortKey: text("sort_key").notNull(),
    type: text("type").notNull(),
    parentId: uuid("parent_id").references((): any => organisations.id, { onDelete: "set null" }),
    /** NNNNNN-NNNN, text (leading zeros), unique when given. */
    orgNumber: text("org_number"),
    municipalityCode: text("municipality_code"),
    county: text("county"),
    website: text("website"),
    description: text("description"),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("organisations_org_number_uq").on(t.orgNumber),
    index("organisations_sort_idx").on(t.sortKey, t.id),
    index("organisations_parent_idx").on(t.parentId),
    index("organisations_name_trgm").using("gin", sql`${t.name} gin_trgm_ops`),
    index("organisations_fts").using(
      "gin",
      sql`to_tsvector('swedish', ${t.name} || ' ' || coalesce(${t.description}, ''))`,
    ),
  ],
);
