import { z } from "zod";
import { isoDate, uuid } from "./validation.ts";

/**
 * Reports generated from data: the annual report (verksamhetsberättelse), the progress report
 * (lägesrapport) and the follow-up summary of an agreement period. Each is one document model,
 * rendered as JSON (for the web), HTML, PDF, DOCX or XLSX.
 */

export const reportFormats = ["json", "html", "pdf", "docx", "xlsx"] as const;
export type ReportFormat = (typeof reportFormats)[number];
const format = z.enum(reportFormats, { error: "validation.reports.format" }).default("html");
const lang = z.enum(["sv", "en"], { error: "validation.invalidValue" }).optional();
const year = z.coerce
  .number({ error: "validation.reports.year" })
  .int({ error: "validation.reports.year" })
  .min(1900, { error: "validation.reports.year" })
  .max(2200, { error: "validation.reports.year" });

export const annualReportQuery = z.object({ organisationId: uuid, year, format, lang });
export const progressReportQuery = z
  .object({ projectId: uuid, from: isoDate, to: isoDate, format, lang })
  .refine((q) => q.to >= q.from, { path: ["to"], error: "validation.reports.periodOrder" });
export const followUpReportQuery = z.object({ projectId: uuid, format, lang });

/** A cell: text, a number (formatted by its column's kind), or empty. */
export const cell = z.union([z.string(), z.number(), z.null()]);
export type Cell = z.infer<typeof cell>;
export const columnKinds = ["text", "number", "kronor", "date"] as const;

export const reportBlock = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("heading"),
    level: z.union([z.literal(2), z.literal(3)]),
    text: z.string(),
    /** The id a figure of a list links to (the web shows it; PDF and XLSX ignore it). */
    anchor: z.string().optional(),
  }),
  z.object({ type: z.literal("paragraph"), text: z.string(), quote: z.boolean().optional() }),
  z.object({
    type: z.literal("list"),
    items: z.array(z.string()),
    /** Per item, the heading anchor its figure opens (the records it counts), or null. */
    anchors: z.array(z.string().nullable()).optional(),
  }),
  z.object({
    type: z.literal("table"),
    /** Name of the XLSX sheet the table becomes. */
    sheet: z.string(),
    caption: z.string(),
    columns: z.array(z.object({ header: z.string(), kind: z.enum(columnKinds) })),
    rows: z.array(z.array(cell)),
    /** A totals row, e.g. TOTAL 5 892 500. */
    footer: z.array(cell).nullable(),
    /** Per row, a link target in the app (e.g. a person's register page); null where none. */
    links: z.array(z.string().nullable()).optional(),
  }),
]);
export type ReportBlock = z.infer<typeof reportBlock>;

export const reportDocument = z
  .object({
    lang: z.enum(["sv", "en"]),
    title: z.string(),
    blocks: z.array(reportBlock),
    /** When this rendering was made (ISO). Not part of the content hash. */
    generatedAt: z.string(),
    /** When the data it was made from last changed (ISO); null for an empty database. */
    dataAsOf: z.string().nullable(),
    /** SHA-256 of the content (title and blocks): the same data gives the same hash. */
    hash: z.string(),
    /** "Genererad 2026-… från data per …, innehållshash …" in the document's language. */
    provenance: z.string(),
  })
  .meta({ id: "ReportDocument" });
export type ReportDocument = z.infer<typeof reportDocument>;
