import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  networkInput,
  networkMembersInput,
  networkView,
  seriesInput,
  seriesView,
  updateSeriesInput,
} from "../../../common/events.ts";
import { idParams } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { problemSchema } from "../../platform/problem.ts";
import { eventNetworks, eventSeries } from "./events.schema.ts";
import * as groups from "./series.service.ts";

const tags = ["Evenemang"];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

type Row = {
  id: string;
  name: string;
  description: string | null;
  projectId: string | null;
  tags: string[];
  events: number;
};
const present = (g: Row) => ({
  id: g.id,
  name: g.name,
  description: g.description,
  projectId: g.projectId,
  tags: g.tags,
  events: g.events,
});

/** /api/event-series and /api/networks: what events belong to, and the networks' members. */
export function registerEventSeriesRoutes(app: FastifyInstance, { db }: Deps) {
  const r = typed(app);
  for (const [kind, path, view, label] of [
    ["series", "/api/event-series", seriesView, "serie"],
    ["network", "/api/networks", networkView, "nätverk"],
  ] as const) {
    const full = (g: Row & { members: z.infer<typeof networkView>["members"] }) =>
      kind === "network" ? { ...present(g), members: g.members } : present(g);
    r.get(
      path,
      {
        schema: {
          tags,
          summary: `Alla ${label}`,
          response: { 200: z.object({ items: z.array(seriesView) }), 401: problemSchema },
        },
      },
      async (request) => ({ items: (await groups.listGroups(db, request.actor, kind)).map(present) }),
    );
    r.post(
      path,
      {
        schema: {
          tags,
          summary: `Skapa ${label}`,
          body: kind === "series" ? seriesInput : networkInput,
          response: { 201: view, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(full(await groups.createGroup(db, request.actor, kind, request.body))),
    );
    r.get(
      `${path}/:id`,
      {
        config: { versioned: versioned(kind === "series" ? eventSeries : eventNetworks) },
        schema: { tags, summary: `En ${label}`, params: idParams, response: { 200: view, ...errors } },
      },
      async (request) => full(await groups.getGroup(db, request.actor, kind, request.params.id)),
    );
    r.patch(
      `${path}/:id`,
      {
        config: { versioned: versioned(kind === "series" ? eventSeries : eventNetworks) },
        schema: {
          tags,
          summary: `Ändra ${label}`,
          params: idParams,
          body: updateSeriesInput,
          response: { 200: view, ...errors },
        },
      },
      async (request) =>
        full(await groups.updateGroup(db, request.actor, kind, request.params.id, request.body)),
    );
  }

  r.put(
    "/api/networks/:id/members",
    {
      config: { versioned: versioned(eventNetworks) },
      schema: {
        tags,
        summary: "Sätt nätverkets medlemmar",
        params: idParams,
        body: networkMembersInput,
        response: { 200: networkView, ...errors },
      },
    },
    async (request) => {
      const g = await groups.setNetworkMembers(db, request.actor, request.params.id, request.body);
      return { ...present(g), members: g.members };
    },
  );
}
