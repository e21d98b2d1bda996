import type { TFunction } from "i18next";
import { formatNumber } from "../../../common/format.ts";
import type { Cell, ReportBlock } from "../../../common/reports.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { translator } from "../../platform/i18n.ts";
import {
  frameworksOwnedBy,
  organisationActivities,
  organisationProjects,
  outputsByType,
  type ReportActivity,
  type ReportProject,
} from "../../read/reports-queries.ts";
import { computeFinanceSummary, unitsOf } from "../finance/index.ts";
import { getFramework } from "../goals/index.ts";
import {
  evaluateIndicators,
  indicatorsOfFramework,
  ownIndicatorsOfOrganisation,
} from "../indicators/index.ts";
import { organisationNames } from "../organisations/index.ts";
import { boardDecisionBlocks } from "./annual.decisions.ts";
import { ideaBlocks } from "./annual.ideas.ts";
import type { ReportContent } from "./report-document.ts";
import {
  activityDates,
  indicatorColumns,
  indicatorRow,
  meetingPlaceTable,
  projectPeriod,
} from "./report-parts.ts";

/**
 * The annual report (verksamhetsberättelse) of an organisation and year, as seed 003 lays it out:
 * vision and goals with indicator status (as of the year's end), per sector group its projects and
 * activities, the meeting places with participant counts, the money spent per unit with the total,
 * and the outputs. Everything is read from the data; nothing is typed in.
 */

type Lang = "sv" | "en";

async function goalBlocks(
  db: Db,
  actor: Actor | null,
  organisationId: string,
  year: number,
  t: TFunction,
  lang: Lang,
): Promise<ReportBlock[]> {
  const yearEnd = `${year}-12-31`;
  const blocks: ReportBlock[] = [{ type: "heading", level: 2, text: t("reports.annual.visionAndGoals") }];
  for (const { id } of await frameworksOwnedBy(db, organisationId)) {
    const framework = await getFramework(db, actor, id);
    if (!framework) continue;
    if (framework.framework.vision)
      blocks.push({
        type: "paragraph",
        quote: true,
        text: t("reports.annual.vision", { vision: framework.framework.vision }),
      });
    const evaluated = await evaluateIndicators(db, await indicatorsOfFramework(db, id), lang, {
      asOf: yearEnd,
      history: false,
    });
    const rows: Cell[][] = [];
    for (const goal of framework.goals.flatMap((g) => [g, ...g.subGoals])) {
      const label = `${goal.code}. ${goal.text}`;
      const own = evaluated.filter((e) => e.row.goalId === goal.id);
      if (!own.length) rows.push([label, t("reports.none"), null, null, null]);
      for (const e of own) rows.push(indicatorRow(label, e, t, lang));
    }
    // Indicators of the framework as a whole (no single goal) come last, under the framework's name.
    const goalIds = new Set(framework.goals.flatMap((g) => [g.id, ...g.subGoals.map((s) => s.id)]));
    for (const e of evaluated.filter((e) => !e.row.goalId || !goalIds.has(e.row.goalId)))
      rows.push(indicatorRow(e.row.goalText ?? framework.framework.name, e, t, lang));
    blocks.push({
      type: "table",
      sheet: t("reports.goal"),
      caption: t("reports.annual.goalsCaption", { framework: framework.framework.name, date: yearEnd }),
      columns: indicatorColumns(t),
      rows,
      footer: null,
    });
  }
  const loose = await evaluateIndicators(db, await ownIndicatorsOfOrganisation(db, organisationId), lang, {
    asOf: yearEnd,
    history: false,
  });
  if (loose.length)
    blocks.push({
      type: "table",
      sheet: t("reports.indicator"),
      caption: t("reports.annual.otherGoals", { date: yearEnd }),
      columns: indicatorColumns(t),
      rows: loose.map((e) => indicatorRow(e.row.goalText ?? e.row.name, e, t, lang)),
      footer: null,
    });
  if (blocks.length === 1) blocks.push({ type: "paragraph", text: t("reports.annual.noGoals") });
  return blocks;
}

/** Sector of an activity: its project's sector, else its theme or a tag naming a known sector. */
function sectorOf(a: ReportActivity, sectors: string[]): string | null {
  if (a.sector) return a.sector;
  const tags = [...a.tags, ...(a.theme ? [a.theme] : [])].map((tag) => tag.toLocaleLowerCase("sv"));
  return sectors.find((s) => tags.includes(s.toLocaleLowerCase("sv"))) ?? null;
}

function sectorBlocks(
  sectors: (string | null)[],
  projects: ReportProject[],
  activities: ReportActivity[],
  known: string[],
  year: number,
  t: TFunction,
  lang: Lang,
): ReportBlock[] {
  const blocks: ReportBlock[] = [{ type: "heading", level: 2, text: t("reports.annual.bySector") }];
  for (const sector of sectors) {
    const name = sector ?? t("reports.annual.common");
    const own = projects.filter((p) => (p.sector ?? null) === sector);
    const done = activities.filter((a) => sectorOf(a, known) === sector);
    if (sector === null && !own.length && !done.length) continue;
    blocks.push({ type: "heading", level: 3, text: sector ? t("reports.annual.sector", { name }) : name });
    if (!own.length && !done.length)
      blocks.push({ type: "paragraph", text: t("reports.annual.nothingInSector") });
    if (own.length)
      blocks.push({
        type: "table",
        sheet: t("reports.project"),
        caption: t("reports.annual.sectorProjects", { name }),
        columns: [
          { header: t("reports.project"), kind: "text" },
          { header: t("reports.period"), kind: "text" },
          { header: t("reports.lead"), kind: "text" },
        ],
        rows: own.map((p) => [p.name, projectPeriod(p), p.leadName ?? ""]),
        footer: null,
      });
    if (done.length)
      blocks.push({
        type: "table",
        sheet: t("reports.annual.bySector"),
        caption: t("reports.annual.sectorActivities", { name, year }),
        columns: [
          { header: t("reports.date"), kind: "date" },
          { header: t("reports.title"), kind: "text" },
          { header: t("reports.type"), kind: "text" },
        ],
        rows: done.map((a) => [activityDates(a), a.title, lang === "sv" ? a.typeSv : a.typeEn]),
        footer: null,
      });
  }
  return blocks;
}

