import { createRoute } from "@tanstack/react-router";
import { requireLogin } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import type { ActivityFilters } from "./activities-api.ts";

// Each page in its own chunk (see routes/lazy-page.ts); the routes below stay eager.
const ActivitiesPage = lazyPage(() => import("./activities-page.tsx"), "ActivitiesPage");
const ActivityFormPage = lazyPage(() => import("./activity-form-page.tsx"), "ActivityFormPage");
const ActivityPage = lazyPage(() => import("./activity-page.tsx"), "ActivityPage");

const text = (value: unknown) => (typeof value === "string" && value.length <= 100 ? value : undefined);

const listRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/aktiviteter",
  beforeLoad: requireLogin,
  // Programme and course pages link here with their id as a filter.
  validateSearch: (search: Record<string, unknown>): Partial<ActivityFilters> => ({
    programmeId: text(search.programmeId),
    courseId: text(search.courseId),
    typeKey: text(search.typeKey),
    status: text(search.status),
  }),
  component: withPage(ActivitiesPage, function ActivitiesRoute() {
    const search = listRoute.useSearch();
    const initial = Object.fromEntries(
      Object.entries(search).filter(([, v]) => v),
    ) as Partial<ActivityFilters>;
    return <ActivitiesPage key={JSON.stringify(initial)} initial={initial} />;
  }),
});

const newRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/aktiviteter/ny",
  beforeLoad: requireLogin,
  component: ActivityFormPage,
});

const detailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/aktiviteter/$id",
  beforeLoad: requireLogin,
  component: withPage(ActivityPage, function ActivityRoute() {
    return <ActivityPage id={detailRoute.useParams().id} />;
  }),
});

const editRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/aktiviteter/$id/redigera",
  beforeLoad: requireLogin,
  component: withPage(ActivityFormPage, function EditActivityRoute() {
    return <ActivityFormPage id={editRoute.useParams().id} />;
  }),
});

/** Activities: the list with filters, detail, create/edit form and delete with impact. */
export const activitiesFeature: Feature = {
  name: "activities",
  routes: [listRoute, newRoute, detailRoute, editRoute],
  nav: [{ to: "/aktiviteter", labelKey: "nav.activities", order: 30, requires: "login" }],
};
