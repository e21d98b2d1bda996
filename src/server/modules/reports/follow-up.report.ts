import type { FollowUpView } from "../../../common/agreements.ts";
import type { ReportBlock } from "../../../common/reports.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { translator } from "../../platform/i18n.ts";
import { outputRecords, outputsByType, projectTree } from "../../read/reports-queries.ts";
import type { ProjectRecord } from "../projects/index.ts";
import type { ReportContent } from "./report-document.ts";
import { projectPeriod } from "./report-parts.ts";

const PROJECTS_ANCHOR = "follow-up-projects";
const outputAnchor = (type: string) => `follow-up-outputs-${type}`;

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
  actor: Actor | null = null,
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
  // Each figure opens the records it counts: the projects' table, and each output type's list below.
  blocks.push({
    type: "list",
    items: [
      t("reports.followUp.projectsLine", { count: projects.length }),
      ...outputs.map((o) => t(`reports.outputCount.${o.type}`, { count: o.count })),
    ],
    anchors: [PROJECTS_ANCHOR, ...outputs.map((o) => outputAnchor(o.type))],
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
  blocks.push(
    ...(await recordBlocks(
      db,
      tree.map((row) => row.id),
      lang,
    )),
  );
  blocks.push({ type: "heading", level: 2, text: t("reports.followUp.projects"), anchor: PROJECTS_ANCHOR });
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
  if (actor) blocks.push(...(await agreementBlocks(db, actor, programme, lang)));
  return { title: t("reports.followUp.title", { project: p.name }), blocks };
}

/**
 * Each count's records (issue 16): one table per output type, so every figure of the summary opens the
 * outputs it counts — title, project, authors, venue, year and DOI.
 */
async function recordBlocks(db: Db, projectIds: string[], lang: "sv" | "en"): Promise<ReportBlock[]> {
  const t = translator(lang);
  const records = await outputRecords(db, projectIds);
  const blocks: ReportBlock[] = [];
  for (const o of await outputsByType(db, projectIds)) {
    const rows = records.filter((r) => r.type === o.type);
    const label = t(`reports.outputCount.${o.type}`, { count: rows.length });
    blocks.push({ type: "heading", level: 3, text: label, anchor: outputAnchor(o.type) });
    blocks.push({
      type: "table",
      // Sheet names may not hold * ? : \ / [ ] ("Dokumenterad modell/metod").
      sheet: t(`projects.outputTypes.${o.type}`).replace(/[*?:\\/[\]]/g, "-"),
      caption: label,
      columns: [
        { header: t("reports.followUp.outputTitle"), kind: "text" },
        { header: t("reports.project"), kind: "text" },
        { header: t("reports.followUp.authors"), kind: "text" },
        { header: t("reports.followUp.venue"), kind: "text" },
        { header: t("reports.followUp.year"), kind: "number" },
        { header: "DOI", kind: "text" },
      ],
      rows: rows.map((r) => [
        r.title,
        r.projectName,
        r.authors ?? "",
        r.venue ?? "",
        r.year ?? (r.date ? Number(r.date.slice(0, 4)) : null),
        r.doi ?? "",
      ]),
      footer: [`${t("reports.total")}: ${rows.length}`, null, null, null, null, null],
    });
  }
  return blocks;
}

/** The agreements a reader may read that ran within a period, with their partners and follow-up figures. */
export type AgreementFigures = (
  db: Db,
  actor: Actor | null,
  period: { from: string | null; to: string | null },
) => Promise<{ title: string; partners: string[]; followUp: FollowUpView }[]>;

let agreementFiguresInPeriod: AgreementFigures = async () => [];

/**
 * The agreements module hands its figures in when its door is imported (as it hands finance its spend
 * guard), so reports asks for them without importing agreements, which renders its appendix with reports.
 */
export function registerAgreementFigures(figures: AgreementFigures) {
  agreementFiguresInPeriod = figures;
}

/**
 * The SKO agreements that ran within the period (issue 13, item 8): courses delivered, participants,
 * hp taken, share of needs covered and budget use of each, read through the agreements module.
 */
async function agreementBlocks(
  db: Db,
  actor: Actor,
  programme: ProjectRecord,
  lang: "sv" | "en",
): Promise<ReportBlock[]> {
  const t = translator(lang);
  const p = programme.project;
  // The programme's period is kept in months (the first of each): its end runs to the month's last day.
  const monthEnd = (d: string) =>
    new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const rows = await agreementFiguresInPeriod(db, actor, {
    from: p.periodStart,
    to: p.periodEnd ? monthEnd(p.periodEnd) : null,
  });
  const pct = (share: number | null) => (share === null ? null : Math.round(share * 100));
  return [
    { type: "heading", level: 2, text: t("reports.followUp.agreements") },
    rows.length
      ? {
          type: "table",
          sheet: t("reports.followUp.agreements"),
          caption: t("reports.followUp.agreementsCaption", { project: p.name }),
          columns: [
            { header: t("reports.followUp.agreement"), kind: "text" },
            { header: t("reports.followUp.partners"), kind: "text" },
            { header: t("reports.followUp.coursesDelivered"), kind: "number" },
            { header: t("reports.followUp.participants"), kind: "number" },
            { header: t("reports.followUp.creditsTaken"), kind: "number" },
            { header: t("reports.followUp.needsCovered"), kind: "number" },
            { header: t("reports.followUp.budgetUse"), kind: "number" },
          ],
          rows: rows.map((a) => [
            a.title,
            a.partners.join(", "),
            a.followUp.coursesDelivered,
            a.followUp.participants,
            a.followUp.creditsTaken,
            pct(a.followUp.needsCoveredShare),
            pct(a.followUp.budgetUse),
          ]),
          footer: [
            `${t("reports.total")}: ${rows.length}`,
            null,
            rows.reduce((sum, a) => sum + a.followUp.coursesDelivered, 0),
            rows.reduce((sum, a) => sum + a.followUp.participants, 0),
            Math.round(rows.reduce((sum, a) => sum + a.followUp.creditsTaken, 0) * 10) / 10,
            null,
            null,
          ],
        }
      : { type: "paragraph", text: t("reports.followUp.noAgreements") },
  ];
}
