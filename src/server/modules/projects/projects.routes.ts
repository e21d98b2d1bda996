import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  createProjectInput,
  dashboardQuery,
  dashboardView,
  outputInput,
  overdueItemView,
  overdueQuery,
  projectExportQuery,
  projectListQuery,
  projectSummaryView,
  projectTimelineView,
  projectView,
  reportInput,
  reviewInput,
  statusInput,
  timelineQuery,
  updateProjectInput,
  updateReportInput,
} from "../../../common/projects.ts";
import {
  createReviewRoundInput,
  reviewRoundSummaryView,
  reviewRoundView,
  updateReviewRoundInput,
} from "../../../common/review-rounds.ts";
import { idParams, uuid } from "../../../common/validation.ts";
import { requireActor } from "../../platform/actor.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { requestLocale, translator } from "../../platform/i18n.ts";
import { listOf } from "../../platform/pagination.ts";
import { problemSchema } from "../../platform/problem.ts";
import { sendSpreadsheet } from "../../platform/spreadsheet-export.ts";
import { dashboard, portfolioSheet, projectTimeline } from "./portfolio-views.service.ts";
import * as reports from "./project-reports.service.ts";
import { presentProject, presentProjectSummary } from "./projects.presenter.ts";
import { projectReports, projects as projectsTable, reviewRounds } from "./projects.schema.ts";
import * as projects from "./projects.service.ts";
import * as rounds from "./review-rounds.service.ts";

const tags = ["Projekt"];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
const reportParams = z.object({ id: uuid, reportId: uuid });

