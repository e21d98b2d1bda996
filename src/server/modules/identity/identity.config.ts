import { readFileSync } from "node:fs";

// The configuration's shape lives in the platform (AppConfig carries it); this module reads it from the environment.
import type { IdentityConfig, OidcProviderConfig, SamlIdpConfig } from "../../platform/identity-config.ts";

export type { IdentityConfig, OidcProviderConfig, SamlIdpConfig };

const idPattern = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** `swamid-test` → `SWAMID_TEST`, the infix of that provider's variables. */
const envKey = (id: string) => id.toUpperCase().replaceAll("-", "_");

function list(value: string | undefined, variable: string): string[] {
  const ids = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const id of ids)
    if (!idPattern.test(id)) throw new Error(`${variable}: "${id}" ska vara a–z, 0–9 och bindestreck`);
  return ids;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} saknas`);
  return value;
}

/** Reads the providers from the environment (every variable is described in README.md, "Inloggning via …"). */
export function identityConfigFromEnv(env: NodeJS.ProcessEnv, publicUrl: string): IdentityConfig {
  const idpIds = list(env.SAMSPEL_SAML_IDPS, "SAMSPEL_SAML_IDPS");
  const saml = idpIds.length
    ? {
        entityId: env.SAMSPEL_SAML_SP_ENTITY_ID?.trim() || `${publicUrl}/api/auth/saml`,
        privateKey: readFileSync(required(env, "SAMSPEL_SAML_SP_KEY_FILE"), "utf8"),
        certificate: readFileSync(required(env, "SAMSPEL_SAML_SP_CERT_FILE"), "utf8"),
        metadataRefreshMinutes: Number(env.SAMSPEL_SAML_METADATA_REFRESH_MINUTES ?? 60),
        idps: idpIds.map((id) => ({
          id,
          name: env[`SAMSPEL_SAML_IDP_${envKey(id)}_NAME`]?.trim() || id,
          metadataUrl: required(env, `SAMSPEL_SAML_IDP_${envKey(id)}_METADATA_URL`),
        })),
      }
    : null;
  const oidc = list(env.SAMSPEL_OIDC_PROVIDERS, "SAMSPEL_OIDC_PROVIDERS").map((id) => {
    const k = `SAMSPEL_OIDC_${envKey(id)}`;
    return {
      id,
      name: env[`${k}_NAME`]?.trim() || id,
      issuer: required(env, `${k}_ISSUER`),
      clientId: required(env, `${k}_CLIENT_ID`),
      clientSecret: required(env, `${k}_CLIENT_SECRET`),
      scopes: env[`${k}_SCOPES`]?.trim() || "openid email profile",
    };
  });
  return { saml, oidc, allowHttp: env.SAMSPEL_SSO_ALLOW_HTTP === "1" };
}

export const noIdentityProviders: IdentityConfig = { saml: null, oidc: [], allowHttp: false };
