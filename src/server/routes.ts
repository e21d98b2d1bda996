import type { FastifyInstance } from "fastify";
import { registerAccountRoutes } from "./modules/accounts/accounts.routes.ts";
import { registerAuditRoutes } from "./modules/audit/audit.routes.ts";
import { registerHealthRoutes } from "./modules/health/health.routes.ts";
import type { Deps } from "./platform/context.ts";

/** Every module's HTTP surface. A new module adds its register function here. */
export const routeModules: ((app: FastifyInstance, deps: Deps) => void)[] = [
  registerHealthRoutes,
  registerAccountRoutes,
  registerAuditRoutes,
];
