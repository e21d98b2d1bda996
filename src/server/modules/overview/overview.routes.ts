import type { FastifyInstance } from "fastify";
import { overviewView } from "../../../common/overview.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { problemSchema } from "../../platform/problem.ts";
import { personalOverview } from "./overview.service.ts";

export function registerOverviewRoutes(app: FastifyInstance, { db }: Deps) {
  typed(app).get(
    "/api/overview",
    {
      schema: {
        tags: ["Översikt"],
        summary: "Min översikt: det som behöver göras, per roll",
        description:
          "Startsidan efter inloggning. Bara avsnitten för användarens roller finns med: samordnare (upcomingEvents, overdueReports, indicatorsOffTarget, dialoguesDue, openCalls, recentChanges), programansvarig (compassGaps, workStepsDue), styrelse- och gruppledamot (nextMeetings, documentsToRead), partner (organisationAgreements, organisationEvents, organisationIndicators — bara den egna organisationens).",
        response: { 200: overviewView, 401: problemSchema },
      },
    },
    async (request) => personalOverview(db, request.actor),
  );
}
