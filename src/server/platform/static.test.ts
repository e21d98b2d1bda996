import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../demo/users.ts";
import { buildApp } from "../app.ts";
import { openTestDatabase } from "../test/harness.ts";

// A built web app as vite.config.ts leaves it: hashed assets with .br and .gz beside them, index.html at the root.
const webRoot = mkdtempSync(path.join(tmpdir(), "samspel-web-"));
const script = `console.log(${JSON.stringify("Samverkan ".repeat(400))});`;
mkdirSync(path.join(webRoot, "assets"));
writeFileSync(
  path.join(webRoot, "index.html"),
  `<!doctype html><html lang="sv"><title>Samspel</title></html>`,
);
// The first pages' own HTML (vite.config.ts, pageHtml): index.html with their chunks preloaded.
mkdirSync(path.join(webRoot, "pages"));
for (const page of ["logga-in", "evenemang"])
  writeFileSync(
    path.join(webRoot, "pages", `${page}.html`),
    `<!doctype html><html lang="sv"><title>Samspel</title><link rel="modulepreload" href="/assets/${page}.js"><body><div id="root"></div></body></html>`,
  );
// …and the login page drawn (src/web/prerender.tsx), without and with the demo login's hint.
const drawn = (main: string) =>
  `<!doctype html><html lang="sv"><title>Samspel</title><link rel="modulepreload" href="/assets/logga-in.js"><body><div id="root"><main><h1>Logga in</h1>${main}</main></div></body></html>`;
writeFileSync(path.join(webRoot, "pages", "logga-in.sv.html"), drawn("<form></form>"));
writeFileSync(
  path.join(webRoot, "pages", "logga-in.sv-demo.html"),
  drawn(
    "<div>Demoinloggning: __SAMSPEL_DEMO_EMAIL__ med lösenordet __SAMSPEL_DEMO_PASSWORD__</div><form></form>",
  ),
);
writeFileSync(path.join(webRoot, "assets", "main-abc123.js"), script);
writeFileSync(path.join(webRoot, "assets", "main-abc123.js.br"), brotliCompressSync(script));
writeFileSync(path.join(webRoot, "assets", "main-abc123.js.gz"), gzipSync(script));

