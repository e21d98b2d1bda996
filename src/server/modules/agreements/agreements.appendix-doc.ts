import { formatDate } from "../../../common/format.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { translator } from "../../platform/i18n.ts";
import { finishDocument, type ReportContent, render } from "../reports/index.ts";
import { getAgreement } from "./agreements.service.ts";

/**
 * The course appendix (kursbilaga) for signing, as PDF or DOCX: the parties, the period and budget,
 * then per package its courses with term, places, credits and price beside the needs they serve,
 * the totals, and lines for the parties' signatures. Built as the reports' document model and
 * rendered by the reports module (HTML → tagged PDF with Chromium; DOCX with docx).
 */
export async function appendixDocument(db: Db, actor: Actor | null, id: string, format: "pdf" | "docx") {
  const a = await getAgreement(db, actor, id);
  const t = translator("sv");
  const needTitle = new Map(a.needs.map((n) => [n.id, n.title]));
  const content: ReportContent = {
    title: t("agreements.appendixTitle", { title: a.title }),
    blocks: [
      {
        type: "list",
        items: [
          ...a.parties.map(
            (p) =>
              `${p.role === "university" ? t("agreements.university") : t("agreements.partner")}: ${p.name}${p.contactName ? ` (${p.contactName})` : ""}`,
          ),
          `${t("agreements.period")}: ${formatDate(a.startDate)} – ${formatDate(a.endDate)}`,
          ...(a.registryNumber ? [`${t("agreements.registryNumber")}: ${a.registryNumber}`] : []),
          `${t("agreements.budget")}: ${a.budget.toLocaleString("sv-SE")} kr`,
        ],
      },
      ...a.packages.flatMap((p) => {
        const rows = a.appendix.filter((r) => p.appendixIds.includes(r.id));
        return [
          { type: "heading" as const, level: 2 as const, text: p.name || t("agreements.noPackage") },
          {
            type: "table" as const,
            sheet: (p.name || t("agreements.noPackage")).slice(0, 31),
            caption: `${p.name || t("agreements.noPackage")}: ${t("agreements.totalCredits", { credits: p.totalCredits.toLocaleString("sv-SE") })}`,
            columns: [
              { header: t("agreements.course"), kind: "text" as const },
              { header: t("agreements.term"), kind: "text" as const },
              { header: t("agreements.credits"), kind: "number" as const },
              { header: t("agreements.places"), kind: "number" as const },
              { header: t("agreements.serves"), kind: "text" as const },
              { header: t("agreements.price"), kind: "kronor" as const },
            ],
            rows: rows.map((r) => [
              `${r.code} ${r.name}`,
              r.term,
              r.credits,
              r.places,
              r.needIds.map((n) => needTitle.get(n) ?? "").join("; "),
              r.price,
            ]),
            footer: [null, null, p.totalCredits, null, null, p.cost],
          },
        ];
      }),
      {
        type: "paragraph",
        text: `${t("agreements.totalCredits", { credits: a.totalCredits.toLocaleString("sv-SE") })}, ${t("agreements.cost").toLowerCase()} ${a.planned.toLocaleString("sv-SE")} kr.`,
      },
      { type: "heading", level: 2, text: t("agreements.signatures") },
      ...a.parties.map((p) => ({
        type: "paragraph" as const,
        text: `${p.name}: ______________________________ (${t("agreements.signatureLine")})`,
      })),
    ],
  };
  return render(await finishDocument(db, content, "sv"), format);
}