async function moneyBlocks(
  db: Db,
  organisationId: string,
  year: number,
  t: TFunction,
  lang: Lang,
): Promise<ReportBlock[]> {
  const summary = await computeFinanceSummary(db, organisationId, year);
  const blocks: ReportBlock[] = [{ type: "heading", level: 2, text: t("reports.annual.money", { year }) }];
  const withBudget = summary.units.some((u) => u.budget !== null);
  if (!summary.units.length) blocks.push({ type: "paragraph", text: t("reports.annual.noMoney", { year }) });
  else
    blocks.push({
      type: "table",
      sheet: t("reports.kronor"),
      caption: t("reports.annual.moneyCaption", { year }),
      columns: [
        { header: t("reports.unit"), kind: "text" },
        ...(withBudget ? [{ header: t("reports.budget"), kind: "kronor" as const }] : []),
        { header: t("reports.kronor"), kind: "kronor" },
      ],
      rows: summary.units.map((u) => [u.name, ...(withBudget ? [u.budget] : []), u.spent]),
      footer: [t("reports.total"), ...(withBudget ? [summary.totals.budget] : []), summary.totals.spent],
    });
  const { cofinancing } = summary;
  if (cofinancing.byFunder.length) {
    blocks.push({ type: "heading", level: 3, text: t("reports.annual.cofinancing", { year }) });
    blocks.push({
      type: "table",
      sheet: t("reports.funder"),
      caption: t("reports.annual.cofinancingCaption", { year }),
      columns: [
        { header: t("reports.funder"), kind: "text" },
        { header: t("reports.project"), kind: "text" },
        { header: t("reports.amount"), kind: "kronor" },
      ],
      rows: cofinancing.byFunder.map((f) => [f.funder, f.projects.map((p) => p.name).join(", "), f.amount]),
      footer: [t("reports.total"), null, cofinancing.total],
    });
    if (cofinancing.leverage !== null)
      blocks.push({
        type: "paragraph",
        text: t("reports.annual.leverage", { ratio: formatNumber(cofinancing.leverage, lang, 3) }),
      });
  }
  return blocks;
}

export async function buildAnnualReport(
  db: Db,
  actor: Actor | null,
  organisationId: string,
  year: number,
  lang: Lang,
): Promise<ReportContent> {
  const t = translator(lang);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const orgName = (await organisationNames(db, [organisationId])).get(organisationId);
  const org = orgName === undefined ? undefined : { name: orgName };
  const [activities, projects, units] = await Promise.all([
    organisationActivities(db, organisationId, from, to),
    organisationProjects(db, organisationId, from, to),
    unitsOf(db, organisationId),
  ]);
  // Sectors in the money table's order first, then those only projects name, alphabetically.
  const unitSectors = units.map((u) => u.sector).filter((s): s is string => !!s);
  const projectSectors = projects.map((p) => p.sector).filter((s): s is string => !!s);
  const known = [
    ...new Set([...unitSectors, ...[...new Set(projectSectors)].sort((a, b) => a.localeCompare(b, "sv"))]),
  ];
  const outputs = await outputsByType(
    db,
    projects.map((p) => p.id),
    { from, to },
  );
  const meetings = activities.filter((a) => a.category === "meeting");
  const blocks: ReportBlock[] = [
    ...(await goalBlocks(db, actor, organisationId, year, t, lang)),
    ...(await boardDecisionBlocks(db, organisationId, year, t)),
    ...sectorBlocks([...known, null], projects, activities, known, year, t, lang),
    { type: "heading", level: 2, text: t("reports.annual.meetingPlaces") },
    meetings.length
      ? meetingPlaceTable(meetings, t("reports.annual.meetingPlacesCaption", { year }), t, lang)
      : { type: "paragraph", text: t("reports.annual.noMeetingPlaces", { year }) },
    ...(await ideaBlocks(db, organisationId, year, t, lang)),
    ...(await moneyBlocks(db, organisationId, year, t, lang)),
    { type: "heading", level: 2, text: t("reports.annual.outputs") },
    outputs.length
      ? {
          type: "table",
          sheet: t("reports.annual.outputs"),
          caption: t("reports.annual.outputsCaption", { year }),
          columns: [
            { header: t("reports.type"), kind: "text" },
            { header: t("reports.count"), kind: "number" },
          ],
          rows: outputs.map((o) => [t(`projects.outputTypes.${o.type}`), o.count]),
          footer: [t("reports.total"), outputs.reduce((s, o) => s + o.count, 0)],
        }
      : { type: "paragraph", text: t("reports.annual.noOutputs", { year }) },
  ];
  return { title: t("reports.annual.title", { organisation: org?.name ?? "", year }), blocks };
}