let app: Awaited<ReturnType<typeof buildApp>>;
let close: () => Promise<void>;
beforeAll(async () => {
  const database = await openTestDatabase();
  app = await buildApp({ database, webRoot });
  close = async () => {
    await app.close();
    await database.close();
  };
});
afterAll(async () => {
  await close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe("the first page goes out small and cached", () => {
  it("sends a hashed asset brotli-compressed from the build, cached for a year as immutable", async () => {
    const res = await app.inject({
      url: "/assets/main-abc123.js",
      headers: { "accept-encoding": "gzip, br" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
    expect(res.rawPayload.length).toBeLessThan(script.length / 5);
  });

  it("sends gzip to a client without brotli, and the plain file to one that accepts neither", async () => {
    const gz = await app.inject({ url: "/assets/main-abc123.js", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ url: "/assets/main-abc123.js" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it("makes the browser revalidate index.html, so a new release is seen at once", async () => {
    const res = await app.inject({ url: "/organisationer", headers: { accept: "text/html" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.body).toContain("<title>Samspel</title>");
  });

  it("tells the page whether the browser has a session, so an anonymous visitor's page never asks /me for a 401", async () => {
    const html = { accept: "text/html" };
    const anonymous = await app.inject({ url: "/evenemang", headers: html });
    expect(anonymous.cookies.find((c) => c.name === "samspel_signed_in")).toBeUndefined();

    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "samordnare@demo.samspel.se", password: DEMO_PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    const session = login.cookies.find((c) => c.name === "samspel_session")!;
    const signedIn = await app.inject({
      url: "/evenemang",
      headers: { ...html, cookie: `samspel_session=${session.value}` },
    });
    const hint = signedIn.cookies.find((c) => c.name === "samspel_signed_in");
    expect(hint?.value).toBe("1");
    expect(hint?.httpOnly).toBeFalsy(); // the page's script reads it

    // After the session has ended (logged out elsewhere), the next page load takes the hint away.
    const ended = await app.inject({
      url: "/evenemang",
      headers: { ...html, cookie: "samspel_signed_in=1" },
    });
    const cleared = ended.cookies.find((c) => c.name === "samspel_signed_in");
    expect(cleared?.value).toBe("");
  });

  it("sends the login page and the calendar with their chunks preloaded and the answers they need at once", async () => {
    const initialData = (body: string) =>
      JSON.parse(
        body.match(/<script type="application\/json" id="samspel-initial-data">(.*?)<\/script>/)![1]!,
      );
    const login = await app.inject({
      url: "/logga-in?redirect=%2Fkonto",
      headers: { accept: "text/html", "accept-encoding": "br" },
    });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.headers["content-type"]).toMatch(/^text\/html/);
    expect(login.headers["cache-control"]).toBe("no-cache");
    expect(login.headers["content-encoding"]).toBe("br");
    const loginHtml = brotliDecompressSync(login.rawPayload).toString();
    expect(loginHtml).toContain('<link rel="modulepreload" href="/assets/logga-in.js">');
    // No demo login on this server, and no sign-in providers configured: the page knows without asking.
    expect(initialData(loginHtml)).toEqual({
      "/api/auth/demo-login": null,
      "/api/auth/providers": { items: [] },
    });
    // An anonymous visitor gets the page already drawn, the login heading in the HTML itself.
    expect(loginHtml).toContain("<main><h1>Logga in</h1><form></form></main>");
    // Someone who chose English, or a message the drawn page lacks (?loggedOut): the page as React draws it.
    for (const request of [
      { url: "/logga-in", headers: { accept: "text/html", cookie: "samspel_lang=en" } },
      { url: "/logga-in?loggedOut=true", headers: { accept: "text/html" } },
    ]) {
      const res = await app.inject(request);
      expect(res.body).toContain('href="/assets/logga-in.js"');
      expect(res.body).not.toContain("<h1>");
    }

    const calendar = await app.inject({ url: "/evenemang/", headers: { accept: "text/html" } });
    const answers = initialData(calendar.body);
    expect(calendar.body).toContain('href="/assets/evenemang.js"');
    expect(answers["/api/public/events?limit=200"]).toEqual(
      (await app.inject({ url: "/api/public/events?limit=200" })).json(),
    );
    // A month of the calendar asks for its own list: nothing to send along.
    const month = await app.inject({
      url: "/evenemang?vy=manad&manad=2026-03",
      headers: { accept: "text/html" },
    });
    expect(initialData(month.body)).toEqual({});
    // Any other page is index.html as before.
    const other = await app.inject({ url: "/organisationer", headers: { accept: "text/html" } });
    expect(other.body).not.toContain("samspel-initial-data");
  });

  it("draws the demo login's hint into the login page, for a visitor on the machine itself only", async () => {
    const database = await openTestDatabase();
    const demoLogin = { email: "admin@demo.samspel.se", password: "<lösen&ord>" };
    const demoApp = await buildApp({ database, webRoot, config: { demoLogin } });
    try {
      const local = await demoApp.inject({ url: "/logga-in", headers: { accept: "text/html" } });
      expect(local.body).toContain(
        "<div>Demoinloggning: admin@demo.samspel.se med lösenordet &#60;lösen&#38;ord&#62;</div>",
      );
      expect(local.body).toContain(
        '"/api/auth/demo-login":{"email":"admin@demo.samspel.se","password":"\\u003clösen&ord>"}',
      );
      const proxied = await demoApp.inject({
        url: "/logga-in",
        headers: { accept: "text/html", "x-forwarded-for": "203.0.113.9" },
      });
      expect(proxied.body).not.toContain("Demoinloggning");
      expect(proxied.body).toContain("<main><h1>Logga in</h1><form></form></main>");
    } finally {
      await demoApp.close();
      await database.close();
    }
  });

  it("compresses a large API answer per request", async () => {
    const res = await app.inject({ url: "/api/openapi.json", headers: { "accept-encoding": "gzip" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    const document = JSON.parse(gunzipSync(res.rawPayload).toString());
    expect(document.openapi).toMatch(/^3\./);
  });
});
