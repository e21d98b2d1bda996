import type { TFunction } from "i18next";
import type { z } from "zod";
import type { Locale } from "../../../common/format.ts";
import type { TransferRegister } from "../../../common/transfer.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import type { AppError } from "../../platform/errors.ts";
import type { SheetColumn } from "../../platform/spreadsheet-export.ts";
import type { Cell } from "../../platform/spreadsheet-import.ts";
import type { StoredImportError } from "./transfer.schema.ts";

/**
 * What the generic import/export engine needs to know about one register. Each register's file in
 * registers/ fills this in with its shared create-schema, its services and its columns.
 */
export type FieldKind = "text" | "number" | "integer" | "date" | "boolean" | "list" | "enum";

export interface EnumOption {
  key: string;
  /** Everything a person may write for it: labels in Swedish and English, the key itself. */
  labels: string[];
}

export interface TransferField {
  /** Name of the mapping target, e.g. `orgNumber` or `parent`. */
  key: string;
  /** i18n key of the Swedish heading in templates and exports. */
  label: string;
  /** Other headings that mean this field (Swedish or English; compared normalised). */
  aliases: string[];
  kind: FieldKind;
  required?: boolean;
  /** Keys of the create-schema this field feeds; their errors point back at this column. */
  inputKeys?: string[];
  /** i18n key of a short note on what to write, for the template's instructions and the preview. */
  hint?: string;
  /** The template's example value. */
  example: Cell;
  /** Excel turns "0382" into 382: pad numbers back to this many digits. */
  padDigits?: number;
  /** Allowed values of an enum field. */
  options?: (db: Db) => Promise<EnumOption[]>;
  /** Separators of a list field (default `;` and line breaks, so names may contain commas). */
  listSeparators?: RegExp;
}

/** A file row after conversion: field key → value (undefined when the cell is empty). */
export interface ConvertedRow {
  row: number;
  values: Record<string, unknown>;
}

/** A row ready for the register's service, or the errors that stop it. */
export interface BuiltRow {
  row: number;
  input: Record<string, unknown>;
  errors: StoredImportError[];
  /** The create-schema's output once the row passed it (stored values, e.g. "212000-2411"). */
  output?: Record<string, unknown>;
  /** Rows of the same file this row needs written first (an organisation's parent). */
  dependsOn?: number[];
}

export interface UniqueRule {
  /** The field (mapping key) that must be unique, and its key in the built input. */
  field: string;
  inputKey: string;
  /** Of the given values, those the register already has. */
  existing: (db: Db, values: string[]) => Promise<Set<string>>;
  /** i18n key: "There is already an organisation with org number {{value}}". */
  existsKey: string;
}

export interface ExportSpec<Row> {
  /** The register list's filters (its list query without paging). */
  query: z.ZodType<Record<string, unknown>>;
  /** One page of the register's own list, so the export shows what the list shows. */
  page: (
    db: Db,
    actor: Actor,
    query: Record<string, unknown>,
    cursor: string | undefined,
  ) => Promise<{ items: Row[]; nextCursor: string | null }>;
  columns: (t: TFunction, locale: Locale) => SheetColumn<Row>[];
}

export interface RegisterTransfer<Row = any> {
  key: TransferRegister;
  /** Start of downloaded file names: `organisationer-2026-11-22.xlsx`. */
  fileBase: string;
  /** i18n key of the sheet name. */
  sheetName: string;
  fields: TransferField[];
  /** The register's shared create-schema: every row is validated with it. */
  schema: z.ZodType;
  /** Converted values → create input, with names and codes resolved to ids. */
  build: (db: Db, rows: ConvertedRow[]) => Promise<BuiltRow[]>;
  unique: UniqueRule[];
  /**
   * Writes one validated row through the register's service inside the import's transaction and
   * returns the new id. `created` maps earlier rows of the file to their ids (for dependsOn).
   */
  create: (tx: Tx, actor: Actor, row: BuiltRow, created: Map<number, string>) => Promise<string>;
  /**
   * Writes all validated rows at once through the register's bulk service (set-based checks, batched
   * inserts and audit records), when it has one; else the import calls `create` row by row. `rows` come
   * in write order (parents first). Returns row number → new id; throws RowsRefused with every row its
   * service refuses. `onProgress` hears how many rows are written.
   */
  createAll?: (
    tx: Tx,
    actor: Actor,
    rows: BuiltRow[],
    onProgress: (written: number) => Promise<void>,
  ) => Promise<Map<number, string>>;
  export: ExportSpec<Row>;
}

/** The rows a register's bulk service refused (`createAll`), each with the refusal `create` would have given. */
export class RowsRefused extends Error {
  constructor(readonly refusals: { row: BuiltRow; error: AppError }[]) {
    super("import rows refused");
  }
}
