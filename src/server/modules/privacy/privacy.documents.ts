import type { PersonalDataExtract, ProcessingRecord } from "../../../common/privacy.ts";
import type { ReportBlock } from "../../../common/reports.ts";
import type { Db } from "../../db/client.ts";
import { finishDocument, type ReportContent, render } from "../reports/index.ts";

/**
 * The extract and the record of processing as documents (HTML, PDF, DOCX, XLSX) through the reports
 * module's renderers: each category shows its purpose, legal basis and how long it is kept.
 */

function extractContent(extract: PersonalDataExtract): ReportContent {
  const who = extract.subject.emails.join(", ") || extract.subject.personId || "okänd";
  const blocks: ReportBlock[] = [
    {
      type: "paragraph",
      text: `Registerutdrag enligt dataskyddsförordningen (GDPR) artikel 15 för ${who}. Personuppgiftsansvarig: ${extract.controller}.`,
    },
  ];
  if (!extract.sections.length)
    blocks.push({ type: "paragraph", text: "Samspel har inga personuppgifter om dig." });
  for (const [n, s] of extract.sections.entries()) {
    const columns = [...new Set(s.records.flatMap((r) => Object.keys(r)))];
    blocks.push(
      { type: "heading", level: 2, text: s.name },
      { type: "paragraph", text: `Ändamål: ${s.purpose}` },
      { type: "paragraph", text: `Rättslig grund: ${s.legalBasis}` },
      { type: "paragraph", text: `Hur länge uppgifterna sparas: ${s.retention}` },
      {
        type: "table",
        sheet: `${n + 1} ${s.name}`.slice(0, 31),
        caption: s.name,
        columns: columns.map((header) => ({ header, kind: "text" as const })),
        rows: s.records.map((r) =>
          columns.map((c) => (r[c] === undefined || r[c] === null ? null : String(r[c]))),
        ),
        footer: null,
      },
    );
  }
  return { title: "Registerutdrag", blocks };
}

function recordContent(record: ProcessingRecord): ReportContent {
  const blocks: ReportBlock[] = [
    {
      type: "paragraph",
      text: `Register över behandlingar enligt dataskyddsförordningen (GDPR) artikel 30. Personuppgiftsansvarig: ${record.controller}.`,
    },
    {
      type: "table",
      sheet: "Behandlingar",
      caption: "Kategorier av personuppgifter",
      columns: [
        "Kategori",
        "Ändamål",
        "Rättslig grund",
        "Registrerade",
        "Uppgifter",
        "Mottagare",
        "Lagringstid",
        "Arkivregel",
      ].map((header) => ({ header, kind: "text" as const })),
      rows: record.categories.map((c) => [
        c.name,
        c.purpose,
        c.legalBasis,
        c.dataSubjects.join(", "),
        c.dataItems.join(", "),
        c.recipients.join(", "),
        c.retention,
        c.archiveRule,
      ]),
      footer: null,
    },
  ];
  for (const c of record.categories)
    blocks.push(
      { type: "heading", level: 2, text: c.name },
      { type: "paragraph", text: `Ändamål: ${c.purpose}` },
      { type: "paragraph", text: `Rättslig grund: ${c.legalBasis}` },
      { type: "paragraph", text: `Lagringstid: ${c.retention}` },
      ...(c.archiveRule
        ? [{ type: "paragraph" as const, text: `Bevaras enligt arkivregler: ${c.archiveRule}` }]
        : []),
      { type: "heading", level: 3, text: "Säkerhetsåtgärder" },
      { type: "list", items: c.security },
    );
  return { title: "Register över behandlingar", blocks };
}

export async function renderExtract(db: Db, extract: PersonalDataExtract, format: "html" | "pdf") {
  return render(await finishDocument(db, extractContent(extract), "sv"), format);
}

export async function renderRecord(
  db: Db,
  record: ProcessingRecord,
  format: "html" | "pdf" | "docx" | "xlsx",
) {
  return render(await finishDocument(db, recordContent(record), "sv"), format);
}
