import { describe, expect, it } from "vitest";
import {
  expectNoAxeViolations,
  heading,
  login,
  setupJourney,
  signInThroughApi,
  visible,
} from "./support/index.ts";

const journey = setupJourney();
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe("the first agreement period's follow-up is told by records", () => {
  it("opens the figure 14 scientific articles and shows the 14 records it counts", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, "samordnare@demo.samspel.se");
    await page.goto("/uppfoljning/rapporter");
    await heading(page, "Rapporter");
    await page.getByLabel("Rapport", { exact: true }).selectOption({ label: "Uppföljning av avtalsperiod" });
    await page
      .getByLabel("Projekt", { exact: true })
      .selectOption({ label: "Samhällskontraktet – första avtalsperioden" });
    await page.getByRole("button", { name: "Visa rapporten" }).click();
    const figures = await visible(
      page.getByRole("list").filter({ hasText: "forsknings- och utvecklingsprojekt" }),
    );
    for (const figure of [
      "16 forsknings- och utvecklingsprojekt",
      "14 publicerade vetenskapliga artiklar",
      "12 andra rapporter",
      "21 konferenspresentationer",
      "80 spridningsaktiviteter",
      "10 dokumenterade modeller/metoder",
    ])
      await visible(figures.getByRole("link", { name: figure, exact: true }));
    await expectNoAxeViolations(page);

    await figures.getByRole("link", { name: "14 publicerade vetenskapliga artiklar", exact: true }).click();
    expect(new URL(page.url()).hash).toBe("#follow-up-outputs-scientific_article");
    const target = page.getByRole("heading", { name: "14 publicerade vetenskapliga artiklar", exact: true });
    await visible(target);
    // The link took the reader to the list it counts: its heading is on screen.
    expect(await target.evaluate((h) => h.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    const articles = await visible(
      page.getByRole("table", { name: "14 publicerade vetenskapliga artiklar" }),
    );
    expect(await articles.locator("tbody tr").count()).toBe(14);
    // The report lists every record of the period (16 projects, 137 outputs): axe needs longer on it.
  }, 240_000);

  it("asks a visitor optionally for accessibility needs and, with its own consent, gender, on a phone", async () => {
    const organiser = await journey.newPage();
    await login(organiser, "samordnare@demo.samspel.se");
    const csrf = await organiser.evaluate(async () => (await (await fetch("/api/auth/me")).json()).csrfToken);
    const created = await organiser.evaluate(
      async ({ csrf }) =>
        (
          await fetch("/api/events", {
            method: "POST",
            headers: { "content-type": "application/json", "x-csrf-token": csrf },
            body: JSON.stringify({
              title: "Seminarium om jämställdhetsintegrering",
              typeKey: "seminarium",
              visibility: "public",
              sessions: [{ date: "2027-10-20", startTime: "13:00", endTime: "16:00", place: "Eskilstuna" }],
            }),
          })
        ).json(),
      { csrf },
    );
    const visitor = await journey.newPage(phone);
    await visitor.goto(`/evenemang/${created.id}`);
    await heading(visitor, "Seminarium om jämställdhetsintegrering");
    await visible(visitor.getByText(/redovisas bara som antal per grupp om minst fem personer/));
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(visitor);
    await visitor.getByLabel("Namn", { exact: true }).fill("Vera Vänner");
    await visitor.getByLabel("E-postadress", { exact: true }).fill("vera.vanner@example.se");
    await visitor.getByLabel("Behov av tillgänglighetsanpassning (frivilligt)").fill("Hörslinga");
    await visitor.getByLabel("Kön (frivilligt)").selectOption({ label: "Kvinna" });
    // Without the consent the answer is refused, and said so by the field.
    await visitor.getByRole("button", { name: "Anmäl mig" }).click();
    await visible(visitor.getByText("Kryssa i samtycket om du vill lämna uppgift om kön").first());
    await visitor
      .getByLabel("Jag samtycker till att mitt svar om kön sparas för denna uppföljning (frivilligt)")
      .check();
    await visitor.getByRole("button", { name: "Anmäl mig" }).click();
    await visitor.waitForURL(/\/evenemang\/anmalan\//);
    await expect
      .poll(() => visitor.getByLabel("Behov av tillgänglighetsanpassning (frivilligt)").inputValue())
      .toBe("Hörslinga");
  });

  it("plays the learning space's recorded lecture and uploads a video with its progress", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, "samordnare@demo.samspel.se");
    await page.goto("/larplattform");
    await page.getByRole("link", { name: /^LC-KOMP – gemensam lärplattform/ }).click();
    const recordings = await visible(
      page.getByRole("region", { name: "Inspelade föreläsningar", exact: true }),
    );
    const audio = await visible(recordings.locator("audio").first());
    const src = (await audio.getAttribute("src"))!;
    expect(src).toMatch(/\/stream$/);
    // The player seeks with Range requests: the route answers 206 with the part asked for.
    const range = await page.evaluate(async (url) => {
      const res = await fetch(url, { headers: { range: "bytes=0-99" } });
      return { status: res.status, length: (await res.arrayBuffer()).byteLength };
    }, src);
    expect(range).toEqual({ status: 206, length: 100 });
    await visible(recordings.getByText("Högst 100 MB. Filtyper: mp3, m4a, ogg, oga, mp4, webm."));
    await expectNoAxeViolations(page);

    const video = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from("ftypisom"),
      Buffer.alloc(12),
      Buffer.from(Array.from({ length: 4000 }, (_, i) => i % 256)),
    ]);
    await recordings.getByLabel("Föreläsningens titel").fill("Workshop om validering (video)");
    await recordings
      .getByLabel("Ljud- eller videofil")
      .setInputFiles({ name: "workshop.mp4", mimeType: "video/mp4", buffer: video });
    await recordings.getByRole("button", { name: "Ladda upp inspelning" }).click();
    await visible(recordings.getByText("Workshop om validering (video) är uppladdad."));
    await visible(recordings.locator("video[aria-label='Workshop om validering (video)']"));
  });
});
