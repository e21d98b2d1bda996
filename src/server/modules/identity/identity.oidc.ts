import * as client from "openid-client";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { IdentityConfig, OidcProviderConfig } from "./identity.config.ts";
import { putOnce, sha256, takeOnce } from "./identity.flows.ts";
import type { ExternalPerson } from "./identity.saml.ts";

const FLOW_SECONDS = 10 * 60;
const DISCOVERY_MINUTES = 60;

const failed = (key: "oidcState" | "oidcNonce" | "oidcFailed", reason: string) =>
  Object.assign(new AppError(key), { reason });

/** OpenID Connect providers: authorization code with PKCE, state and nonce, discovered from the issuer. */
export class OidcProviders {
  private readonly discovered = new Map<string, { config: client.Configuration; at: number }>();
  constructor(
    private readonly db: Db,
    private readonly settings: IdentityConfig,
    private readonly publicUrl: string,
  ) {}

  list(): OidcProviderConfig[] {
    return this.settings.oidc;
  }

  provider(id: string): OidcProviderConfig {
    const provider = this.settings.oidc.find((p) => p.id === id);
    if (!provider) throw new AppError("ssoUnknownProvider", "errors.ssoUnknownProvider", { provider: id });
    return provider;
  }

  callbackUrl = (id: string) => `${this.publicUrl}/api/auth/oidc/${id}/callback`;

  /**
   * Where to send the browser, and the state to bind to it (a cookie): the PKCE verifier and the nonce stay
   * in the database under the state's hash, spent by the callback.
   */
  async start(id: string, returnTo: string): Promise<{ url: string; state: string }> {
    const provider = this.provider(id);
    const config = await this.configuration(provider);
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await putOnce(
      this.db,
      "oidc-state",
      sha256(state),
      `oidc:${id}`,
      { verifier, nonce, returnTo },
      new Date(Date.now() + FLOW_SECONDS * 1000),
    );
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.callbackUrl(id),
      scope: provider.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * Checks the state against the browser's cookie and our stored flow, redeems the code with the PKCE
   * verifier, and validates the ID token (signature, issuer, audience, expiry, nonce) through openid-client.
   */
  async finish(
    id: string,
    callbackUrl: URL,
    cookieState: string | undefined,
  ): Promise<{ person: ExternalPerson; returnTo: string }> {
    const provider = this.provider(id);
    const state = callbackUrl.searchParams.get("state");
    if (!state || !cookieState || state !== cookieState)
      throw failed("oidcState", "state differs from the browser's cookie");
    const flow = await takeOnce(this.db, "oidc-state", sha256(state), `oidc:${id}`);
    if (!flow) throw failed("oidcState", "no open flow for this state");
    const config = await this.configuration(provider);
    let claims: client.IDToken | undefined;
    let accessToken: string;
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: String(flow.verifier),
        expectedState: state,
        expectedNonce: String(flow.nonce),
        idTokenExpected: true,
      });
      claims = tokens.claims();
      accessToken = tokens.access_token;
    } catch (error) {
      // openid-client names the claim in the cause: 'unexpected ID Token "nonce" claim value'.
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : "";
      const message = `${error instanceof Error ? error.message : String(error)} ${cause}`.trim();
      if (/"nonce"/.test(message)) throw failed("oidcNonce", message);
      throw failed("oidcFailed", message);
    }
    if (!claims) throw failed("oidcFailed", "no ID token");
    let email = typeof claims.email === "string" ? claims.email : null;
    let name = typeof claims.name === "string" ? claims.name : null;
    // Providers that keep profile claims out of the ID token answer them at the userinfo endpoint.
    if (!email || !name) {
      try {
        const info = await client.fetchUserInfo(config, accessToken, claims.sub);
        email ??= typeof info.email === "string" ? info.email : null;
        name ??= typeof info.name === "string" ? info.name : null;
      } catch {
        // Nothing more to learn; a missing e-mail is answered below.
      }
    }
    return {
      person: {
        subject: claims.sub,
        email,
        name,
        attributes: {
          sub: claims.sub,
          email,
          name,
          iss: claims.iss,
          email_verified: claims.email_verified ?? null,
        },
      },
      returnTo: String(flow.returnTo ?? "/"),
    };
  }

  private async configuration(provider: OidcProviderConfig): Promise<client.Configuration> {
    const cached = this.discovered.get(provider.id);
    if (cached && Date.now() - cached.at < DISCOVERY_MINUTES * 60_000) return cached.config;
    try {
      const config = await client.discovery(
        new URL(provider.issuer),
        provider.clientId,
        provider.clientSecret,
        undefined,
        this.settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      this.discovered.set(provider.id, { config, at: Date.now() });
      return config;
    } catch (error) {
      throw Object.assign(new AppError("ssoUnavailable"), {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
