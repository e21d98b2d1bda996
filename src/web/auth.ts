import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { redirect } from "@tanstack/react-router";
import type { LoginInput, MeView } from "../common/accounts.ts";
import { ApiError, api, setCsrfToken } from "./api.ts";
import i18n from "./i18n/index.ts";
import type { RouterContext } from "./routes/root.tsx";

export type Me = MeView;

/**
 * The server's hint that this browser has a session (SIGNED_IN_HINT_COOKIE in src/server/platform/static.ts,
 * set on every page load). Without it the visitor is the public and /api/auth/me is not asked: an anonymous
 * visitor's page makes no request that answers 401. The Vite dev server serves the page without the hint, so
 * there the web always asks.
 */
const HINT = "samspel_signed_in";
const devServer = Boolean((import.meta as { env?: { DEV?: boolean } }).env?.DEV);

function mayHaveSession() {
  return devServer || new RegExp(`(?:^|;\\s*)${HINT}=1`).test(document.cookie);
}

function setSessionHint(signedIn: boolean) {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in Firefox; this value needs no escaping
  document.cookie = signedIn
    ? `${HINT}=1; path=/; samesite=lax`
    : `${HINT}=; path=/; max-age=0; samesite=lax`;
}

/** The logged-in user, or null for the public. A 401 is an answer here, not an error. */
export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: async (): Promise<Me | null> => {
    if (!mayHaveSession()) {
      setCsrfToken(null);
      return null;
    }
    try {
      const me = await api.get<Me>("/api/auth/me");
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        setSessionHint(false);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export function useMe(): Me | null {
  return useQuery(meQuery).data ?? null;
}

/** Stores a fresh Me (after login or accepting an invitation) and drops data of the previous user. */
export function useSetMe() {
  const queryClient = useQueryClient();
  return (me: Me | null) => {
    setCsrfToken(me?.csrfToken ?? null);
    setSessionHint(me !== null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "me" });
    queryClient.setQueryData(meQuery.queryKey, me);
  };
}

export function useLogin() {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<Me>("/api/auth/login", input),
    onSuccess: setMe,
  });
}

export function useLogout() {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: () => api.post<void>("/api/auth/logout"),
    onSettled: () => setMe(null),
  });
}

/** Only a path inside this site may be a redirect target (no `//evil.example`). */
export function safeRedirect(target: unknown): string | undefined {
  return typeof target === "string" && target.startsWith("/") && !target.startsWith("//")
    ? target
    : undefined;
}

type GuardArgs = { context: RouterContext; location: { href: string } };

/**
 * `beforeLoad` guard for pages that need a login: the public is sent to the login page, which
 * returns here afterwards. Usage: `createRoute({ …, beforeLoad: requireLogin })`.
 */
export async function requireLogin({ context, location }: GuardArgs): Promise<{ me: Me }> {
  const me = await context.queryClient.ensureQueryData(meQuery);
  if (!me) throw redirect({ to: "/logga-in", search: { redirect: location.href } });
  return { me };
}

/**
 * `beforeLoad` guard for pages that need an ability the server grants (Me.abilities): the public
 * goes to the login page, a logged-in user without it sees the 403 message.
 */
export function requireAbility(ability: keyof Me["abilities"]) {
  return async (args: GuardArgs): Promise<{ me: Me }> => {
    const { me } = await requireLogin(args);
    if (!me.abilities[ability]) {
      const detail = i18n.t("errors.forbidden");
      throw new ApiError({
        type: "/problems/forbidden",
        title: detail,
        status: 403,
        code: "forbidden",
        detail,
      });
    }
    return { me };
  };
}
