/** The sign-in providers' configuration (SAML IdPs, OpenID Connect providers): part of AppConfig, read by the identity module. */

/** One SAML identity provider (e.g. a SWAMID university): its metadata is fetched from `metadataUrl`. */
export interface SamlIdpConfig {
  id: string;
  /** Shown on the login page: "Logga in med <name>". */
  name: string;
  metadataUrl: string;
}

/** One OpenID Connect provider (e.g. Microsoft Entra ID): discovered from `issuer`. */
export interface OidcProviderConfig {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
}

export interface IdentityConfig {
  saml: {
    /** Our entity id as a service provider (one for every IdP). */
    entityId: string;
    /** PEM key and certificate that sign our AuthnRequests and LogoutRequests. */
    privateKey: string;
    certificate: string;
    /** How long fetched IdP metadata is trusted before it is fetched again. */
    metadataRefreshMinutes: number;
    idps: SamlIdpConfig[];
  } | null;
  oidc: OidcProviderConfig[];
  /**
   * Plain-http issuers and metadata URLs are refused unless this is true: set only for tests and local trials
   * (SAMSPEL_SSO_ALLOW_HTTP=1).
   */
  allowHttp: boolean;
}
