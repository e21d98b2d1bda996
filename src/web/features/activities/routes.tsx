import { createRoute } from "@tanstack/react-router";
import { requireLogin } from "../../auth.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import type { ActivityFilters } from "./activities-api.ts";
import { ActivitiesPage } from "./activities-page.tsx";
import { ActivityFormPage } from "./activity-form-page.tsx";
import { ActivityPage } from "./activity-page.tsx";

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
  component: function ActivitiesRoute() {
    const search = listRoute.useSearch();
    const initial = Object.fromEntries(
      Object.entries(search).filter(([, v]) => v),
    ) as Partial<ActivityFilters>;
    return <ActivitiesPage key={JSON.stringify(initial)} initial={initial} />;
  },
});

const newRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/aktiviteter/ny",
  beforeLoad: requireLogin,
  component: () => <ActivityFormPage />,
});

const detailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/aktiviteter/$id",
  beforeLoad: requireLogin,
  component: function ActivityRoute() {
    return <ActivityPage id={detailRoute.useParams().id} />;
  },
});

const editRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/aktiviteter/$id/redigera",
  beforeLoad: requireLogin,
  component: function EditActivityRoute() {
    return <ActivityFormPage id={editRoute.useParams().id} />;
  },
});

/** Activities: the list with filters, detail, create/edit form and delete with impact. */
export const activitiesFeature: Feature = {
  name: "activities",
  routes: [listRoute, newRoute, detailRoute, editRoute],
  nav: [{ to: "/aktiviteter", labelKey: "nav.activities", order: 30, requires: "login" }],
};
