import type { FastifyInstance } from "fastify";
import type { Deps } from "../../platform/context.ts";
import { registerCompassExportRoutes } from "./export.routes.ts";
import { registerCompassModelRoutes } from "./model.routes.ts";
import { registerCompassOfferRoutes } from "./offers.routes.ts";
import { registerProgrammeCompassRoutes } from "./programme.routes.ts";
import { registerCompassUnitRoutes } from "./units.routes.ts";

/** ALA-kompassen's HTTP surface (issue 4): model, programme compasses, offers, units, exports. */
export function registerCompassRoutes(app: FastifyInstance, deps: Deps) {
  registerCompassModelRoutes(app, deps);
  registerProgrammeCompassRoutes(app, deps);
  registerCompassOfferRoutes(app, deps);
  registerCompassUnitRoutes(app, deps);
  registerCompassExportRoutes(app, deps);
}
