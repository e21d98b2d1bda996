import { createServer } from "node:net";
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignedXml } from "xml-crypto";
import {
  type IdpUser,
  prepareSimpleSamlPhp,
  type RunningIdp,
  selfSignedPair,
} from "../../../../e2e/support/simplesamlphp.ts";
import { auditLog, users } from "../../platform/platform.schema.ts";
import { FormClient, type Page } from "../../test/form-client.ts";
import { createTestApp, demo, type TestApp } from "../../test/harness.ts";
import { identityFlows, userIdentities } from "./identity.schema.ts";

/**
 * SAML 2.0 sign-in against a real IdP: Debian's SimpleSAMLphp (e2e/support/simplesamlphp.ts), its login form
 * submitted by a form-following HTTP client. Samspel listens on "localhost", the IdP on "127.0.0.1": two
 * sites, so the ACS POST is cross-site as in production. Bad answers are made from real ones: tampered,
 * replayed, or re-signed with the IdP's own key but expired.
 */
const anna: IdpUser = {
  username: "anna",
  password: "anna-losen-1",
  eduPersonPrincipalName: "anna@kau.test",
  eduPersonUniqueID: "7f3a9c21@kau.test",
  mail: "anna.andersson@kau.test",
  displayName: "Anna Andersson",
  eduPersonAffiliation: ["member", "staff"],
};
const bertil: IdpUser = {
  username: "bertil",
  password: "bertil-losen-1",
  eduPersonPrincipalName: "bertil@kau.test",
  eduPersonUniqueID: "0b44e1d9@kau.test",
  mail: "bertil.berg@kau.test",
  displayName: "Bertil Berg",
  eduPersonAffiliation: ["member", "faculty"],
};

let idp: RunningIdp;
let t: TestApp;
let base: string;

beforeAll(async () => {
  idp = await prepareSimpleSamlPhp([anna, bertil]);
  const sp = selfSignedPair("Samspel SP (test)");
  const port = await freePort();
  base = `http://localhost:${port}`;
  t = await createTestApp({
    config: {
      publicUrl: base,
      identity: {
        saml: {
          entityId: `${base}/api/auth/saml`,
          privateKey: sp.key,
          certificate: sp.cert,
          metadataRefreshMinutes: 60,
          idps: [{ id: "kau", name: "Karlstads universitet (test)", metadataUrl: idp.metadataUrl }],
        },
        oidc: [],
        allowHttp: true,
      },
    },
  });
  await t.app.listen({ port, host: "127.0.0.1" });
  const metadata = await t.request({ method: "GET", url: "/api/auth/saml/kau/metadata" });
  expect(metadata.statusCode).toBe(200);
  await idp.start(metadata.body);
}, 60_000);

afterAll(async () => {
  await idp?.close();
});

/** Through Samspel's login route and SimpleSAMLphp's form, up to the page that posts the answer to our ACS. */
async function throughIdp(client: FormClient, user: IdpUser, returnTo = "/organisationer") {
  const loginPage = await client.go(
    `${base}/api/auth/saml/kau/login?returnTo=${encodeURIComponent(returnTo)}`,
  );
  expect(loginPage.url.startsWith(idp.url), loginPage.body.slice(0, 500)).toBe(true);
  expect(loginPage.body).toMatch(/name="username"/);
  const posting = await client.submit(loginPage, { username: user.username, password: user.password });
  const form = /<form[^>]*action="([^"]+)"/.exec(posting.body);
  expect(form?.[1], `${posting.status} ${posting.body.slice(0, 1500)}\n${idp.log().slice(-3000)}`).toBe(
    `${base}/api/auth/saml/kau/acs`,
  );
  return posting;
}

const field = (page: Page, name: string) =>
  new RegExp(`name="${name}"\\s+value="([^"]*)"`).exec(page.body)?.[1] ?? "";

async function me(client: FormClient) {
  const page = await client.request(`${base}/api/auth/me`);
  return { status: page.status, body: page.status === 200 ? JSON.parse(page.body) : JSON.parse(page.body) };
}

const postAcs = (samlResponse: string, relayState = "/") =>
  t.request({
    method: "POST",
    url: "/api/auth/saml/kau/acs",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ SAMLResponse: samlResponse, RelayState: relayState }).toString(),
  });

const ns = {
  saml: "urn:oasis:names:tc:SAML:2.0:assertion",
  ds: "http://www.w3.org/2000/09/xmldsig#",
};

/** Decodes a Response, lets `change` edit it, drops its signatures and signs the assertion with `key`. */
function reSigned(samlResponse: string, key: string, change: (doc: Document) => void): string {
  const doc = new DOMParser().parseFromString(
    Buffer.from(samlResponse, "base64").toString("utf8"),
    "text/xml",
  ) as unknown as Document;
  for (const signature of Array.from(doc.getElementsByTagNameNS(ns.ds, "Signature")))
    signature.parentNode?.removeChild(signature);
  change(doc);
  const signer = new SignedXml({
    privateKey: key,
    canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
    signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
  });
  signer.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
    transforms: [
      "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
      "http://www.w3.org/2001/10/xml-exc-c14n#",
    ],
  });
  signer.computeSignature(new XMLSerializer().serializeToString(doc as unknown as Node), {
    location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: "after" },
  });
  return Buffer.from(signer.getSignedXml()).toString("base64");
}

