import { type CacheProvider, type Profile, SAML, ValidateInResponseTo } from "@node-saml/node-saml";
import { DOMParser } from "@xmldom/xmldom";
import xpath from "xpath";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { IdentityConfig, SamlIdpConfig } from "./identity.config.ts";
import { peek, putOnce, takeOnce } from "./identity.flows.ts";
import { MetadataCache } from "./saml-metadata.ts";

type SamlSettings = NonNullable<IdentityConfig["saml"]>;

/** The attributes SWAMID releases, by OID (what IdPs send) and by friendly name (what some send instead). */
const ATTRIBUTES = {
  uniqueId: ["urn:oid:1.3.6.1.4.1.5923.1.1.1.13", "eduPersonUniqueID"],
  eppn: ["urn:oid:1.3.6.1.4.1.5923.1.1.1.6", "eduPersonPrincipalName"],
  mail: ["urn:oid:0.9.2342.19200300.100.1.3", "mail"],
  displayName: ["urn:oid:2.16.840.1.113730.3.1.241", "displayName"],
  affiliation: ["urn:oid:1.3.6.1.4.1.5923.1.1.1.1", "eduPersonAffiliation"],
} as const;

/** A person as an IdP vouched for them, mapped from the assertion's attributes. */
export interface ExternalPerson {
  subject: string;
  email: string | null;
  name: string | null;
  attributes: Record<string, unknown>;
}

const CLOCK_SKEW_MS = 60_000;
const REQUEST_SECONDS = 10 * 60;

/** A sign-in the IdP refused or we could not believe: 401, logged with the reason, nobody signed in. */
const rejected = (key: "samlInvalid" | "samlExpired" | "samlReplayed", reason: string) =>
  Object.assign(new AppError(key), { reason });

export class SamlProviders {
  private readonly metadata: MetadataCache;
  constructor(
    private readonly db: Db,
    private readonly settings: SamlSettings | null,
    private readonly publicUrl: string,
    warn: (message: string, error: unknown) => void,
  ) {
    this.metadata = new MetadataCache(settings?.metadataRefreshMinutes ?? 60, warn);
  }

  list(): SamlIdpConfig[] {
    return this.settings?.idps ?? [];
  }

  idp(id: string): SamlIdpConfig {
    const idp = this.settings?.idps.find((i) => i.id === id);
    if (!idp) throw new AppError("ssoUnknownProvider", "errors.ssoUnknownProvider", { provider: id });
    return idp;
  }

  acsUrl = (idp: string) => `${this.publicUrl}/api/auth/saml/${idp}/acs`;
  sloUrl = (idp: string) => `${this.publicUrl}/api/auth/saml/${idp}/slo`;

  /** Our SP metadata for one IdP: the entity id, this IdP's ACS and SLO endpoints, our signing certificate. */
  spMetadata(id: string): string {
    const idp = this.idp(id);
    const settings = this.settings!;
    const saml = new SAML({
      ...this.baseOptions(idp),
      idpCert: "unused-for-metadata",
    });
    return saml.generateServiceProviderMetadata(null, settings.certificate);
  }

  /** A signed AuthnRequest on the HTTP-Redirect binding; its id is kept for InResponseTo. */
  async loginUrl(id: string, relayState: string): Promise<string> {
    const saml = await this.client(this.idp(id));
    return saml.getAuthorizeUrlAsync(relayState, undefined, {});
  }

