import { createHash } from "node:crypto";
import { formatDateTime } from "../../../common/format.ts";
import type { ReportBlock, ReportDocument } from "../../../common/reports.ts";
import type { Db } from "../../db/client.ts";
import { translator } from "../../platform/i18n.ts";
import { dataAsOf } from "../indicators/index.ts";

/**
 * A report's content is a title and blocks (headings, paragraphs, lists, tables), built from data
 * by the report's builder and rendered by the HTML, DOCX and XLSX renderers. The content hash is
 * taken over the content only, so the same data gives the same hash in every format and at every
 * generation; when and from which data it was generated is printed on the cover, the hash itself is
 * kept in the document properties of each file (PDF Info, DOCX and XLSX core properties, HTML meta).
 */

export interface ReportContent {
  title: string;
  blocks: ReportBlock[];
}

export function contentHash(content: ReportContent): string {
  return createHash("sha256")
    .update(JSON.stringify({ title: content.title, blocks: content.blocks }))
    .digest("hex");
}

export async function finishDocument(
  db: Db,
  content: ReportContent,
  lang: "sv" | "en",
): Promise<ReportDocument> {
  const generatedAt = new Date().toISOString();
  const asOf = await dataAsOf(db);
  const hash = contentHash(content);
  const t = translator(lang);
  return {
    lang,
    ...content,
    generatedAt,
    dataAsOf: asOf,
    hash,
    // The cover says when and from which data; the hash is in the files' properties (issue 15, item 3).
    provenance: t("reports.madeFrom", {
      generated: formatDateTime(generatedAt, lang),
      asOf: asOf ? formatDateTime(asOf, lang) : t("reports.noData"),
    }),
  };
}