function setAttribute(doc: Document, oid: string, value: string) {
  for (const attribute of Array.from(doc.getElementsByTagNameNS(ns.saml, "Attribute")))
    if (attribute.getAttribute("Name") === oid)
      attribute.getElementsByTagNameNS(ns.saml, "AttributeValue")[0].textContent = value;
}

function expectRefused(
  res: { statusCode: number; headers: Record<string, unknown>; json(): any },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
  expect(res.json().code).toBe(code);
  expect(res.headers["set-cookie"]).toBeUndefined();
  expect(res.headers.location).toBeUndefined();
}

async function sessionsOf(email: string) {
  const [user] = await t.database.db.select().from(users).where(eq(users.email, email));
  return user;
}

describe("SAML sign-in through SimpleSAMLphp", () => {
  it("publishes SP metadata with our entity id, this IdP's ACS and our signing certificate", async () => {
    const res = await t.request({ method: "GET", url: "/api/auth/saml/kau/metadata" });
    expect(res.headers["content-type"]).toMatch(/application\/samlmetadata\+xml/);
    expect(res.body).toContain(`entityID="${base}/api/auth/saml"`);
    expect(res.body).toContain(`Location="${base}/api/auth/saml/kau/acs"`);
    expect(res.body).toContain('AuthnRequestsSigned="true"');
    expect(res.body).toContain("X509Certificate");
  });

  it("lists the IdP on the public providers list", async () => {
    const res = await t.request({ method: "GET", url: "/api/auth/providers" });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      {
        id: "kau",
        protocol: "saml",
        name: "Karlstads universitet (test)",
        loginUrl: "/api/auth/saml/kau/login",
      },
    ]);
  });

  it("signs a new person in through the IdP's form, as a user without roles, with the attributes mapped", async () => {
    const client = new FormClient();
    const posting = await throughIdp(client, anna);
    const acs = await client.submit(posting);
    // ACS → same-site completion → where the sign-in started.
    expect(new URL(acs.url).pathname).toBe("/organisationer");
    expect(client.cookies(base).get("samspel_session")).toBeTruthy();
    const who = await me(client);
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ email: anna.mail, name: anna.displayName, roles: [] });
    const [identity] = await t.database.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.subject, anna.eduPersonUniqueID));
    expect(identity.provider).toBe("saml:kau");
    expect(identity.attributes).toMatchObject({
      eduPersonPrincipalName: anna.eduPersonPrincipalName,
      mail: anna.mail,
      displayName: anna.displayName,
      eduPersonAffiliation: ["member", "staff"],
    });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, identity.userId));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["identity.link", "auth.login"]));
  });

  it("joins an invited person to the invitation's roles by e-mail", async () => {
    const admin = await t.login(demo.admin);
    const invite = await t.request({
      method: "POST",
      url: "/api/admin/invitations",
      as: admin,
      payload: {
        email: bertil.mail,
        name: "Bertil B.",
        roles: [{ role: "coordinator", scopeType: null, scopeId: null }],
      },
    });
    expect(invite.statusCode).toBe(201);
    const client = new FormClient();
    await client.submit(await throughIdp(client, bertil));
    const who = await me(client);
    expect(who.body.email).toBe(bertil.mail);
    expect(who.body.roles).toEqual([{ role: "coordinator", scopeType: null, scopeId: null }]);
    // Signing in again finds the same user through the linked identity.
    const again = new FormClient();
    await again.submit(await throughIdp(again, bertil));
    expect((await me(again)).body.email).toBe(bertil.mail);
    const linked = await t.database.db.select().from(users).where(eq(users.email, bertil.mail));
    expect(linked).toHaveLength(1);
  });

  it("refuses an answer posted a second time (replayed assertion id)", async () => {
    const client = new FormClient();
    const posting = await throughIdp(client, anna);
    const response = field(posting, "SAMLResponse");
    const first = await postAcs(response);
    expect(first.statusCode).toBe(303);
    expectRefused(await postAcs(response), 401, "samlReplayed");
    expect((await postAcs(response)).json().detail).toBe(
      "Svaret från inloggningstjänsten har redan använts. Börja om från inloggningssidan.",
    );
  });

  it("refuses an answer whose signed content was changed (wrong signature), signing nobody in", async () => {
    const client = new FormClient();
    const posting = await throughIdp(client, anna);
    const xml = Buffer.from(field(posting, "SAMLResponse"), "base64").toString("utf8");
    const forged = Buffer.from(xml.replace(anna.mail, "admin@demo.samspel.se")).toString("base64");
    const res = await postAcs(forged);
    expectRefused(res, 401, "samlInvalid");
    expect(res.json().detail).toMatch(/^Svaret från inloggningstjänsten kunde inte godkännas/);
  });

  it("refuses an assertion signed by a key the IdP's metadata does not hold", async () => {
    const client = new FormClient();
    const posting = await throughIdp(client, anna);
    const attacker = selfSignedPair("Not the IdP");
    const forged = reSigned(field(posting, "SAMLResponse"), attacker.key, (doc) =>
      setAttribute(doc, "urn:oid:0.9.2342.19200300.100.1.3", demo.admin),
    );
    expectRefused(await postAcs(forged), 401, "samlInvalid");
    expect(await sessionsOf(demo.admin)).toBeTruthy();
  });

  it("refuses an expired assertion even when the IdP's own key signed it", async () => {
    const client = new FormClient();
    const posting = await throughIdp(client, anna);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const expired = reSigned(field(posting, "SAMLResponse"), idp.signingKey, (doc) => {
      for (const tag of ["Conditions", "SubjectConfirmationData"])
        for (const element of Array.from(doc.getElementsByTagNameNS(ns.saml, tag)))
          element.setAttribute("NotOnOrAfter", past);
    });
    const res = await postAcs(expired);
    expectRefused(res, 401, "samlExpired");
    expect(res.json().detail).toBe(
      "Svaret från inloggningstjänsten har gått ut. Börja om från inloggningssidan.",
    );
  });

  it("accepts an answer re-signed with the IdP's key (the forgeries above fail for their flaw alone)", async () => {
    const client = new FormClient();
    const posting = await throughIdp(client, anna);
    const genuine = reSigned(field(posting, "SAMLResponse"), idp.signingKey, () => {});
    expect((await postAcs(genuine)).statusCode).toBe(303);
  });

  it("refuses an answer to no request of ours (unsolicited, InResponseTo unknown)", async () => {
    const client = new FormClient();
    const posting = await throughIdp(client, anna);
    const unsolicited = reSigned(field(posting, "SAMLResponse"), idp.signingKey, (doc) => {
      doc.documentElement.setAttribute("InResponseTo", "_not-ours");
      for (const element of Array.from(doc.getElementsByTagNameNS(ns.saml, "SubjectConfirmationData")))
        element.setAttribute("InResponseTo", "_not-ours");
    });
    expectRefused(await postAcs(unsolicited), 401, "samlInvalid");
  });

  it("answers 400 for an unknown IdP and for garbage, in Swedish", async () => {
    for (const url of ["/api/auth/saml/okand/login", "/api/auth/saml/okand/metadata"]) {
      const res = await t.request({ method: "GET", url });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toBe("Inloggningstjänsten ”okand” finns inte i Samspel.");
    }
    const acs = await t.request({
      method: "POST",
      url: "/api/auth/saml/okand/acs",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "SAMLResponse=abc",
    });
    expectRefused(acs, 400, "ssoUnknownProvider");
    expectRefused(await postAcs("bm90IHhtbA=="), 401, "samlInvalid");
    const empty = await t.request({
      method: "POST",
      url: "/api/auth/saml/kau/acs",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "RelayState=/",
    });
    expect(empty.statusCode).toBe(422);
  });

  it("spends the same-site handoff code once", async () => {
    const client = new FormClient();
    const posting = await throughIdp(client, anna);
    const acs = await postAcs(field(posting, "SAMLResponse"), "/start");
    const completeUrl = acs.headers.location as string;
    expect(completeUrl).toMatch(/^\/api\/auth\/saml\/kau\/complete\?code=/);
    const first = await t.request({ method: "GET", url: completeUrl });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe("/start");
    expectRefused(await t.request({ method: "GET", url: completeUrl }), 400, "ssoHandoff");
  });

  it("logs out here and at the IdP (single logout)", async () => {
    const client = new FormClient();
    await client.submit(await throughIdp(client, anna));
    const session = client.cookies(base).get("samspel_session")!;
    const who = await me(client);
    const logout = await t.request({
      method: "POST",
      url: "/api/auth/saml/kau/logout",
      as: { cookie: `samspel_session=${session}`, csrfToken: who.body.csrfToken },
    });
    expect(logout.statusCode).toBe(200);
    const { redirectTo } = logout.json();
    expect(redirectTo.startsWith(`${idp.url}/saml2/idp/SingleLogoutService.php?SAMLRequest=`)).toBe(true);
    // SimpleSAMLphp answers with a LogoutResponse on an auto-posting form to our SLO endpoint.
    const back = await client.submit(await client.go(redirectTo));
    expect(back.url).toBe(`${base}/`);
    expect((await me(client)).status).toBe(401);
    // The IdP's session is gone too: the next sign-in shows its form again.
    const again = await client.go(`${base}/api/auth/saml/kau/login`);
    expect(again.body).toMatch(/name="username"/);
  });

  it("keeps no pending flow rows it does not need", async () => {
    const rows = await t.database.db.select().from(identityFlows).where(eq(identityFlows.kind, "handoff"));
    expect(rows.every((r) => r.expiresAt > new Date())).toBe(true);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}
