/**
 * Where modules plug their pages into the web app. To add yours:
 *
 * 1. Create `src/web/features/<name>/routes.tsx`. Every page is a child of the shared `rootRoute`
 *    (which draws the header, navigation, <main> and footer), so a page renders only its content,
 *    starting with <PageHeader title=…> (the page's h1 and document title):
 *
 *      import { createRoute } from "@tanstack/react-router";
 *      import { requireLogin } from "../../auth.ts";
 *      import { lazyPage, withPage } from "../../routes/lazy-page.ts";
 *      import { rootRoute } from "../../routes/root.tsx";
 *      import type { Feature } from "../types.ts";
 *
 *      // Pages load in their own chunks; never import a page module here directly.
 *      const ActivitiesPage = lazyPage(() => import("./activities-page.tsx"), "ActivitiesPage");
 *      const ActivityPage = lazyPage(() => import("./activity-page.tsx"), "ActivityPage");
 *
 *      const listRoute = createRoute({
 *        getParentRoute: () => rootRoute,
 *        path: "/aktiviteter",
 *        component: ActivitiesPage,
 *      });
 *      const detailRoute = createRoute({
 *        getParentRoute: () => rootRoute,
 *        path: "/aktiviteter/$id",
 *        beforeLoad: requireLogin, // or requireAbility("coordinate") — rules come from the server's Me
 *        component: withPage(ActivityPage, function ActivityRoute() {
 *          return <ActivityPage id={detailRoute.useParams().id} />;
 *        }),
 *      });
 *
 *      export const activitiesFeature: Feature = {
 *        name: "activities",
 *        routes: [listRoute, detailRoute],
 *        nav: [{ to: "/aktiviteter", labelKey: "nav.activities", order: 30 }],
 *      };
 *
 *    Nested routes (a layout with children) are attached by the feature itself with
 *    `parent.addChildren([...])`; list only the top-level routes in `routes`.
 * 2. Import it below and add it to `features`. That is the only shared line you touch.
 *
 * A route at one of the places' paths (routes/places.ts: /register, /aktiviteter, /kompassen,
 * /planer, /evenemang, /uppfoljning) replaces that place's "being built" page, and a nav item with
 * that path replaces the place's menu entry (same position unless you change `order`).
 * Strings go in `src/common/i18n/<module>.ts`; data goes through `api` (src/web/api.ts) and TanStack
 * Query; forms use `useForm` (src/web/lib/forms.ts) with the module's shared zod schema.
 *
 * Another feature's files are reached only through its `index.ts` (queries and small parts it offers
 * others; never a page, so pages stay in their lazy chunks) or its `routes.tsx`; scripts/check-modules.ts
 * fails on anything else. A part several features use belongs in src/web/components (exported by
 * components/index.ts) or src/web/lib, not in one of them.
 */
import { accountsFeature } from "./accounts/routes.tsx";
import { activitiesFeature } from "./activities/routes.tsx";
import { adminFeature } from "./admin/routes.tsx";
import { agreementsFeature } from "./agreements/routes.tsx";
import { communicationFeature } from "./communication/routes.tsx";
import { compassFeature } from "./compass/routes.tsx";
import { eventsFeature } from "./events/routes.tsx";
import { followUpFeature } from "./follow-up/routes.tsx";
import { governanceFeature } from "./governance/routes.tsx";
import { ideasFeature } from "./ideas/routes.tsx";
import { learningFeature } from "./learning/routes.tsx";
import { localWorkFeature } from "./localwork/routes.tsx";
import { organisationsFeature } from "./organisations/routes.tsx";
import { peopleFeature } from "./people/routes.tsx";
import { plansFeature } from "./plans/routes.tsx";
import { programmesFeature } from "./programmes/routes.tsx";
import { projectsFeature } from "./projects/routes.tsx";
import { searchFeature } from "./search/routes.tsx";
import { siteFeature } from "./site/routes.tsx";
import { transferFeature } from "./transfer/routes.tsx";
import type { Feature } from "./types.ts";

export const features: Feature[] = [
  accountsFeature,
  adminFeature,
  programmesFeature,
  activitiesFeature,
  compassFeature,
  organisationsFeature,
  peopleFeature,
  plansFeature,
  projectsFeature,
  searchFeature,
  transferFeature,
  followUpFeature,
  eventsFeature,
  communicationFeature,
  learningFeature,
  ideasFeature,
  localWorkFeature,
  agreementsFeature,
  siteFeature,
  governanceFeature,
];
