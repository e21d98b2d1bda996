import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./support/browser.ts";
import { expectNoAxeViolations, heading, visible } from "./support/index.ts";
import { type RunningApp, startApp } from "./support/server.ts";
import {
  type IdpUser,
  prepareSimpleSamlPhp,
  type RunningIdp,
  selfSignedPair,
} from "./support/simplesamlphp.ts";

/**
 * A university employee signs in to Samspel through their university's SAML IdP: Debian's SimpleSAMLphp on
 * 127.0.0.1 (e2e/support/simplesamlphp.ts), Samspel on "localhost", so in Chromium the IdP's POST to our ACS
 * is cross-site and the SameSite=Lax session cookie has to be set on the same-site redirect after it.
 */
const ulla: IdpUser = {
  username: "ulla",
  password: "ulla-losen-1",
  eduPersonPrincipalName: "ulla@kau.test",
  eduPersonUniqueID: "91c0ffee@kau.test",
  mail: "ulla.upp@kau.test",
  displayName: "Ulla Upp",
  eduPersonAffiliation: ["member", "employee"],
};

let idp: RunningIdp;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  idp = await prepareSimpleSamlPhp([ulla]);
  const sp = selfSignedPair("Samspel SP (e2e)");
  [app, browser] = await Promise.all([
    startApp(inject("e2eSnapshot"), {
      hostname: "localhost",
      config: (url) => ({
        identity: {
          saml: {
            entityId: `${url}/api/auth/saml`,
            privateKey: sp.key,
            certificate: sp.cert,
            metadataRefreshMinutes: 60,
            idps: [{ id: "kau", name: "Karlstads universitet", metadataUrl: idp.metadataUrl }],
          },
          oidc: [],
          allowHttp: true,
        },
      }),
    }),
    launchBrowser(),
  ]);
  await idp.start(await (await fetch(`${app.url}/api/auth/saml/kau/metadata`)).text());
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await idp?.close();
});

describe("SAML single sign-on through SimpleSAMLphp", () => {
  it("signs a new person in through the IdP's login form and lands signed in, without roles", async () => {
    const context = await browser.newContext({ baseURL: app.url, locale: "sv-SE" });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    try {
      await page.goto("/logga-in");
      await heading(page, "Logga in");
      const button = page.getByRole("link", { name: "Logga in med Karlstads universitet" });
      await visible(button);
      await expectNoAxeViolations(page);

      await button.click();
      await page.waitForURL(`${idp.url}/**`);
      await page.locator('input[name="username"]').fill(ulla.username);
      await page.locator('input[name="password"]').fill(ulla.password);
      await page.locator('input[name="password"]').press("Enter");

      // SimpleSAMLphp posts the answer to our ACS (its page submits itself), then Samspel's start page.
      await page.waitForURL(`${app.url}/`);
      await visible(page.getByRole("button", { name: "Logga ut" }));
      const me = await page.evaluate(async () => {
        const res = await fetch("/api/auth/me");
        return { status: res.status, body: await res.json() };
      });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ email: ulla.mail, name: ulla.displayName, roles: [] });
      const cookie = (await context.cookies(app.url)).find((c) => c.name === "samspel_session");
      expect(cookie).toMatchObject({ sameSite: "Lax", httpOnly: true });
      await expectNoAxeViolations(page);
    } catch (error) {
      throw new Error(`${error}\n--- SimpleSAMLphp log ---\n${idp.log().slice(-3000)}`);
    } finally {
      await context.close();
    }
  });
});
