import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { acceptInvitationInput, changePasswordInput, loginInput } from "../../../common/accounts.ts";
import type {
  ChallengeView,
  CreatedTokenView,
  createTokenInput,
  EnrolmentView,
  emailLinkInput,
  TokenView,
} from "../../../common/sign-in.ts";
import { api } from "../../api.ts";
import type { Me } from "../../auth.ts";

export type DemoLogin = { email: string; password: string } | null;

/** The demo login the server offers on this machine (null elsewhere); shown above the login form. */
export const demoLoginQuery = queryOptions({
  queryKey: ["demo-login"],
  queryFn: () => api.get<DemoLogin>("/api/auth/demo-login"),
  staleTime: Number.POSITIVE_INFINITY,
});

type Output<S extends z.ZodType> = z.output<S>;

/** Password sign-in: the person, or the second step's challenge. */
export const signIn = (body: Output<typeof loginInput> & { unlockToken?: string }) =>
  api.post<Me | ChallengeView>("/api/auth/login", body);

/** Sends a sign-in link to the address (the answer never says whether it has an account). */
export const sendEmailLink = (body: Output<typeof emailLinkInput>) =>
  api.post<null>("/api/auth/email-link", body);

/** Signs in with the token of a mailed link: the person, or the second step's challenge. */
export const signInWithEmailLink = (token: string) =>
  api.post<Me | ChallengeView>("/api/auth/email-link/sign-in", { token });

/** The authenticator app's enrolment (secret and QR) for a challenge, asked once. */
export const totpEnrolmentQuery = (challenge: string) =>
  queryOptions({
    queryKey: ["totp-enrolment", challenge],
    queryFn: () => api.post<EnrolmentView>("/api/auth/totp/enrolment", { challenge }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

/** The second step's code: confirms an enrolment, or signs in with an enrolled app. */
export const sendSecondStepCode = (enrolling: boolean, challenge: string, code: string) =>
  api.post<Me>(enrolling ? "/api/auth/totp/enrolment/confirm" : "/api/auth/login/totp", { challenge, code });

export const changePassword = (body: Output<typeof changePasswordInput>) =>
  api.post<void>("/api/auth/password", body);

export type Invitation = { email: string; name: string };

/** An invitation by its link's token (410 once used or expired). */
export const invitationQuery = (token: string) => ({
  queryKey: ["invitation", token],
  queryFn: () => api.get<Invitation>(`/api/auth/invitations/${encodeURIComponent(token)}`),
  retry: false,
});

/** Accepts the invitation with a password: the account is active and signed in. */
export const acceptInvitation = (token: string, body: Output<typeof acceptInvitationInput>) =>
  api.post<Me>(`/api/auth/invitations/${encodeURIComponent(token)}/accept`, body);

export const tokensKey = ["api-tokens"];

/** One's own API tokens. */
export const tokensQuery = {
  queryKey: tokensKey,
  queryFn: () => api.get<{ items: TokenView[] }>("/api/auth/tokens"),
};

/** Creates a token; its secret is in this answer only. */
export const createToken = (body: Output<typeof createTokenInput>) =>
  api.post<CreatedTokenView>("/api/auth/tokens", body);

export const revokeToken = (id: string) => api.delete<void>(`/api/auth/tokens/${id}`);
