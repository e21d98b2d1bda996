import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { programmeParams, unitParams, yearQuery } from "../../../common/compass.ts";
import { type Deps, typed } from "../../platform/context.ts";
import { contentDisposition } from "../../platform/files.ts";
import { requestLocale } from "../../platform/i18n.ts";
import { htmlToPdf } from "../../platform/pdf.ts";
import { problemSchema } from "../../platform/problem.ts";
import { thisYear } from "./compass.shared.ts";
import { programmeCompassHtml, unitCompassHtml } from "./export/compass-html.ts";
import { heatmapXlsx } from "./export/heatmap-xlsx.ts";
import { programmeCompass } from "./programme.service.ts";
import { unitCompass, unitHeatmap } from "./units.service.ts";

const tags = ["ALA-kompassen"];
const errors = { 401: problemSchema, 404: problemSchema, 422: problemSchema };

const download = (reply: FastifyReply, type: string, filename: string, body: Buffer) =>
  reply.header("content-disposition", contentDisposition(filename)).type(type).send(body);

/** Files: the compass as an accessible PDF (programme and unit) and the heat-map as XLSX. */
export function registerCompassExportRoutes(app: FastifyInstance, { db }: Deps) {
  /** A unit's compass and heat map for the year asked (this year without one), in the reader's language. */
  const unitAndHeatmap = async (
    request: FastifyRequest & { params: { organisationId: string }; query: { year?: number } },
  ) => {
    const locale = requestLocale(request);
    const year = request.query.year ?? thisYear();
    const { organisationId } = request.params;
    const unit = await unitCompass(db, request.actor, organisationId, year, locale);
    const heatmap = await unitHeatmap(db, request.actor, organisationId, year, locale);
    return { locale, year, unit, heatmap };
  };
  const r = typed(app);

  r.get(
    "/api/compass/programmes/:programmeId/compass.pdf",
    {
      schema: {
        tags,
        summary: "Programmets kompass som tillgänglig PDF",
        params: programmeParams,
        querystring: yearQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const year = request.query.year ?? thisYear();
      const view = await programmeCompass(db, request.actor, request.params.programmeId, year, locale);
      const pdf = await htmlToPdf(programmeCompassHtml(view, locale), {
        footer: `Samspel · ALA-kompassen · ${view.programmeCode} ${year}`,
        log: request.log,
      });
      return download(reply, "application/pdf", `ala-kompassen-${view.programmeCode}-${year}.pdf`, pdf);
    },
  );

  r.get(
    "/api/compass/units/:organisationId/compass.pdf",
    {
      schema: {
        tags,
        summary: "Enhetens kompass och värmekarta som tillgänglig PDF",
        params: unitParams,
        querystring: yearQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const { locale, year, unit, heatmap } = await unitAndHeatmap(request);
      const pdf = await htmlToPdf(unitCompassHtml(unit, heatmap, locale), {
        landscape: heatmap.dimensions.length > 6,
        footer: `Samspel · ALA-kompassen · ${unit.name} ${year}`,
        log: request.log,
      });
      return download(reply, "application/pdf", `ala-kompassen-enhet-${year}.pdf`, pdf);
    },
  );

  r.get(
    "/api/compass/units/:organisationId/heatmap.xlsx",
    {
      schema: {
        tags,
        summary: "Värmekartan som Excel-fil",
        params: unitParams,
        querystring: yearQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const { locale, year, unit, heatmap } = await unitAndHeatmap(request);
      return download(
        reply,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        `ala-kompassen-varmekarta-${year}.xlsx`,
        await heatmapXlsx(unit, heatmap, locale),
      );
    },
  );
}
