import { participantRoles } from "../../../common/events.ts";
import type { Cell, ReportBlock } from "../../../common/reports.ts";
import type { Db } from "../../db/client.ts";
import { translator } from "../../platform/i18n.ts";
import { attendeesByRole, projectActivities } from "../../read/reports-queries.ts";
import { listSpendOfProject } from "../finance/index.ts";
import { computeValue, evaluateIndicators, indicatorsOfProject } from "../indicators/index.ts";
import { supportOfProjectInPeriod } from "../localwork/index.ts";
import type { ProjectRecord } from "../projects/index.ts";
import type { ReportContent } from "./report-document.ts";
import { indicatorColumns, indicatorRow, meetingPlaceTable, projectPeriod } from "./report-parts.ts";

/**
 * The progress report (lägesrapport) of a project for a period: its activities with participant
 * counts, the people who took part by role, its indicators against their targets (both levels:
 * the project's own goals and the participating organisations'), and its money.
 */

type Lang = "sv" | "en";

export async function buildProgressReport(
  db: Db,
  project: ProjectRecord,
  from: string,
  to: string,
  lang: Lang,
): Promise<ReportContent> {
  const t = translator(lang);
  const p = project.project;
  const range = { from, to };
  const blocks: ReportBlock[] = [{ type: "heading", level: 2, text: t("reports.progress.project") }];
  if (p.description) blocks.push({ type: "paragraph", text: p.description });
  blocks.push({
    type: "paragraph",
    text: t("reports.progress.facts", {
      period:
        projectPeriod({ periodStart: p.periodStart, periodEnd: p.periodEnd, periodText: p.periodText }) ||
        t("reports.none"),
      lead: project.leadPersonName ?? p.leadName ?? t("reports.none"),
      owner: project.ownerOrganisationName ?? p.ownerName ?? t("reports.none"),
    }),
  });

  const activities = await projectActivities(db, p.id, from, to);
  blocks.push({ type: "heading", level: 2, text: t("reports.progress.activities") });
  blocks.push(
    activities.length
      ? meetingPlaceTable(activities, t("reports.progress.activitiesCaption", range), t, lang, false)
      : { type: "paragraph", text: t("reports.progress.noActivities") },
  );

  const roles = await attendeesByRole(db, p.id, from, to);
  blocks.push({ type: "heading", level: 2, text: t("reports.progress.participants") });
  if (!roles.length) blocks.push({ type: "paragraph", text: t("reports.progress.noParticipants") });
  else {
    const distinct = await computeValue(
      db,
      { kind: "count_distinct_people_attended", filters: { projectId: p.id, from, to } },
      to,
    );
    const label = (key: string | null, text: string | null) =>
      participantRoles.find((r) => r.key === key)?.[lang] ?? text ?? t("reports.progress.noRole");
    blocks.push({
      type: "table",
      sheet: t("reports.role"),
      caption: t("reports.progress.participantsCaption", range),
      columns: [
        { header: t("reports.role"), kind: "text" },
        { header: t("reports.people"), kind: "number" },
      ],
      rows: roles.map((r) => [label(r.roleKey, r.role), r.people]),
      footer: [t("reports.progress.distinctTotal"), distinct.value],
    });
  }

  const evaluated = await evaluateIndicators(db, await indicatorsOfProject(db, p.id), lang, {
    asOf: to,
    history: false,
  });
  blocks.push({ type: "heading", level: 2, text: t("reports.progress.goals") });
  blocks.push(
    evaluated.length
      ? {
          type: "table",
          sheet: t("reports.indicator"),
          caption: t("reports.progress.goalsCaption", { date: to }),
          columns: [{ header: t("reports.organisation"), kind: "text" }, ...indicatorColumns(t)],
          rows: evaluated.map((e) => [
            e.organisation?.name ?? p.name,
            ...indicatorRow(e.row.goalText ?? e.row.name, e, t, lang),
          ]),
          footer: null,
        }
      : { type: "paragraph", text: t("reports.progress.noGoals") },
  );

  // The process support to the project's local development plans (seed 004), when it has any.
  const support = await supportOfProjectInPeriod(db, p.id, from, to);
  if (support.length) {
    blocks.push({ type: "heading", level: 2, text: t("localwork.report.heading") });
    blocks.push({
      type: "table",
      sheet: t("localwork.report.efforts"),
      caption: t("localwork.report.caption", range),
      columns: [
        { header: t("localwork.report.kind"), kind: "text" },
        { header: t("localwork.report.efforts"), kind: "number" },
        { header: t("localwork.report.hours"), kind: "number" },
        { header: t("localwork.report.participants"), kind: "number" },
      ],
      rows: support.map((s) => [t(`localwork.kinds.${s.kind}`), s.efforts, s.hours, s.participants]),
      footer: [
        t("localwork.report.total"),
        support.reduce((n, s) => n + s.efforts, 0),
        support.reduce((n, s) => n + s.hours, 0),
        support.reduce((n, s) => n + s.participants, 0),
      ],
    });
  }

  blocks.push({ type: "heading", level: 2, text: t("reports.progress.money") });
  if (project.funding.length)
    blocks.push({
      type: "table",
      sheet: t("reports.funder"),
      caption: t("reports.progress.fundingCaption"),
      columns: [
        { header: t("reports.funder"), kind: "text" },
        { header: t("reports.type"), kind: "text" },
        { header: t("reports.amount"), kind: "kronor" },
      ],
      rows: project.funding.map((f): Cell[] => [
        f.funderOrganisationName ?? f.funderName ?? project.ownerOrganisationName ?? "",
        t(f.kind === "own" ? "reports.progress.own" : "reports.progress.cofinancing"),
        f.amount,
      ]),
      footer: [t("reports.total"), null, project.funding.reduce((s, f) => s + f.amount, 0)],
    });
  const spend = await listSpendOfProject(db, p.id, from, to);
  blocks.push(
    spend.length
      ? {
          type: "table",
          sheet: t("reports.kronor"),
          caption: t("reports.progress.spendCaption", range),
          columns: [
            { header: t("reports.date"), kind: "text" },
            { header: t("reports.unit"), kind: "text" },
            { header: t("reports.note"), kind: "text" },
            { header: t("reports.amount"), kind: "kronor" },
          ],
          rows: spend.map((s) => [s.date, s.unit, s.note ?? "", s.amount]),
          footer: [t("reports.total"), null, null, spend.reduce((sum, s) => sum + s.amount, 0)],
        }
      : { type: "paragraph", text: t("reports.progress.noSpend") },
  );
  return { title: t("reports.progress.title", { project: p.name, from, to }), blocks };
}