export function registerProjectRoutes(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const r = typed(app);
  registerReviewRoundRoutes(app, deps);
  const view = async (id: string, actor: Parameters<typeof presentProject>[1]) =>
    presentProject(await projects.getProject(db, actor, id), actor);

  r.get(
    "/api/projects",
    {
      schema: {
        tags,
        summary:
          "Projektportföljen (filter: q, colour, sector, owner; sortering: name, periodStart, periodEnd)",
        querystring: projectListQuery,
        response: { 200: listOf(projectSummaryView), ...errors },
      },
    },
    async (request) => {
      const result = await projects.listProjects(db, request.actor, request.query);
      return { items: result.items.map(presentProjectSummary), nextCursor: result.nextCursor };
    },
  );

  r.post(
    "/api/projects",
    {
      schema: {
        tags,
        summary: "Registrera ett projekt",
        body: createProjectInput,
        response: { 201: projectView, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      const id = await projects.createProject(db, request.actor, request.body);
      return reply.status(201).send(await view(id, request.actor));
    },
  );

  r.get(
    "/api/projects/export",
    {
      schema: {
        tags,
        summary: "Portföljtabellen (bilaga 1) som XLSX eller CSV",
        querystring: projectExportQuery,
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const rows = await projects.allProjects(db, request.actor, filters);
      const t = translator(requestLocale(request));
      return sendSpreadsheet(reply, format, t("projects.exportFilename"), [portfolioSheet(rows, t)]);
    },
  );

  r.get(
    "/api/projects/dashboard",
    {
      schema: {
        tags,
        summary: "Översikt: antal per färg och sektor, snart avslutade, försenade rapporter",
        querystring: dashboardQuery,
        response: { 200: dashboardView, ...errors },
      },
    },
    async (request) => {
      return dashboard(db, request.actor, request.query);
    },
  );

  r.get(
    "/api/projects/timeline",
    {
      schema: {
        tags,
        summary: "Projektens perioder",
        querystring: timelineQuery,
        response: { 200: projectTimelineView, ...errors },
      },
    },
    async (request) => {
      return projectTimeline(db, request.actor, request.query);
    },
  );

  r.get(
    "/api/projects/reports/overdue",
    {
      schema: {
        tags,
        summary: "Projekt vars lägesrapport är försenad",
        querystring: overdueQuery,
        response: { 200: z.object({ items: z.array(overdueItemView) }), ...errors },
      },
    },
    async (request) => {
      return { items: await reports.overdueReports(db, request.actor, request.query) };
    },
  );

  r.get(
    "/api/projects/:id",
    {
      config: { versioned: versioned(projectsTable) },
      schema: {
        tags,
        summary: "Ett projekt med finansiering, mål, resultat, rapporter och färghistorik (colourHistory)",
        params: idParams,
        response: { 200: projectView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      return view(request.params.id, request.actor);
    },
  );

  r.patch(
    "/api/projects/:id",
    {
      config: { versioned: versioned(projectsTable) },
      schema: {
        tags,
        summary: "Ändra ett projekt (färgen ändras via /status)",
        params: idParams,
        body: updateProjectInput,
        response: { 200: projectView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      await projects.updateProject(db, request.actor, request.params.id, request.body);
      return view(request.params.id, request.actor);
    },
  );

  r.post(
    "/api/projects/:id/status",
    {
      schema: {
        tags,
        summary: "Ändra projektets färg (green, yellow, red) med motivering",
        params: idParams,
        body: statusInput,
        response: { 200: projectView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      await projects.setProjectStatus(db, request.actor, request.params.id, request.body);
      return view(request.params.id, request.actor);
    },
  );

  r.post(
    "/api/projects/:id/outputs",
    {
      schema: {
        tags,
        summary: "Registrera ett resultat (publikation, rapport, modell, lokaler …) med antal",
        params: idParams,
        body: outputInput,
        response: { 201: projectView, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      await projects.addOutput(db, request.actor, request.params.id, request.body);
      return reply.status(201).send(await view(request.params.id, request.actor));
    },
  );

  r.delete(
    "/api/projects/:id/outputs/:outputId",
    {
      schema: {
        tags,
        summary: "Ta bort ett resultat",
        params: z.object({ id: uuid, outputId: uuid }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      await projects.deleteOutput(db, request.actor, request.params.id, request.params.outputId);
      return reply.status(204).send(null);
    },
  );

  r.post(
    "/api/projects/:id/reports",
    {
      schema: {
        tags,
        summary: "Lämna en lägesrapport (projektledaren)",
        params: idParams,
        body: reportInput,
        response: { 201: projectView, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      await reports.submitReport(db, request.actor, request.params.id, request.body);
      return reply.status(201).send(await view(request.params.id, request.actor));
    },
  );

  r.patch(
    "/api/projects/:id/reports/:reportId",
    {
      config: { versioned: versioned(projectReports, { param: "reportId" }) },
      schema: {
        tags,
        summary: "Rätta en lägesrapport (projektledaren, tills den granskats)",
        params: reportParams,
        body: updateReportInput,
        response: { 200: projectView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      const { id, reportId } = request.params;
      await reports.updateReport(db, request.actor, id, reportId, request.body);
      return view(id, request.actor);
    },
  );

  r.post(
    "/api/projects/:id/reports/:reportId/review",
    {
      schema: {
        tags,
        summary: "Granska en lägesrapport och sätt projektets färg",
        params: reportParams,
        body: reviewInput,
        response: { 200: projectView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      const { id, reportId } = request.params;
      await reports.reviewReport(db, request.actor, id, reportId, request.body);
      return view(id, request.actor);
    },
  );
}

/** Review rounds belong to the portfolio; registered with the project routes. */
function registerReviewRoundRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);
  const roundTags = ["Projekt"];
  r.get(
    "/api/review-rounds",
    {
      schema: {
        tags: roundTags,
        summary: "Portföljens avrapporteringar (nyaste först)",
        response: { 200: z.object({ items: z.array(reviewRoundSummaryView) }), ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      return { items: await rounds.listReviewRounds(db, request.actor) };
    },
  );

  r.post(
    "/api/review-rounds",
    {
      schema: {
        tags: roundTags,
        summary: "Registrera en avrapportering med projektens bedömningar och generella slutsatser",
        body: createReviewRoundInput,
        response: { 201: reviewRoundView, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      const id = await rounds.createReviewRound(db, request.actor, request.body);
      return reply.status(201).send(await rounds.getReviewRound(db, request.actor, id));
    },
  );

  r.get(
    "/api/review-rounds/:id",
    {
      config: { versioned: versioned(reviewRounds) },
      schema: {
        tags: roundTags,
        summary: "En avrapportering: projektens bedömningar i tabellform och de generella slutsatserna",
        params: idParams,
        response: { 200: reviewRoundView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      return rounds.getReviewRound(db, request.actor, request.params.id);
    },
  );

  r.patch(
    "/api/review-rounds/:id",
    {
      config: { versioned: versioned(reviewRounds) },
      schema: {
        tags: roundTags,
        summary: "Ändra en avrapportering (projects ersätter alla rader)",
        params: idParams,
        body: updateReviewRoundInput,
        response: { 200: reviewRoundView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      await rounds.updateReviewRound(db, request.actor, request.params.id, request.body);
      return rounds.getReviewRound(db, request.actor, request.params.id);
    },
  );
}
