import { createServer as createHttpServer, type Server } from "node:http";
import { createServer } from "node:net";
import { eq } from "drizzle-orm";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FormClient } from "../../test/form-client.ts";
import { createTestApp, type TestApp } from "../../test/harness.ts";
import { userIdentities } from "./identity.schema.ts";

/**
 * OpenID Connect sign-in against a real provider: `oidc-provider` started here on its own port with Samspel
 * registered as a client; its login and consent pages (the library's development interactions) are filled
 * in by a form-following HTTP client. Samspel listens on "localhost", the provider on "127.0.0.1".
 */
const people: Record<string, { email: string; name: string }> = {
  cecilia: { email: "cecilia.carlsson@kommun.test", name: "Cecilia Carlsson" },
  david: { email: "david.dahl@kommun.test", name: "David Dahl" },
};

let t: TestApp;
let base: string;
let issuer: string;
let oidcServer: Server;

beforeAll(async () => {
  const [appPort, providerPort] = [await freePort(), await freePort()];
  base = `http://localhost:${appPort}`;
  issuer = `http://127.0.0.1:${providerPort}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "samspel",
        client_secret: "samspel-test-secret-0123456789",
        redirect_uris: [`${base}/api/auth/oidc/kommun/callback`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, email: people[sub]?.email, email_verified: true, name: people[sub]?.name }),
    }),
    cookies: { keys: ["oidc-provider-test-cookie-key"] },
    features: { devInteractions: { enabled: true } },
  });
  oidcServer = createHttpServer(provider.callback());
  await new Promise<void>((resolve) => oidcServer.listen(providerPort, "127.0.0.1", resolve));
  t = await createTestApp({
    config: {
      publicUrl: base,
      identity: {
        saml: null,
        oidc: [
          {
            id: "kommun",
            name: "Karlstads kommun (test)",
            issuer,
            clientId: "samspel",
            clientSecret: "samspel-test-secret-0123456789",
            scopes: "openid email profile",
          },
        ],
        allowHttp: true,
      },
    },
  });
  await t.app.listen({ port: appPort, host: "127.0.0.1" });
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => oidcServer?.close(resolve));
});

/** From Samspel's login route to the provider's login form (optionally bending the authorization URL). */
async function toProviderLogin(client: FormClient, bend?: (url: URL) => void) {
  const start = await client.request(`${base}/api/auth/oidc/kommun/login?returnTo=/start`);
  expect(start.status).toBe(303);
  const authorize = new URL(start.headers.get("location")!);
  bend?.(authorize);
  const login = await client.go(authorize.href);
  expect(login.body, login.body.slice(0, 800)).toMatch(/name="login"/);
  return { authorize, login };
}

/** Logs in and consents at the provider; stops at the redirect back to our callback. */
async function atProvider(client: FormClient, who: string, bend?: (url: URL) => void) {
  const { login } = await toProviderLogin(client, bend);
  const consent = await client.submit(login, { login: who, password: "vilket-som-helst" });
  expect(consent.body, consent.body.slice(0, 800)).toMatch(/<form/);
  // The consent form posts; the provider answers with redirects ending at Samspel's callback.
  const html = consent.body.match(/<form[^>]*action="([^"]+)"/)![1];
  let page = await client.request(new URL(html, consent.url).href, {
    method: "POST",
    form: { prompt: "consent" },
  });
  while (page.status >= 300 && page.status < 400) {
    const next = new URL(page.headers.get("location")!, page.url).href;
    if (next.startsWith(`${base}/api/auth/oidc/kommun/callback`)) return next;
    page = await client.request(next);
  }
  throw new Error(`the provider did not redirect back: ${page.status} ${page.body.slice(0, 800)}`);
}

async function me(client: FormClient) {
  const page = await client.request(`${base}/api/auth/me`);
  return { status: page.status, body: JSON.parse(page.body) };
}

function expectRefused(
  page: { status: number; headers: Headers; body: string },
  status: number,
  code: string,
) {
  expect(page.status, page.body).toBe(status);
  expect(page.headers.get("content-type")).toMatch(/application\/problem\+json/);
  expect(JSON.parse(page.body).code).toBe(code);
  expect(page.headers.getSetCookie().some((c) => c.startsWith("samspel_session="))).toBe(false);
}

describe("OpenID Connect sign-in through oidc-provider", () => {
  it("lists the provider publicly", async () => {
    const res = await t.request({ method: "GET", url: "/api/auth/providers" });
    expect(res.json().items).toEqual([
      {
        id: "kommun",
        protocol: "oidc",
        name: "Karlstads kommun (test)",
        loginUrl: "/api/auth/oidc/kommun/login",
      },
    ]);
  });

  it("asks for the code with PKCE (S256), a state and a nonce, at the discovered endpoint", async () => {
    const { authorize } = await toProviderLogin(new FormClient());
    expect(authorize.origin + authorize.pathname).toBe(`${issuer}/auth`);
    const q = authorize.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")?.length).toBeGreaterThanOrEqual(43);
    expect(q.get("state")).toBeTruthy();
    expect(q.get("nonce")).toBeTruthy();
    expect(q.get("redirect_uri")).toBe(`${base}/api/auth/oidc/kommun/callback`);
    expect(q.get("scope")).toBe("openid email profile");
  });

  it("signs a new person in through the provider's login and consent pages, without roles", async () => {
    const client = new FormClient();
    const callback = await atProvider(client, "cecilia");
    const landed = await client.request(callback);
    expect(landed.status).toBe(303);
    expect(landed.headers.get("location")).toBe("/start");
    const who = await me(client);
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ email: people.cecilia.email, name: people.cecilia.name, roles: [] });
    const [identity] = await t.database.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.provider, "oidc:kommun"));
    expect(identity).toMatchObject({
      subject: "cecilia",
      attributes: { email: people.cecilia.email, iss: issuer },
    });
    // The same callback again: its state is spent, nobody is signed in a second time.
    expectRefused(await new FormClient().request(callback), 400, "oidcState");
  });

  it("refuses a callback whose state is not the one this browser started (400, nobody signed in)", async () => {
    const client = new FormClient();
    const callback = new URL(await atProvider(client, "david"));
    callback.searchParams.set("state", "not-the-state-we-sent");
    const res = await client.request(callback.href);
    expectRefused(res, 400, "oidcState");
    expect(JSON.parse(res.body).detail).toMatch(/^Inloggningen kunde inte slutföras: svaret hör inte till/);
    expect((await me(client)).status).toBe(401);
  });

  it("refuses the right callback in another browser (no state cookie: login CSRF)", async () => {
    const callback = await atProvider(new FormClient(), "david");
    const other = new FormClient();
    expectRefused(await other.request(callback), 400, "oidcState");
    expect((await me(other)).status).toBe(401);
  });

  it("refuses an ID token whose nonce is not the one of this sign-in (400, nobody signed in)", async () => {
    const client = new FormClient();
    const callback = await atProvider(client, "david", (url) =>
      url.searchParams.set("nonce", "someone-elses-nonce"),
    );
    const res = await client.request(callback);
    expectRefused(res, 400, "oidcNonce");
    expect(JSON.parse(res.body).detail).toBe(
      "Inloggningen kunde inte slutföras: identitetsbeviset hör inte till den här inloggningen. Ingen har loggats in.",
    );
    expect((await me(client)).status).toBe(401);
    const linked = await t.database.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.subject, "david"));
    expect(linked).toEqual([]);
  });

  it("answers 400 in Swedish for an unknown provider", async () => {
    for (const url of ["/api/auth/oidc/okand/login", "/api/auth/oidc/okand/callback?state=a&code=b"]) {
      const res = await t.request({ method: "GET", url });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toBe("Inloggningstjänsten ”okand” finns inte i Samspel.");
    }
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
