import { z } from "zod";

/**
 * Spreadsheet import and export of the registers: the shapes shared by the transfer routes and the
 * web's import wizard and export menu.
 */
export const transferRegisters = ["organisations", "people", "programmes", "courses", "activities"] as const;
export type TransferRegister = (typeof transferRegisters)[number];

export const spreadsheetFormat = z.enum(["xlsx", "csv"], { error: "validation.transfer.format" });
export type SpreadsheetFormatKey = z.infer<typeof spreadsheetFormat>;

export const formatQuery = z.object({ format: spreadsheetFormat.default("xlsx") });

/** The largest upload and the most rows an import takes (docs/design.md: size-limited uploads). */
export const importLimits = { maxMegabytes: 10, maxRows: 50_000 } as const;

/** A column of the register that a file's column can be mapped to. */
export const importFieldView = z.object({
  key: z.string(),
  label: z.string(),
  required: z.boolean(),
  /** What the cell should hold, e.g. "ÅÅÅÅ-MM-DD" or "Kommun, Region, …". */
  hint: z.string().optional(),
});
export type ImportFieldView = z.infer<typeof importFieldView>;

/** Which register field each of the file's headings feeds; null leaves the column out. */
export const importMapping = z.record(z.string().max(200), z.string().max(60).nullable());
export type ImportMapping = z.infer<typeof importMapping>;

export const importPreviewView = z
  .object({
    fileName: z.string(),
    format: z.enum(["xlsx", "csv"]),
    headers: z.array(z.string()),
    /** Suggested from the headings (Swedish or English, any case, with or without å ä ö). */
    mapping: importMapping,
    fields: z.array(importFieldView),
    /** The first rows as text, in the order of `headers`. */
    sampleRows: z.array(z.array(z.string())),
    rowCount: z.number().int(),
  })
  .meta({ id: "ImportPreview" });
export type ImportPreviewView = z.infer<typeof importPreviewView>;

export const importStatuses = ["queued", "validating", "writing", "done", "failed"] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const importErrorView = z.object({
  /** The row as shown in Excel: the heading is row 1. Null for the whole file. */
  row: z.number().int().nullable(),
  field: z.string().nullable(),
  /** The file's heading of that column. */
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportErrorView = z.infer<typeof importErrorView>;

export const importJobView = z
  .object({
    id: z.string(),
    register: z.enum(transferRegisters),
    status: z.enum(importStatuses),
    fileName: z.string(),
    total: z.number().int(),
    /** Rows checked (while validating) or written (while writing). */
    processed: z.number().int(),
    createdCount: z.number().int(),
    /** Rows with at least one error; `errors` lists the first of them. */
    errorCount: z.number().int(),
    errors: z.array(importErrorView),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "ImportJob" });
export type ImportJobView = z.infer<typeof importJobView>;

/** URL segment of a register's API (`/api/organisations/import`) and its web list page. */
export const registerListPath: Record<TransferRegister, string> = {
  organisations: "/register/organisationer",
  people: "/register/personer",
  programmes: "/register/program",
  courses: "/register/kurser",
  activities: "/aktiviteter",
};
