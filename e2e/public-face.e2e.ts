import { describe, expect, it } from "vitest";
import { OPEN_CALL_TITLE } from "../demo/site.ts";
import {
  expectNoAxeViolations,
  heading,
  mailsTo,
  setupJourney,
  signInThroughApi,
  visible,
} from "./support/index.ts";

const coordinator = "samordnare@demo.samspel.se";
const journey = setupJourney();
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const png = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e221bc330000000049454e44ae426082",
  "hex",
);

/** The page fits its viewport: nothing scrolls sideways. */
async function fitsWidth(page: import("playwright-core").Page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

describe("the public face: start page → open call → idea → receipt → personal link; news and feed", () => {
  it("lets a visitor find an open call on the start page, submit an idea and complete it through the mailed link", async () => {
    const visitor = await journey.newPage(phone);
    const requests: string[] = [];
    visitor.on("request", (r) => {
      if (new URL(r.url()).pathname.startsWith("/api/")) requests.push(new URL(r.url()).pathname);
    });
    await visitor.goto("/");
    await heading(visitor, "Välkommen till Samspel");
    const calls = visitor.getByRole("region", { name: "Öppna idéefterlysningar" });
    const call = await visible(calls.getByRole("link", { name: new RegExp(OPEN_CALL_TITLE) }));
    // One request: everything the start page shows in one answer. A visitor without a session is not asked
    // who they are (no 401 in the console, issue 14).
    expect(requests.sort()).toEqual(["/api/public/start"]);
    await fitsWidth(visitor);
    await expectNoAxeViolations(visitor);

    // Keyboard: the call's link is reachable with Tab and opens with Enter.
    await call.focus();
    await visitor.keyboard.press("Enter");
    await heading(visitor, OPEN_CALL_TITLE);
    await expectNoAxeViolations(visitor);

    const email = "idegivare.start@example.se";
    await visitor.getByLabel("Idéns namn").fill("Läxhjälp med äldre som mentorer");
    await visitor
      .getByLabel("Beskriv idén kort")
      .fill("Pensionärer hjälper elever med läxor på biblioteket.");
    await visitor.getByLabel("Ditt namn").fill("Ida Idégivare");
    await visitor.getByLabel("Din e-postadress").fill(email);
    await visitor.getByLabel(/Jag samtycker/).check();
    await visitor.getByRole("button", { name: "Skicka in idén" }).click();
    await visible(visitor.getByText("Tack för din idé!"));
    await expectNoAxeViolations(visitor);

    const [receipt] = await mailsTo(email);
    expect(receipt.subject).toContain(OPEN_CALL_TITLE);
    const link = (receipt.text ?? "").match(/https?:\/\/\S+\/ideer\/[\w-]+/)?.[0];
    expect(link).toBeTruthy();
    await visitor.goto(new URL(link as string).pathname);
    await heading(visitor, "Läxhjälp med äldre som mentorer");
    await visitor.getByLabel("Syfte").fill("Fler elever klarar målen, och äldre får en meningsfull uppgift.");
    await visitor.getByRole("button", { name: "Spara" }).click();
    await visible(visitor.getByText("Sparat."));
    await fitsWidth(visitor);
    await expectNoAxeViolations(visitor);
  });

  it("shows the latest news and links a valid Atom feed from the page", async () => {
    const visitor = await journey.newPage();
    await visitor.goto("/");
    const news = visitor.getByRole("region", { name: "Senaste nyheterna" });
    const latest = news.getByRole("link").first();
    const title = (await visible(latest)).textContent();
    await latest.click();
    await heading(visitor, (await title) as string);
    await expectNoAxeViolations(visitor);

    const href = await visitor
      .locator('link[rel="alternate"][type="application/atom+xml"]')
      .getAttribute("href");
    expect(href).toBe("/api/public/news.atom");
    const feed = await visitor.evaluate(async (url) => {
      const xml = await (await fetch(url)).text();
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      const atom = "http://www.w3.org/2005/Atom";
      return {
        broken: doc.getElementsByTagName("parsererror").length > 0,
        namespace: doc.documentElement.namespaceURI,
        root: doc.documentElement.localName,
        titles: [...doc.getElementsByTagNameNS(atom, "entry")].map(
          (e) => e.getElementsByTagNameNS(atom, "title")[0]?.textContent,
        ),
      };
    }, href as string);
    expect(feed).toMatchObject({ broken: false, namespace: "http://www.w3.org/2005/Atom", root: "feed" });
    expect(feed.titles).toContain(await title);

    await visitor.getByRole("link", { name: "Alla nyheter" }).click();
    await heading(visitor, "Nyheter");
    await expectNoAxeViolations(visitor);
  });

  it("lets a coordinator publish a news item with an image and alt text, and it appears on the start page", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, coordinator);
    await page.goto("/nyheter/redigera");
    await heading(page, "Redigera nyheter");
    await expectNoAxeViolations(page);
    const title = "Välkommen till vårens mötesplatser";
    await page.getByLabel("Rubrik").fill(title);
    await page.getByLabel("Text", { exact: true }).fill("Under våren ordnar vi en mötesplats varje månad.");
    await page.getByLabel("Taggar").fill("mötesplats, 2027");
    await page.getByLabel("Publicerad").check();
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await visible(page.getByText("Nyheten är sparad."));

    // The image needs its alt text: without one the field says so.
    await page
      .getByLabel("Bildfil")
      .setInputFiles({ name: "motesplats.png", mimeType: "image/png", buffer: png });
    await page.getByRole("button", { name: "Ladda upp bilden" }).click();
    await visible(page.getByText("Skriv en alternativtext som beskriver bilden"));
    await page.getByLabel("Alternativtext").fill("Deltagare samtalar runt ett bord");
    await page.getByRole("button", { name: "Ladda upp bilden" }).click();
    await visible(page.getByText("Bilden är sparad."));
    await expectNoAxeViolations(page);

    const visitor = await journey.newPage(phone);
    await visitor.goto("/");
    const news = visitor.getByRole("region", { name: "Senaste nyheterna" });
    await visible(news.getByRole("link", { name: title }));
    await news.getByRole("link", { name: title }).click();
    await heading(visitor, title);
    await visible(visitor.getByRole("img", { name: "Deltagare samtalar runt ett bord" }));
    await fitsWidth(visitor);
    await expectNoAxeViolations(visitor);
  });
});
