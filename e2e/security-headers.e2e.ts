import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { heading, login, setupJourney, visible } from "./support/index.ts";

// Issue 11, finding 13: the SPA and the API reference work under their Content-Security-Policy.
const journey = setupJourney();

/** Collects every CSP violation the page reports, from the console and from the DOM event. */
async function watchViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  return violations;
}

describe("security headers", () => {
  it("serves the SPA with a policy without inline script, and it works with no violations", async () => {
    const page = await journey.newPage();
    const violations = await watchViolations(page);
    const response = await page.goto("/");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toContain("script-src 'self';");
    // No inline script and no eval; inline styles are allowed (libraries set them at run time).
    const scriptSrc = /script-src ([^;]*)/.exec(headers["content-security-policy"])![1];
    expect(scriptSrc).toBe("'self'");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    await heading(page, "Välkommen till Samspel");
    await login(page, "samordnare@demo.samspel.se");
    await page.goto("/evenemang");
    await heading(page, "Evenemang");
    await page.goto("/konto");
    await heading(page, "Mitt konto");
    expect(violations).toEqual([]);
  });

  it("keeps the API reference (/api/docs) working under its own policy", async () => {
    const page = await journey.newPage();
    const violations = await watchViolations(page);
    const response = await page.goto("/api/docs/");
    expect(response!.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await visible(page.getByText("Samspel API").first());
    await visible(page.getByText("Logga in", { exact: true }).first());
    expect(violations).toEqual([]);
  });
});
