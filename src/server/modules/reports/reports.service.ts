import type { ReportDocument, ReportFormat } from "../../../common/reports.ts";
import type { Db } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { fileNameOf } from "../../platform/files.ts";
import { htmlToPdf, type PdfLog } from "../../platform/pdf.ts";
import { assertReadableOrganisation } from "../finance/index.ts";
import { getProject } from "../projects/index.ts";
import { buildAnnualReport } from "./annual.report.ts";
import { buildFollowUpReport } from "./follow-up.report.ts";
import { buildProgressReport } from "./progress.report.ts";
import { renderDocx } from "./render-docx.ts";
import { renderHtml } from "./render-html.ts";
import { renderXlsx } from "./render-xlsx.ts";
import { finishDocument } from "./report-document.ts";

/**
 * Builds a report from data and renders it. Who may read a report is who may read its subject:
 * an organisation's follow-up, or a project (a partner only their own organisation's).
 */

type Lang = "sv" | "en";

export async function annualReport(
  db: Db,
  actor: Actor | null,
  organisationId: string,
  year: number,
  lang: Lang,
) {
  await assertReadableOrganisation(db, actor, organisationId);
  return finishDocument(db, await buildAnnualReport(db, actor, organisationId, year, lang), lang);
}

/** The project rule of projects.policy.ts decides, as for the project's own page. */
async function readableProject(db: Db, actor: Actor | null, projectId: string) {
  requireActor(actor);
  return getProject(db, actor, projectId);
}

export async function progressReport(
  db: Db,
  actor: Actor | null,
  query: { projectId: string; from: string; to: string },
  lang: Lang,
) {
  const project = await readableProject(db, actor, query.projectId);
  return finishDocument(db, await buildProgressReport(db, project, query.from, query.to, lang), lang);
}

export async function followUpReport(db: Db, actor: Actor | null, projectId: string, lang: Lang) {
  const project = await readableProject(db, actor, projectId);
  return finishDocument(db, await buildFollowUpReport(db, project, lang, actor), lang);
}

const types: Record<Exclude<ReportFormat, "json">, string> = {
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** What identifies the content, kept in each file's document properties rather than on its cover. */
export const hashProperty = (doc: ReportDocument) => `sha256:${doc.hash}`;

/**
 * The document in the asked format: body, content type and a file name from the title (its letters
 * kept: "Verksamhetsberättelse-för-…"). A PDF without a browser on the server is a 503 (platform/pdf.ts).
 */
export async function render(doc: ReportDocument, format: Exclude<ReportFormat, "json">, log?: PdfLog) {
  const body =
    format === "html"
      ? renderHtml(doc)
      : format === "pdf"
        ? await htmlToPdf(renderHtml(doc), {
            footer: doc.title,
            info: { subject: doc.provenance, keywords: hashProperty(doc) },
            log,
          })
        : format === "docx"
          ? await renderDocx(doc)
          : await renderXlsx(doc);
  return { body, contentType: types[format], filename: `${fileNameOf(doc.title)}.${format}` };
}
