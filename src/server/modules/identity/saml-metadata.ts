import { DOMParser } from "@xmldom/xmldom";
import xpath from "xpath";

/** What we take from an IdP's SAML metadata. */
export interface IdpMetadata {
  entityId: string;
  /** HTTP-Redirect SingleSignOnService. */
  ssoUrl: string;
  /** HTTP-Redirect SingleLogoutService, when the IdP offers single logout. */
  sloUrl: string | null;
  /** Signing certificates (PEM); an IdP rolling its key publishes the old and the new one. */
  certificates: string[];
}

const REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

const pem = (base64: string) =>
  `-----BEGIN CERTIFICATE-----\n${base64
    .replace(/\s+/g, "")
    .replace(/(.{64})/g, "$1\n")
    .trim()}\n-----END CERTIFICATE-----\n`;

function texts(expression: string, doc: Node): string[] {
  return (xpath.select(expression, doc) as Node[]).map((n) => (n.nodeValue ?? n.textContent ?? "").trim());
}

/** Parses an EntityDescriptor; throws when it has no IdP role, no redirect SSO endpoint or no signing key. */
export function parseIdpMetadata(xml: string): IdpMetadata {
  const doc = new DOMParser({ errorHandler: { error: () => {}, fatalError: () => {} } }).parseFromString(
    xml,
    "text/xml",
  ) as unknown as Node;
  const idp = "//*[local-name()='EntityDescriptor']/*[local-name()='IDPSSODescriptor']";
  const [entityId] = texts("//*[local-name()='EntityDescriptor']/@entityID", doc);
  const [ssoUrl] = texts(
    `${idp}/*[local-name()='SingleSignOnService'][@Binding='${REDIRECT}']/@Location`,
    doc,
  );
  const [sloUrl] = texts(
    `${idp}/*[local-name()='SingleLogoutService'][@Binding='${REDIRECT}']/@Location`,
    doc,
  );
  const certificates = texts(
    `${idp}/*[local-name()='KeyDescriptor'][not(@use) or @use='signing']//*[local-name()='X509Certificate']`,
    doc,
  ).map(pem);
  if (!entityId || !ssoUrl || !certificates.length)
    throw new Error(
      "IdP metadata without entityID, HTTP-Redirect SingleSignOnService or signing certificate",
    );
  return { entityId, ssoUrl, sloUrl: sloUrl ?? null, certificates };
}

interface Cached {
  metadata: IdpMetadata;
  fetchedAt: number;
}

/**
 * Fetches each IdP's metadata and keeps it for `refreshMinutes`; then the next use fetches it again (a new
 * signing certificate is picked up without a restart). When a refresh fails, the last good copy is kept
 * and the failure logged: an IdP's short outage does not stop sign-in with the key it had.
 */
export class MetadataCache {
  private readonly cache = new Map<string, Cached>();
  private readonly pending = new Map<string, Promise<IdpMetadata>>();
  constructor(
    private readonly refreshMinutes: number,
    private readonly warn: (message: string, error: unknown) => void,
  ) {}

  async get(url: string): Promise<IdpMetadata> {
    const cached = this.cache.get(url);
    if (cached && Date.now() - cached.fetchedAt < this.refreshMinutes * 60_000) return cached.metadata;
    let fetching = this.pending.get(url);
    if (!fetching) {
      fetching = this.fetch(url).finally(() => this.pending.delete(url));
      this.pending.set(url, fetching);
    }
    try {
      return await fetching;
    } catch (error) {
      if (!cached) throw error;
      this.warn(
        `IdP metadata refresh failed, keeping the copy from ${new Date(cached.fetchedAt).toISOString()}`,
        error,
      );
      return cached.metadata;
    }
  }

  private async fetch(url: string): Promise<IdpMetadata> {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`IdP metadata ${url}: HTTP ${response.status}`);
    const metadata = parseIdpMetadata(await response.text());
    this.cache.set(url, { metadata, fetchedAt: Date.now() });
    return metadata;
  }
}
