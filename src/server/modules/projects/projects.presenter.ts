import {
  formatPeriod,
  type ProjectSummaryView,
  type ProjectView,
  type ReportView,
} from "../../../common/projects.ts";
import type { Actor } from "../../platform/actor.ts";
import { canManageProjects, canSubmitReport } from "./projects.policy.ts";
import type { ProjectRecord, ProjectSummaryRecord } from "./projects.records.ts";
import type { projectReports } from "./projects.schema.ts";
import { dateToMonth } from "./projects.service.ts";

type Colour = ProjectSummaryView["colour"];

export function presentProjectSummary({
  project: p,
  leadPersonName,
  ownerOrganisationName,
}: ProjectSummaryRecord): ProjectSummaryView {
  const periodStart = dateToMonth(p.periodStart);
  const periodEnd = dateToMonth(p.periodEnd);
  return {
    id: p.id,
    name: p.name,
    parentId: p.parentId,
    leadPersonId: p.leadPersonId,
    leadName: leadPersonName ?? p.leadName,
    owner:
      p.ownerOrganisationId && ownerOrganisationName
        ? { id: p.ownerOrganisationId, name: ownerOrganisationName }
        : null,
    ownerName: p.ownerName,
    sector: p.sector,
    periodStart,
    periodEnd,
    periodText: p.periodText,
    periodLabel: formatPeriod(periodStart, periodEnd, p.periodText),
    latestReportType: p.latestReportType as ProjectSummaryView["latestReportType"],
    latestReportDate: p.latestReportDate,
    latestReportUncertain: p.latestReportUncertain,
    concreteResults: p.concreteResults,
    canScaleUp: p.canScaleUp,
    processLeaderComment: p.processLeaderComment,
    colour: p.colour as Colour,
    reportDueDate: p.reportDueDate,
  };
}

export function presentReport(r: typeof projectReports.$inferSelect): ReportView {
  return {
    id: r.id,
    projectId: r.projectId,
    kind: r.kind as ReportView["kind"],
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    doneSinceLast: r.doneSinceLast,
    deviations: r.deviations,
    results: r.results,
    nextSteps: r.nextSteps,
    budgetUsed: r.budgetUsed,
    submittedAt: r.submittedAt.toISOString(),
    submittedByName: r.submittedByName,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewedByName: r.reviewedByName,
    reviewComment: r.reviewComment,
  };
}

export function presentProject(r: ProjectRecord, actor: Actor | null): ProjectView {
  const own = r.funding.filter((f) => f.kind === "own").reduce((s, f) => s + f.amount, 0);
  const cofinancing = r.funding.filter((f) => f.kind === "cofinancing").reduce((s, f) => s + f.amount, 0);
  return {
    ...presentProjectSummary(r),
    description: r.project.description,
    reportIntervalMonths: r.project.reportIntervalMonths,
    funding: r.funding.map((f) => ({
      id: f.id,
      kind: f.kind as "own" | "cofinancing",
      funder:
        f.funderOrganisationId && f.funderOrganisationName
          ? { id: f.funderOrganisationId, name: f.funderOrganisationName }
          : null,
      funderName: f.funderName,
      amount: f.amount,
      year: f.year,
      note: f.note,
      decisionId: f.decisionId,
    })),
    fundingTotals: { own, cofinancing, total: own + cofinancing },
    goals: r.goals,
    outputs: r.outputs.map((o) => ({
      id: o.id,
      type: o.type as ProjectView["outputs"][number]["type"],
      title: o.title,
      count: o.count,
      authors: o.authors,
      venue: o.venue,
      year: o.year,
      doi: o.doi,
      date: o.date,
      url: o.url,
      note: o.note,
    })),
    colourHistory: r.colourHistory.map((c) => ({
      id: c.id,
      colour: c.colour as NonNullable<Colour>,
      previousColour: c.previousColour as Colour,
      reason: c.reason,
      date: c.date,
      recordedAt: c.recordedAt.toISOString(),
      authorName: c.authorName,
      reportId: c.reportId,
    })),
    reports: r.reports.map(presentReport),
    children: r.children.map((c) => ({ ...c, colour: c.colour as Colour })),
    abilities: { manage: canManageProjects(actor), report: canSubmitReport(actor, r.leadUserIds) },
  };
}
