import type { FastifyInstance } from "fastify";
import { programmeListQuery, programmeView } from "../../../common/programmes.ts";
import type { Deps } from "../../platform/context.ts";
import { versioned } from "../../platform/etag.ts";
import { createProgrammeBody, updateProgrammeBody } from "./names.input.ts";
import { presentProgramme } from "./programmes.presenter.ts";
import { programmes } from "./programmes.schema.ts";
import * as service from "./programmes.service.ts";
import { registerStudyRoutes } from "./registers.routes.ts";

/** /api/programmes: the services authorise (they are called by other modules too); routes parse and present. */
export function registerProgrammeRoutes(app: FastifyInstance, { db }: Deps) {
  registerStudyRoutes(app, db, {
    path: "/api/programmes",
    table: programmes,
    summaries: {
      list: "Program, i svensk namnordning",
      create: "Skapa ett program",
      read: "Ett program",
      update: "Ändra ett program",
      impact: "Vad en borttagning av programmet skulle påverka",
      remove: "Ta bort ett program",
    },
    query: programmeListQuery,
    view: programmeView,
    createBody: createProgrammeBody,
    updateBody: updateProgrammeBody,
    present: presentProgramme,
    list: service.listProgrammes,
    create: service.createProgramme,
    read: service.getProgramme,
    update: service.updateProgramme,
    impact: service.programmeImpact,
    remove: service.deleteProgramme,
  });
}

/**
 * A programme's version (ETag/If-Match, platform/etag.ts) for other modules' routes that edit a part of the
 * programme under `:param` (its compass): their writes move the programme's version like its own PATCH.
 */
export const programmeVersion = (param = "id") => versioned(programmes, { param });
