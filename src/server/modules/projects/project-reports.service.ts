import { and, asc, eq, isNotNull, lt, type SQL } from "drizzle-orm";
import {
  type ReportInput,
  type ReviewInput,
  reportInput,
  reviewInput,
  type UpdateReportInput,
  updateReportInput,
} from "../../../common/projects.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, forbidden, notFound } from "../../platform/errors.ts";
import { parseWith as parseInput } from "../../platform/validation.ts";
import { projectSummaries } from "../../read/project-summaries.ts";
import { actorUserId } from "../goals/index.ts";
import {
  canEditReport,
  canReviewReport,
  canSubmitReport,
  portfolioPolicy,
  projectPolicy,
} from "./projects.policy.ts";
import { leadUserIdsOf, readableProjectsWhere } from "./projects.records.ts";
import { projectReports, projects } from "./projects.schema.ts";
import { recordColour } from "./projects.service.ts";

const today = () => new Date().toISOString().slice(0, 10);

/** `2013-04-02` + 6 months → `2013-10-02` (clamped to the month's last day). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** The project a report belongs to, if the actor may read it (else 404). */
async function projectWithLeads(db: Db, actor: Actor, projectId: string) {
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!project) throw notFound();
  const leadUserIds = await leadUserIdsOf(db, project.leadPersonId);
  authorize(actor, projectPolicy, "read", { ownerOrganisationId: project.ownerOrganisationId, leadUserIds });
  return { project, leadUserIds };
}

function checkReportPeriod(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && to < from) throw fieldErrors({ periodTo: "projects.errors.periodOrder" });
}

/**
 * A lägesrapport from the project's lead (or staff). It becomes the project's latest report and moves
 * the next due date on by the project's report interval.
 */
export async function submitReport(db: Db, actor: Actor, projectId: string, raw: ReportInput) {
  const { project, leadUserIds } = await projectWithLeads(db, actor, projectId);
  if (!canSubmitReport(actor, leadUserIds)) throw forbidden();
  const input = parseInput(reportInput, raw);
  checkReportPeriod(input.periodFrom, input.periodTo);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(projectReports)
      .values({ ...input, projectId, submittedBy: actorUserId(actor), submittedByName: actor.name })
      .returning();
    const submitted = today();
    const nextDue = project.reportIntervalMonths ? addMonths(submitted, project.reportIntervalMonths) : null;
    await tx
      .update(projects)
      .set({
        latestReportType: input.kind,
        latestReportDate: submitted,
        latestReportUncertain: false,
        reportDueDate: input.kind === "slutrapport" ? null : nextDue,
        updatedAt: new Date(),
      })
      .where(eq(projects.id, projectId));
    await audit({
      action: "projects.report_submitted",
      entityType: "project_report",
      entityId: row.id,
      after: row,
    });
    return row.id;
  });
}

async function reportOf(db: Db, projectId: string, reportId: string) {
  const [report] = await db
    .select()
    .from(projectReports)
    .where(and(eq(projectReports.id, reportId), eq(projectReports.projectId, projectId)));
  if (!report) throw notFound();
  return report;
}

/** The lead corrects their report until a coordinator has reviewed it; staff may always. */
export async function updateReport(
  db: Db,
  actor: Actor,
  projectId: string,
  reportId: string,
  raw: UpdateReportInput,
) {
  const { leadUserIds } = await projectWithLeads(db, actor, projectId);
  const before = await reportOf(db, projectId, reportId);
  if (!canEditReport(actor, leadUserIds, before)) throw forbidden();
  const input = parseInput(updateReportInput, raw);
  checkReportPeriod(
    input.periodFrom === undefined ? before.periodFrom : input.periodFrom,
    input.periodTo === undefined ? before.periodTo : input.periodTo,
  );
  await writeWithAudit(db, actor, async (tx, audit) => {
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const [after] = await tx
      .update(projectReports)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(projectReports.id, reportId))
      .returning();
    await audit({
      action: "projects.report_updated",
      entityType: "project_report",
      entityId: reportId,
      before,
      after,
    });
  });
}

/** The coordinator reviews a report and sets the project's colour with the review as the reason. */
export async function reviewReport(
  db: Db,
  actor: Actor,
  projectId: string,
  reportId: string,
  raw: ReviewInput,
) {
  if (!canReviewReport(actor)) throw forbidden();
  const input = parseInput(reviewInput, raw);
  const { project } = await projectWithLeads(db, actor, projectId);
  const before = await reportOf(db, projectId, reportId);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const [after] = await tx
      .update(projectReports)
      .set({
        reviewedAt: new Date(),
        reviewedBy: actorUserId(actor),
        reviewedByName: actor.name,
        reviewComment: input.comment,
      })
      .where(eq(projectReports.id, reportId))
      .returning();
    await recordColour(tx, actor, projectId, {
      colour: input.colour,
      previousColour: project.colour,
      reason: input.comment,
      reportId,
    });
    await audit({
      action: "projects.report_reviewed",
      entityType: "project_report",
      entityId: reportId,
      before,
      after,
    });
  });
}

/** Projects whose next lägesrapport was due before `asOf`, most overdue first. */
export async function overdueReports(
  db: Db,
  actor: Actor | null,
  filters: { owner?: string; asOf?: string; limit?: number } = {},
) {
  authorize(actor, portfolioPolicy, "list", null);
  const asOf = filters.asOf ?? today();
  const where: SQL[] = [isNotNull(projects.reportDueDate), lt(projects.reportDueDate, asOf)];
  if (filters.owner) where.push(eq(projects.ownerOrganisationId, filters.owner));
  const readable = await readableProjectsWhere(db, actor);
  if (readable) where.push(readable);
  const rows = await projectSummaries(db, {
    where: and(...where),
    orderBy: [asc(projects.reportDueDate), asc(projects.sortKey)],
    limit: filters.limit ?? 1000,
  });
  const day = 86_400_000;
  return rows.map(({ project: p, leadPersonName }) => ({
    id: p.id,
    name: p.name,
    leadName: leadPersonName ?? p.leadName,
    sector: p.sector,
    colour: p.colour as "green" | "yellow" | "red" | null,
    reportDueDate: p.reportDueDate!,
    daysOverdue: Math.round((Date.parse(asOf) - Date.parse(p.reportDueDate!)) / day),
    latestReportDate: p.latestReportDate,
  }));
}