  /**
   * Validates the IdP's POSTed Response: the signature against the IdP's metadata certificates, issuer,
   * audience, time window, InResponseTo one of our requests; then spends the assertion id, so the same
   * assertion posted again is refused until it has expired anyway.
   */
  async consume(id: string, samlResponse: string): Promise<{ person: ExternalPerson; profile: Profile }> {
    const idp = this.idp(id);
    const saml = await this.client(idp);
    // Before validation, only to name the refusal: the same assertion again is a replay (its request id is
    // spent too, which node-saml would report as an unknown InResponseTo). Nothing here can accept anything.
    const unverified = assertionFacts(Buffer.from(samlResponse, "base64").toString("utf8"), "//");
    if (unverified.id && (await peek(this.db, "saml-assertion", `${id}:${unverified.id}`)))
      throw rejected("samlReplayed", `assertion ${unverified.id} seen before`);
    let profile: Profile | null;
    try {
      ({ profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // node-saml reports a passed SubjectConfirmationData NotOnOrAfter as "no valid subject confirmation".
      const lapsed = unverified.notOnOrAfter !== null && unverified.notOnOrAfter < Date.now() - CLOCK_SKEW_MS;
      if (/expired/i.test(message) || (lapsed && /subject confirmation/i.test(message)))
        throw rejected("samlExpired", message);
      throw rejected("samlInvalid", message);
    }
    if (!profile) throw rejected("samlInvalid", "no profile in the response");
    const assertion = assertionFacts(profile.getAssertionXml?.() ?? "");
    if (!assertion.id) throw rejected("samlInvalid", "assertion without ID");
    const until = new Date(Math.max(assertion.notOnOrAfter ?? 0, Date.now() + 5 * 60_000) + CLOCK_SKEW_MS);
    if (!(await putOnce(this.db, "saml-assertion", `${id}:${assertion.id}`, `saml:${id}`, {}, until)))
      throw rejected("samlReplayed", `assertion ${assertion.id} seen before`);
    return { person: personOf(profile), profile };
  }

  /** A signed LogoutRequest to the IdP's single logout service, or null when the IdP offers none. */
  async logoutUrl(id: string, session: { nameID: string; nameIDFormat: string; sessionIndex?: string }) {
    const idp = this.idp(id);
    const metadata = await this.fetchMetadata(idp);
    if (!metadata.sloUrl) return null;
    const saml = await this.client(idp);
    return saml.getLogoutUrlAsync({ issuer: metadata.entityId, ...session } as Profile, "/", {});
  }

  /** Checks a LogoutResponse the IdP POSTs back after our LogoutRequest. */
  async logoutResponse(id: string, samlResponse: string) {
    // node-saml looks for InResponseTo on a <Response> only: a <LogoutResponse>'s is checked here, against
    // our LogoutRequest's id, after node-saml has verified the signature.
    const saml = await this.client(this.idp(id), ValidateInResponseTo.never);
    let loggedOut: boolean;
    try {
      ({ loggedOut } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse }));
    } catch (error) {
      throw rejected("samlInvalid", error instanceof Error ? error.message : String(error));
    }
    const doc = new DOMParser().parseFromString(
      Buffer.from(samlResponse, "base64").toString("utf8"),
      "text/xml",
    );
    const root = doc.documentElement;
    const status = xpath.select1(
      "string(/*[local-name()='LogoutResponse']/*[local-name()='Status']/*[local-name()='StatusCode']/@Value)",
      doc as unknown as Node,
    );
    const inResponseTo = root?.getAttribute("InResponseTo") ?? "";
    if (!loggedOut || !inResponseTo || !(await takeOnce(this.db, "saml-request", inResponseTo, `saml:${id}`)))
      throw rejected("samlInvalid", "LogoutResponse to no LogoutRequest of ours");
    return { success: status === "urn:oasis:names:tc:SAML:2.0:status:Success" };
  }

  /** Checks a LogoutResponse (or an IdP-initiated LogoutRequest) arriving on the redirect binding. */
  async logoutMessage(id: string, query: Record<string, string>, originalQuery: string) {
    const saml = await this.client(this.idp(id));
    try {
      return await saml.validateRedirectAsync(query, originalQuery);
    } catch (error) {
      throw rejected("samlInvalid", error instanceof Error ? error.message : String(error));
    }
  }

  async logoutResponseUrl(id: string, request: Profile, relayState: string) {
    const saml = await this.client(this.idp(id));
    return saml.getLogoutResponseUrlAsync(request, relayState, {}, true);
  }

