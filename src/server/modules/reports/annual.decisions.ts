import type { TFunction } from "i18next";
import type { Cell, ReportBlock } from "../../../common/reports.ts";
import type { Db } from "../../db/client.ts";
import { systemActor } from "../../platform/actor.ts";
import { listBodies, listDecisions } from "../governance/index.ts";

/**
 * "Styrelsens beslut" in the annual report: the decisions the organisation's board made in the
 * year, in order, with their registry numbers, amounts and the projects they fund. The report is
 * a document for the public, so it reads the register as the public does (public decisions in
 * approved minutes); which bodies are boards is no secret, so they are looked up as the system.
 */
export async function boardDecisionBlocks(
  db: Db,
  organisationId: string,
  year: number,
  t: TFunction,
): Promise<ReportBlock[]> {
  const blocks: ReportBlock[] = [
    { type: "heading", level: 2, text: t("reports.annual.boardDecisions", { year }) },
  ];
  const boards = await listBodies(db, systemActor, { kind: "board", organisationId });
  for (const board of boards) {
    const decisions = [];
    let cursor: string | undefined;
    do {
      const page = await listDecisions(db, null, { bodyId: board.id, year, limit: 500, cursor });
      decisions.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if (!decisions.length) continue;
    decisions.reverse(); // the register lists the newest first; the report tells the year in order
    const granted = decisions.reduce((sum, d) => sum + (d.kind === "grant" ? (d.amount ?? 0) : 0), 0);
    blocks.push({
      type: "table",
      sheet: t("reports.annual.decisionsSheet"),
      caption: t("reports.annual.boardDecisionsCaption", { body: board.name, year }),
      columns: [
        { header: t("reports.annual.decisionNumber"), kind: "text" },
        { header: t("reports.date"), kind: "text" },
        { header: t("reports.annual.decision"), kind: "text" },
        { header: t("reports.annual.funds"), kind: "text" },
        { header: t("reports.amount"), kind: "kronor" },
      ],
      rows: decisions.map((d): Cell[] => [
        d.registryNumber ?? "",
        `${d.meetingDate} § ${d.paragraph}`,
        d.title,
        d.fundedProjects.map((f) => f.projectName).join(", "),
        d.amount,
      ]),
      footer: granted ? [t("reports.annual.granted"), null, null, null, granted] : null,
    });
  }
  if (blocks.length === 1)
    blocks.push({ type: "paragraph", text: t("reports.annual.noBoardDecisions", { year }) });
  return blocks;
}
