// The identity module's door: sign-in through SAML 2.0 IdPs and OpenID Connect providers.
export { type IdentityConfig, identityConfigFromEnv } from "./identity.config.ts";
export * as personalData from "./identity.personal-data.ts";
export { registerIdentityRoutes } from "./identity.routes.ts";