  private async fetchMetadata(idp: SamlIdpConfig) {
    try {
      return await this.metadata.get(idp.metadataUrl);
    } catch (error) {
      throw Object.assign(new AppError("ssoUnavailable"), {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private baseOptions(idp: SamlIdpConfig) {
    const settings = this.settings!;
    return {
      issuer: settings.entityId,
      callbackUrl: this.acsUrl(idp.id),
      logoutCallbackUrl: this.sloUrl(idp.id),
      privateKey: settings.privateKey,
      publicCert: settings.certificate,
      signatureAlgorithm: "sha256" as const,
      digestAlgorithm: "sha256" as const,
      identifierFormat: null,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      disableRequestedAuthnContext: true,
      acceptedClockSkewMs: CLOCK_SKEW_MS,
    };
  }

  /** A node-saml client for one IdP with its current metadata (fetched or from the cache). */
  private async client(
    idp: SamlIdpConfig,
    inResponseTo: ValidateInResponseTo = ValidateInResponseTo.always,
  ): Promise<SAML> {
    const metadata = await this.fetchMetadata(idp);
    return new SAML({
      ...this.baseOptions(idp),
      entryPoint: metadata.ssoUrl,
      logoutUrl: metadata.sloUrl ?? metadata.ssoUrl,
      idpCert: metadata.certificates,
      idpIssuer: metadata.entityId,
      audience: this.settings!.entityId,
      validateInResponseTo: inResponseTo,
      requestIdExpirationPeriodMs: REQUEST_SECONDS * 1000,
      cacheProvider: this.requestIds(idp.id),
    });
  }

  /** Our AuthnRequest ids, in the database so that any process may receive the IdP's answer. */
  private requestIds(idp: string): CacheProvider {
    const db = this.db;
    const provider = `saml:${idp}`;
    return {
      async saveAsync(key, value) {
        const createdAt = Date.now();
        await putOnce(
          db,
          "saml-request",
          key,
          provider,
          { value },
          new Date(createdAt + REQUEST_SECONDS * 1000),
        );
        return { value, createdAt };
      },
      async getAsync(key) {
        const row = await peek(db, "saml-request", key);
        return row?.provider === provider ? String(row.data.value) : null;
      },
      async removeAsync(key) {
        if (!key) return null;
        const data = await takeOnce(db, "saml-request", key, provider);
        return data ? String(data.value) : null;
      },
    };
  }
}

function first(profile: Profile, names: readonly string[]): string | null {
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  for (const name of names) {
    const value = attributes[name];
    const one = Array.isArray(value) ? value[0] : value;
    if (typeof one === "string" && one.trim()) return one.trim();
  }
  return null;
}

function all(profile: Profile, names: readonly string[]): string[] {
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  for (const name of names) {
    const value = attributes[name];
    if (value != null) return (Array.isArray(value) ? value : [value]).map(String);
  }
  return [];
}

/** eduPersonUniqueID, else eduPersonPrincipalName, else a persistent NameID: never a transient one. */
export function personOf(profile: Profile): ExternalPerson {
  const uniqueId = first(profile, ATTRIBUTES.uniqueId);
  const eppn = first(profile, ATTRIBUTES.eppn);
  const persistent =
    profile.nameIDFormat === "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent" ? profile.nameID : null;
  const subject = uniqueId ?? eppn ?? persistent;
  if (!subject) throw new AppError("ssoNoSubject");
  const email = first(profile, ATTRIBUTES.mail);
  const name = first(profile, ATTRIBUTES.displayName);
  return {
    subject,
    email,
    name,
    attributes: {
      eduPersonUniqueID: uniqueId,
      eduPersonPrincipalName: eppn,
      mail: email,
      displayName: name,
      eduPersonAffiliation: all(profile, ATTRIBUTES.affiliation),
      nameID: profile.nameID,
      nameIDFormat: profile.nameIDFormat,
      sessionIndex: profile.sessionIndex ?? null,
    },
  };
}

/** The validated assertion's ID and the end of its validity (Conditions or SubjectConfirmationData). */
function assertionFacts(xml: string, root = "/"): { id: string | null; notOnOrAfter: number | null } {
  if (!xml.trim().startsWith("<")) return { id: null, notOnOrAfter: null };
  const quiet = { errorHandler: { warning: () => {}, error: () => {}, fatalError: () => {} } };
  let doc: Node;
  try {
    doc = new DOMParser(quiet).parseFromString(xml, "text/xml") as unknown as Node;
  } catch {
    return { id: null, notOnOrAfter: null };
  }
  const value = (expression: string) => {
    const [node] = xpath.select(expression, doc) as Node[];
    return node?.nodeValue ?? null;
  };
  const id = value(`${root}*[local-name()='Assertion']/@ID`);
  const ends = [
    value(`${root}*[local-name()='Assertion']/*[local-name()='Conditions']/@NotOnOrAfter`),
    value("//*[local-name()='SubjectConfirmationData']/@NotOnOrAfter"),
  ]
    .filter((v): v is string => !!v)
    .map((v) => Date.parse(v))
    .filter((n) => !Number.isNaN(n));
  return { id, notOnOrAfter: ends.length ? Math.max(...ends) : null };
}
