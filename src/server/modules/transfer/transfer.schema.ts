import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/platform.schema.ts";

/** One row error of an import, untranslated: the web and the API get it in the reader's language. */
export interface StoredImportError {
  /** The row as the user sees it in Excel (header = 1); null for a problem with the whole file. */
  row: number | null;
  /** The register's field (`orgNumber`), null when the error is not about one field. */
  field: string | null;
  /** The file's column heading for that field, when the file has one. */
  column: string | null;
  key: string;
  params?: Record<string, unknown>;
}

/**
 * A spreadsheet import into one register. The file is validated as a whole and written in one
 * transaction, so a job ends either `done` (every row written) or `failed` (nothing written).
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** organisations | people | programmes | courses | activities */
    register: text("register").notNull(),
    /** queued | validating | writing | done | failed */
    status: text("status").notNull().default("queued"),
    fileName: text("file_name").notNull(),
    /** header → field, as the user confirmed it. */
    mapping: jsonb("mapping").$type<Record<string, string | null>>().notNull(),
    total: integer("total").notNull().default(0),
    processed: integer("processed").notNull().default(0),
    errors: jsonb("errors").$type<StoredImportError[]>().notNull().default([]),
    /** Rows with errors; `errors` keeps at most the first few hundred of them. */
    errorCount: integer("error_count").notNull().default(0),
    createdCount: integer("created_count").notNull().default(0),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("import_jobs_actor_idx").on(t.actorId, t.createdAt)],
);
