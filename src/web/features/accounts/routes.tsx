import { createRoute } from "@tanstack/react-router";
import { requireLogin, safeRedirect } from "../../auth.ts";
import { lazyPage, withPage } from "../../routes/lazy-page.ts";
import { rootRoute } from "../../routes/root.tsx";
import type { Feature } from "../types.ts";
import { demoLoginQuery } from "./accounts-api.ts";

// Each page in its own chunk (see routes/lazy-page.ts); the routes below stay eager.
const AccountPage = lazyPage(() => import("./account-page.tsx"), "AccountPage");
const InvitationPage = lazyPage(() => import("./invitation-page.tsx"), "InvitationPage");
const LoginPage = lazyPage(() => import("./login-page.tsx"), "LoginPage");
const EmailLinkPage = lazyPage(() => import("./email-link-page.tsx"), "EmailLinkPage");

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/logga-in",
  // `redirect` brings the user back to the page that asked for a login; only local paths pass.
  // `upplasning` is the one-time link a locked account's owner was mailed (logs in despite the lock).
  validateSearch: (
    search: Record<string, unknown>,
  ): { redirect?: string; loggedOut?: boolean; upplasning?: string } => ({
    redirect: safeRedirect(search.redirect),
    loggedOut: search.loggedOut === true || search.loggedOut === "true" ? true : undefined,
    upplasning: typeof search.upplasning === "string" ? search.upplasning.slice(0, 200) : undefined,
  }),
  // The demo hint stands above the form: fetched beside the page's chunk, it is there when the page first
  // shows instead of pushing the form down afterwards (layout shift). A failure just leaves the hint out.
  loader: ({ context }) => context.queryClient.ensureQueryData(demoLoginQuery).catch(() => null),
  component: withPage(LoginPage, function LoginRoute() {
    const search = loginRoute.useSearch();
    return (
      <LoginPage
        redirect={search.redirect}
        loggedOut={search.loggedOut ?? false}
        unlockToken={search.upplasning}
      />
    );
  }),
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
  component: withPage(InvitationPage, function InvitationRoute() {
    return <InvitationPage token={invitationRoute.useParams().token} />;
  }),
});

/** The landing page of a mailed sign-in link: a button posts the token (scanners do not spend it). */
const emailLinkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/logga-in/lank/$token",
  component: withPage(EmailLinkPage, function EmailLinkRoute() {
    return <EmailLinkPage token={emailLinkRoute.useParams().token} />;
  }),
});

/** Logging in, one's own account, and activating an account from an invitation link. */
export const accountsFeature: Feature = {
  name: "accounts",
  routes: [loginRoute, accountRoute, invitationRoute, emailLinkRoute],
};
