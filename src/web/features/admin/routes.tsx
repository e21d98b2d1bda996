import { createRoute } from "@tanstack/react-router";
import { requireAbility } from "../../auth.ts";
import { lazyPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";

// Each page in its own chunk (see routes/lazy-page.ts); the routes below stay eager.
const AuditPage = lazyPage(() => import("./audit-page.tsx"), "AuditPage");
const RetentionPage = lazyPage(() => import("./retention-page.tsx"), "RetentionPage");
const UsersPage = lazyPage(() => import("./users-page.tsx"), "UsersPage");

const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin",
  beforeLoad: requireAbility("administer"),
  component: UsersPage,
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/granskningslogg",
  beforeLoad: requireAbility("administer"),
  component: AuditPage,
});

const retentionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/gallring",
  beforeLoad: requireAbility("administer"),
  component: RetentionPage,
});

/** Users, invitations, roles and the audit log; only for those the server lets administer. */
export const adminFeature: Feature = {
  name: "admin",
  routes: [usersRoute, auditRoute, retentionRoute],
  nav: [{ to: "/admin", labelKey: "nav.admin", order: 80, requires: "administer" }],
};
