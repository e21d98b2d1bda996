import { and, asc, count, eq, gte, lte, type SQL } from "drizzle-orm";
import { type DashboardView, formatPeriod, type ProjectTimelineView } from "../../../common/projects.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { isoToDate, type Sheet } from "../../platform/spreadsheet-export.ts";
import { organisationNames } from "../organisations/index.ts";
import { addMonths, overdueReports } from "./project-reports.service.ts";
import { portfolioPolicy } from "./projects.policy.ts";
import { type ProjectSummaryRecord, readableProjectsWhere } from "./projects.records.ts";
import { projects } from "./projects.schema.ts";
import { allProjects, dateToMonth } from "./projects.service.ts";

type Colour = "green" | "yellow" | "red";
const today = () => new Date().toISOString().slice(0, 10);

/** Counts by colour and by sector, projects ending soon, and overdue reports, as of a day. */
export async function dashboard(
  db: Db,
  actor: Actor | null,
  q: { owner?: string; asOf?: string; months?: number } = {},
): Promise<DashboardView> {
  authorize(actor, portfolioPolicy, "list", null);
  const asOf = q.asOf ?? today();
  const months = q.months ?? 3;
  const scope: SQL[] = q.owner ? [eq(projects.ownerOrganisationId, q.owner)] : [];
  const readable = await readableProjectsWhere(db, actor);
  if (readable) scope.push(readable);
  // Grouped on the projects table alone (no join per row); owners' names are looked up for the few groups.
  const grouped = await db
    .select({
      sector: projects.sector,
      ownerId: projects.ownerOrganisationId,
      ownerName: projects.ownerName,
      colour: projects.colour,
      n: count(),
    })
    .from(projects)
    .where(and(...scope))
    .groupBy(projects.sector, projects.ownerOrganisationId, projects.ownerName, projects.colour);
  const ownerIds = [...new Set(grouped.flatMap((g) => (g.ownerId ? [g.ownerId] : [])))];
  const owners = await organisationNames(db, ownerIds);
  const empty = () => ({ green: 0, yellow: 0, red: 0, none: 0, total: 0 });
  const byColour = empty();
  const sectors = new Map<string, ReturnType<typeof empty>>();
  for (const row of grouped) {
    const key = (row.colour ?? "none") as Colour | "none";
    // The sector a project is counted under: its sector group, else its owner.
    const name = row.sector ?? (row.ownerId ? owners.get(row.ownerId) : null) ?? row.ownerName ?? "";
    const sector = sectors.get(name) ?? empty();
    sector[key] += row.n;
    sector.total += row.n;
    byColour[key] += row.n;
    byColour.total += row.n;
    sectors.set(name, sector);
  }
  const byOwner = new Map<string, number>();
  for (const row of grouped)
    if (row.ownerId) byOwner.set(row.ownerId, (byOwner.get(row.ownerId) ?? 0) + row.n);
  const monthStart = `${asOf.slice(0, 7)}-01`;
  const ending = await db
    .select({
      id: projects.id,
      name: projects.name,
      periodEnd: projects.periodEnd,
      colour: projects.colour,
      sector: projects.sector,
    })
    .from(projects)
    .where(
      and(
        ...scope,
        gte(projects.periodEnd, monthStart),
        lte(projects.periodEnd, addMonths(monthStart, months)),
      ),
    )
    .orderBy(asc(projects.periodEnd), asc(projects.sortKey))
    .limit(100);
  return {
    asOf,
    byColour,
    bySector: [...sectors.entries()]
      .map(([sector, counts]) => ({ sector, ...counts }))
      .sort((a, b) => b.total - a.total || a.sector.localeCompare(b.sector, "sv")),
    byOwner: [...byOwner.entries()]
      .map(([id, total]) => ({ id, name: owners.get(id) ?? "", total }))
      .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    endingSoon: ending.map((p) => ({
      ...p,
      periodEnd: dateToMonth(p.periodEnd)!,
      colour: p.colour as Colour | null,
    })),
    overdueReports: await overdueReports(db, actor, { owner: q.owner, asOf, limit: 100 }),
  };
}

export async function projectTimeline(
  db: Db,
  actor: Actor | null,
  q: { owner?: string; sector?: string },
): Promise<ProjectTimelineView> {
  authorize(actor, portfolioPolicy, "list", null);
  const rows = await allProjects(db, actor, q);
  return {
    items: rows.map(({ project: p }) => ({
      id: p.id,
      name: p.name,
      sector: p.sector,
      colour: p.colour as Colour | null,
      periodStart: dateToMonth(p.periodStart),
      periodEnd: dateToMonth(p.periodEnd),
      periodLabel: formatPeriod(dateToMonth(p.periodStart), dateToMonth(p.periodEnd), p.periodText),
    })),
  };
}

type T = (key: string, params?: Record<string, unknown>) => string;

/** The name as appendix 1 writes it: "Karriärcoachning (Pernilla Sivertsen)". */
export function nameWithLead({ project, leadPersonName }: ProjectSummaryRecord) {
  const lead = leadPersonName ?? project.leadName;
  return lead ? `${project.name} (${lead})` : project.name;
}

/** "Del-", "Slut-", "Slut-?" as the appendix writes the latest report. */
export function reportLabel(p: ProjectSummaryRecord["project"], t: T) {
  if (!p.latestReportType) return "";
  return `${t(`projects.reportShort.${p.latestReportType}`)}${p.latestReportUncertain ? "?" : ""}`;
}

/** Appendix 1 as a sheet: its seven columns, then the same facts as typed cells (dates, sector). */
export function portfolioSheet(rows: ProjectSummaryRecord[], t: T): Sheet<ProjectSummaryRecord> {
  return {
    name: t("projects.portfolio"),
    rows,
    columns: [
      { header: t("projects.appendix.name"), value: nameWithLead, width: 40 },
      { header: t("projects.appendix.report"), value: (r) => reportLabel(r.project, t), width: 12 },
      {
        header: t("projects.appendix.period"),
        value: (r) =>
          formatPeriod(
            dateToMonth(r.project.periodStart),
            dateToMonth(r.project.periodEnd),
            r.project.periodText,
          ),
        width: 16,
      },
      { header: t("projects.appendix.results"), value: (r) => r.project.concreteResults, width: 18 },
      { header: t("projects.appendix.scale"), value: (r) => r.project.canScaleUp, width: 16 },
      { header: t("projects.appendix.comment"), value: (r) => r.project.processLeaderComment, width: 60 },
      {
        header: t("projects.appendix.colour"),
        value: (r) => (r.project.colour ? t(`projects.colours.${r.project.colour}`) : ""),
        width: 12,
      },
      { header: t("projects.reportDate"), value: (r) => isoToDate(r.project.latestReportDate), width: 12 },
      {
        header: t("projects.periodStart"),
        value: (r) => isoToDate(r.project.periodStart),
        numFmt: "yyyy-mm",
        width: 10,
      },
      {
        header: t("projects.periodEnd"),
        value: (r) => isoToDate(r.project.periodEnd),
        numFmt: "yyyy-mm",
        width: 10,
      },
      {
        header: t("projects.sector"),
        value: (r) => r.project.sector ?? r.ownerOrganisationName ?? r.project.ownerName,
        width: 24,
      },
    ],
  };
}
