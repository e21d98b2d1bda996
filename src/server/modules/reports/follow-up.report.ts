import type { ReportBlock } from "../../../common/reports.ts";
import type { Db } from "../../db/client.ts";
import { translator } from "../../platform/i18n.ts";
import type { ProjectRecord } from "../projects/projects.records.ts";
import type { ReportContent } from "./report-document.ts";
import { projectPeriod } from "./report-parts.ts";
import { outputsByType, projectTree } from "./reports.queries.ts";

/**
 * The follow-up summary of an agreement period, kept as a programme of projects (Samhällskontraktet's
 * first period): how many projects ran within it and their outputs counted by type — the seed 002
 * figures (16 projects, 14 articles, 12 reports, 21 presentations, 80 dissemination activities,
 * 10 models), summed over the programme and all its sub-projects.
 */
export async function buildFollowUpReport(
  db: Db,
  programme: ProjectRecord,
  lang: "sv" | "en",
): Promise<ReportContent> {
  const t = translator(lang);
  const p = programme.project;
  const tree = await projectTree(db, p.id);
  const projects = tree.filter((row) => row.depth > 0);
  const outputs = await outputsByType(
    db,
    tree.map((row) => row.id),
  );
  const label = (type: string) => t(`projects.outputTypes.${type}`);
  const blocks: ReportBlock[] = [];
  if (p.description) blocks.push({ type: "paragraph", text: p.description });
  blocks.push({ type: "heading", level: 2, text: t("reports.followUp.summary") });
  blocks.push({
    type: "list",
    items: [
      t("reports.followUp.projectsLine", { count: projects.length }),
      ...outputs.map((o) => t(`reports.outputCount.${o.type}`, { count: o.count })),
    ],
  });
  blocks.push({ type: "heading", level: 2, text: t("reports.followUp.outputs") });
  blocks.push(
    outputs.length
      ? {
          type: "table",
          sheet: t("reports.followUp.outputs"),
          caption: t("reports.followUp.outputsCaption", { project: p.name }),
          columns: [
            { header: t("reports.type"), kind: "text" },
            { header: t("reports.count"), kind: "number" },
          ],
          rows: outputs.map((o) => [label(o.type), o.count]),
          footer: null,
        }
      : { type: "paragraph", text: t("reports.followUp.noOutputs") },
  );
  blocks.push({ type: "heading", level: 2, text: t("reports.followUp.projects") });
  blocks.push({
    type: "table",
    sheet: t("reports.followUp.projects"),
    caption: t("reports.followUp.projectsCaption", { project: p.name }),
    columns: [
      { header: t("reports.project"), kind: "text" },
      { header: t("reports.sector"), kind: "text" },
      { header: t("reports.period"), kind: "text" },
      { header: t("reports.colour"), kind: "text" },
    ],
    rows: projects.map((row) => [
      row.name,
      row.sector ?? "",
      projectPeriod(row),
      row.colour ? t(`reports.colours.${row.colour}`) : "",
    ]),
    footer: [`${t("reports.total")}: ${projects.length}`, null, null, null],
  });
  return { title: t("reports.followUp.title", { project: p.name }), blocks };
}
