import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  assessmentInput,
  compareQuery,
  compassActivity,
  compassView,
  goalsInput,
  learningOutcomeInput,
  learningOutcomeView,
  myProgrammeView,
  outcomeParams,
  programmeDimensionParams,
  programmeParams,
  workStepInput,
  workStepParams,
  workStepView,
  yearQuery,
} from "../../../common/compass.ts";
import { requireActor } from "../../platform/actor.ts";
import { type Deps, typed } from "../../platform/context.ts";
import { requestLocale } from "../../platform/i18n.ts";
import { problemSchema } from "../../platform/problem.ts";
import { programmeVersion } from "../programmes/index.ts";
import { myProgrammes, thisYear } from "./compass.shared.ts";
import { addOutcome, listOutcomes, removeOutcome, setWorkStep, workProcess } from "./process.service.ts";
import {
  compassActivities,
  programmeCompass,
  recompute,
  removeAssessment,
  setAssessment,
  setGoals,
} from "./programme.service.ts";

const tags = ["ALA-kompassen"];

/**
 * A programme's compass (goals, assessments, work process) is versioned as one record on the programme
 * row: its GET sends the programme's ETag and every PUT/DELETE checks If-Match against it and moves it
 * (platform/etag.ts), so two people editing the same compass never overwrite each other unseen.
 */
const compassVersion = programmeVersion("programmeId");
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

/** A programme's compass: levels, goals (målbild), assessments, outcomes, work process. */
export function registerProgrammeCompassRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);
  const base = "/api/compass/programmes/:programmeId";

  r.get(
    base,
    {
      config: { versioned: compassVersion },
      schema: {
        tags,
        summary: "Programmets kompass för ett år",
        params: programmeParams,
        querystring: yearQuery,
        response: { 200: compassView, ...errors },
      },
    },
    async (request) => {
      const year = request.query.year ?? thisYear();
      return programmeCompass(db, request.actor, request.params.programmeId, year, requestLocale(request));
    },
  );

  r.put(
    `${base}/goals`,
    {
      config: { versioned: compassVersion },
      schema: {
        tags,
        summary: "Sätt programmets målbild för ett år",
        params: programmeParams,
        querystring: yearQuery,
        body: goalsInput,
        response: { 200: compassView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      const { programmeId } = request.params;
      const year = request.query.year ?? thisYear();
      await setGoals(db, request.actor, programmeId, year, request.body);
      return programmeCompass(db, request.actor, programmeId, year, requestLocale(request));
    },
  );

  r.put(
    `${base}/assessments/:key`,
    {
      config: { versioned: compassVersion },
      schema: {
        tags,
        summary: "Bedömd nivå med motivering för en dimension",
        params: programmeDimensionParams,
        querystring: yearQuery,
        body: assessmentInput,
        response: { 200: compassView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      const { programmeId, key } = request.params;
      const year = request.query.year ?? thisYear();
      await setAssessment(db, request.actor, programmeId, year, key, request.body);
      return programmeCompass(db, request.actor, programmeId, year, requestLocale(request));
    },
  );

  r.delete(
    `${base}/assessments/:key`,
    {
      config: { versioned: compassVersion },
      schema: {
        tags,
        summary: "Ta bort en bedömd nivå",
        params: programmeDimensionParams,
        querystring: yearQuery,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      const { programmeId, key } = request.params;
      await removeAssessment(db, request.actor, programmeId, request.query.year ?? thisYear(), key);
      return reply.status(204).send(null);
    },
  );

  r.post(
    `${base}/recompute`,
    {
      schema: {
        tags,
        summary: "Räkna om året med modellens senaste version",
        params: programmeParams,
        querystring: yearQuery,
        response: { 200: compassView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      const { programmeId } = request.params;
      const year = request.query.year ?? thisYear();
      await recompute(db, request.actor, programmeId, year);
      return programmeCompass(db, request.actor, programmeId, year, requestLocale(request));
    },
  );

  r.get(
    `${base}/activities`,
    {
      schema: {
        tags,
        summary: "Aktiviteterna bakom nivåerna (alla statusar) under året",
        params: programmeParams,
        querystring: yearQuery,
        response: { 200: z.object({ items: z.array(compassActivity) }), ...errors },
      },
    },
    async (request) => {
      const { programmeId } = request.params;
      const year = request.query.year ?? thisYear();
      return { items: await compassActivities(db, request.actor, programmeId, year) };
    },
  );

  r.get(
    `${base}/outcomes`,
    {
      schema: {
        tags,
        summary: "Lärandemål om arbetslivsanknytning",
        params: programmeParams,
        response: { 200: z.object({ items: z.array(learningOutcomeView) }), ...errors },
      },
    },
    async (request) => {
      return { items: await listOutcomes(db, request.actor, request.params.programmeId) };
    },
  );

  r.post(
    `${base}/outcomes`,
    {
      schema: {
        tags,
        summary: "Lägg till ett lärandemål",
        params: programmeParams,
        body: learningOutcomeInput,
        response: { 201: learningOutcomeView, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      const created = await addOutcome(db, request.actor, request.params.programmeId, request.body);
      return reply.status(201).send(created);
    },
  );

  r.delete(
    `${base}/outcomes/:outcomeId`,
    {
      schema: {
        tags,
        summary: "Ta bort ett lärandemål",
        params: outcomeParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      await removeOutcome(db, request.actor, request.params.programmeId, request.params.outcomeId);
      return reply.status(204).send(null);
    },
  );

  const stepsView = z.object({ year: z.number().int(), steps: z.array(workStepView) });
  r.get(
    `${base}/process`,
    {
      config: { versioned: compassVersion },
      schema: {
        tags,
        summary: "Arbetsprocessen för året",
        params: programmeParams,
        querystring: yearQuery,
        response: { 200: stepsView, ...errors },
      },
    },
    async (request) => {
      const year = request.query.year ?? thisYear();
      return { year, steps: await workProcess(db, request.actor, request.params.programmeId, year) };
    },
  );

  r.put(
    `${base}/process/:step`,
    {
      config: { versioned: compassVersion },
      schema: {
        tags,
        summary: "Uppdatera ett steg i arbetsprocessen",
        params: workStepParams,
        querystring: yearQuery,
        body: workStepInput,
        response: { 200: stepsView, ...errors },
      },
    },
    async (request) => {
      requireActor(request.actor);
      const { programmeId, step } = request.params;
      const year = request.query.year ?? thisYear();
      await setWorkStep(db, request.actor, programmeId, year, step, request.body);
      return { year, steps: await workProcess(db, request.actor, programmeId, year) };
    },
  );

  r.get(
    "/api/compass/my-programmes",
    {
      schema: {
        tags,
        summary: "Programmen jag ansvarar för",
        response: { 200: z.object({ items: z.array(myProgrammeView) }), ...errors },
      },
    },
    async (request) => {
      return { items: await myProgrammes(db, request.actor) };
    },
  );

  r.get(
    "/api/compass/compare",
    {
      schema: {
        tags,
        summary: "Jämför program sida vid sida",
        querystring: compareQuery,
        response: { 200: z.object({ year: z.number().int(), programmes: z.array(compassView) }), ...errors },
      },
    },
    async (request) => {
      const year = request.query.year ?? thisYear();
      const locale = requestLocale(request);
      const programmes = [];
      for (const id of request.query.programmeIds)
        programmes.push(await programmeCompass(db, request.actor, id, year, locale));
      return { year, programmes };
    },
  );
}
