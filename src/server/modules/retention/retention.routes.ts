import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  retentionDryRunView,
  retentionRulesInput,
  retentionRuleView,
  retentionRunView,
} from "../../../common/retention.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { problemResponses, problemSchema } from "../../platform/problem.ts";
import * as retention from "./retention.service.ts";

const tags = ["Gallring"];
const rulesView = z.object({ items: z.array(retentionRuleView) });

/**
 * Retention (gallring, issue 20 items 3 and 5): the rules per category, the dry run, a run now and the
 * run reports. Reads and runs: coordinators and administrators; changing rules: administrators.
 */
export function registerRetentionRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);

  r.get(
    "/api/admin/retention/rules",
    {
      schema: {
        tags,
        summary: "Gallringsreglerna per kategori (lagrade eller standard)",
        response: { 200: rulesView, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => ({ items: await retention.listRules(db, request.actor) }),
  );

  r.put(
    "/api/admin/retention/rules",
    {
      schema: {
        tags,
        summary: "Ändra gallringsregler (bara administratörer); kategorier som inte skickas lämnas orörda",
        body: retentionRulesInput,
        response: { 200: rulesView, ...problemResponses },
      },
    },
    async (request) => ({ items: await retention.updateRules(db, request.actor, request.body) }),
  );

  r.get(
    "/api/admin/retention/dry-run",
    {
      schema: {
        tags,
        summary: "Vad nästa gallring skulle ta bort per kategori: antal och exempel utan personuppgifter",
        response: { 200: retentionDryRunView, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => retention.dryRun(db, request.actor),
  );

  r.post(
    "/api/admin/retention/run",
    {
      schema: {
        tags,
        summary: "Kör gallringen nu; svarar med körningens rapport",
        response: { 200: retentionRunView, 401: problemSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    async (request) => retention.runRetention(db, request.actor, { trigger: "manual" }),
  );

  r.get(
    "/api/admin/retention/runs",
    {
      schema: {
        tags,
        summary: "De senaste gallringskörningarna med vad som togs bort, nyaste först",
        response: {
          200: z.object({ items: z.array(retentionRunView) }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => ({ items: await retention.listRuns(db, request.actor) }),
  );
}
