/** What other modules use of reports: render a document model as PDF/DOCX/HTML/XLSX. */

export { buildAnnualReport } from "./annual.report.ts";
export { type AgreementFigures, registerAgreementFigures } from "./follow-up.report.ts";
export { finishDocument, type ReportContent } from "./report-document.ts";
export { registerReportRoutes } from "./reports.routes.ts";
export { render } from "./reports.service.ts";
