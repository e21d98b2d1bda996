import type { FastifyInstance } from "fastify";
import { searchQuery, searchResult } from "../../../common/search.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { requestLocale, translator } from "../../platform/i18n.ts";
import { problemSchema } from "../../platform/problem.ts";
import { presentHit } from "./search.presenter.ts";
import { search } from "./search.service.ts";

export function registerSearchRoutes(app: FastifyInstance, { db }: Deps) {
  typed(app).get(
    "/api/search",
    {
      schema: {
        tags: ["Sök"],
        summary: "Sök i registren (organisationer, personer, program, kurser, aktiviteter)",
        description:
          "Svensk fulltextsökning, stavfelstolerant namnsökning (pg_trgm, även utan å/ä/ö) och prefix, bästa träff först.",
        querystring: searchQuery,
        response: { 200: searchResult, 401: problemSchema, 403: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const locale = requestLocale(request);
      // One statement in the common case: the activity types' labels come with the hits.
      const rows = await search(db, request.actor, request.query, locale);
      const t = translator(locale);
      return { items: rows.map((row) => presentHit(row, t, locale)) };
    },
  );
}
