import { createRoute } from "@tanstack/react-router";
import { requireLogin, safeRedirect } from "../../auth.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import { AccountPage } from "./account-page.tsx";
import { InvitationPage } from "./invitation-page.tsx";
import { LoginPage } from "./login-page.tsx";

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/logga-in",
  // `redirect` brings the user back to the page that asked for a login; only local paths pass.
  validateSearch: (search: Record<string, unknown>): { redirect?: string; loggedOut?: boolean } => ({
    redirect: safeRedirect(search.redirect),
    loggedOut: search.loggedOut === true || search.loggedOut === "true" ? true : undefined,
  }),
  component: function LoginRoute() {
    const search = loginRoute.useSearch();
    return <LoginPage redirect={search.redirect} loggedOut={search.loggedOut ?? false} />;
  },
});

const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/konto",
  beforeLoad: requireLogin,
  component: AccountPage,
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/inbjudan/$token",
  component: function InvitationRoute() {
    return <InvitationPage token={invitationRoute.useParams().token} />;
  },
});

/** Logging in, one's own account, and activating an account from an invitation link. */
export const accountsFeature: Feature = {
  name: "accounts",
  routes: [loginRoute, accountRoute, invitationRoute],
};
