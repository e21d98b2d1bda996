import { api } from "../../api.ts";

/** A SAML IdP or OpenID Connect provider the server is configured with, and where its sign-in starts. */
export interface Provider {
  id: string;
  protocol: "saml" | "oidc";
  name: string;
  loginUrl: string;
}

/** The providers offered on the login page ("Logga in med …"). */
export const providersQuery = {
  queryKey: ["auth-providers"],
  queryFn: () => api.get<{ items: Provider[] }>("/api/auth/providers"),
};
