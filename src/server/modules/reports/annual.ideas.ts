import type { TFunction } from "i18next";
import { formatNumber } from "../../../common/format.ts";
import { ideaStages } from "../../../common/ideas.ts";
import type { ReportBlock } from "../../../common/reports.ts";
import type { Db } from "../../db/client.ts";
import { funnelsInPeriod } from "../ideas/index.ts";

/**
 * The annual report's calls for ideas: per call open during the year, the funnel (how many ideas
 * reached each stage), the granted amount and the projects it produced — MOPS' 26 → 10 → 9 → 4.
 */
export async function ideaBlocks(
  db: Db,
  organisationId: string,
  year: number,
  t: TFunction,
  lang: "sv" | "en",
): Promise<ReportBlock[]> {
  const calls = await funnelsInPeriod(
    db,
    organisationId,
    new Date(`${year}-01-01T00:00:00+01:00`),
    new Date(`${year + 1}-01-01T00:00:00+01:00`),
  );
  const blocks: ReportBlock[] = [{ type: "heading", level: 2, text: t("ideas.report.title") }];
  if (!calls.length) return [...blocks, { type: "paragraph", text: t("ideas.report.none", { year }) }];
  for (const { call, funnel } of calls) {
    blocks.push({ type: "heading", level: 3, text: call.title });
    blocks.push({
      type: "table",
      sheet: t("ideas.report.sheet"),
      caption: t("ideas.report.caption", { call: call.title }),
      columns: [
        { header: t("ideas.own.stage"), kind: "text" },
        { header: t("ideas.funnel.reached"), kind: "number" },
      ],
      rows: ideaStages.map((s) => [t(`ideas.stages.${s}`), funnel[s]]),
      footer: null,
    });
    blocks.push({
      type: "paragraph",
      text: t("ideas.report.granted", {
        amount: formatNumber(funnel.grantedAmount, lang),
        projects: funnel.projectIds.length,
      }),
    });
  }
  return blocks;
}
