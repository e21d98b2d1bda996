import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, heading, setupJourney, signInThroughApi, visible } from "./support/index.ts";

const journey = setupJourney();
const COORDINATOR = "samordnare@demo.samspel.se";
const EMAIL = "greta.gdpr@example.se";

describe("personal data (issue 20): a coordinator's extract and erasure from the person page", () => {
  it("downloads the extract with every registration, then erases the person after reading the impact", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, COORDINATOR);
    // Set-up through the API as the same coordinator: a person in the register, a public seminar and
    // two registrations of hers (one with dietary needs) made through the public form's route.
    const me = await (await page.request.get("/api/auth/me")).json();
    const headers = { "x-csrf-token": me.csrfToken as string };
    const person = await page.request.post("/api/people", {
      data: { name: "Greta Gdpr", email: EMAIL },
      headers,
    });
    expect(person.status()).toBe(201);
    const personId = (await person.json()).id as string;
    const event = await page.request.post("/api/events", {
      headers,
      data: {
        title: "Seminarium om registerutdrag",
        typeKey: "seminarium",
        visibility: "public",
        questions: { dietary: true },
        sessions: [{ date: "2027-03-10", startTime: "09:00", endTime: "12:00", place: "MDH Västerås" }],
      },
    });
    expect(event.status()).toBe(201);
    const eventId = (await event.json()).id as string;
    for (const extra of [{ dietary: "Glutenfritt" }, {}]) {
      const reg = await page.request.post(`/api/public/events/${eventId}/registrations`, {
        data: { name: "Greta Gdpr", email: EMAIL, organisation: "Sala kommun", ...extra },
      });
      // The second one is refused as a duplicate or accepted; either way the first is hers.
      expect([201, 409]).toContain(reg.status());
    }

    await page.goto(`/register/personer/${personId}`);
    await heading(page, "Greta Gdpr");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Registerutdrag (JSON)" }).click();
    const extract = JSON.parse(readFileSync((await (await download).path()) as string, "utf8"));
    type Section = { category: string; purpose: string; legalBasis: string; records: object[] };
    const sections = extract.sections as Section[];
    const registrations = sections.find((s) => s.category === "event_registrations");
    expect(registrations?.records.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(registrations)).toContain("Seminarium om registerutdrag");
    expect(JSON.stringify(sections.find((s) => s.category === "event_dietary_needs"))).toContain(
      "Glutenfritt",
    );
    // Each category says why it is kept and on what legal basis.
    for (const s of sections) expect(s.purpose && s.legalBasis).toBeTruthy();

    await page.getByRole("button", { name: "Radera personuppgifter" }).click();
    const dialog = await visible(
      page.getByRole("alertdialog", { name: /Radera personuppgifter: Greta Gdpr/ }),
    );
    await visible(dialog.getByRole("heading", { name: "Det här händer vid radering" }));
    await visible(dialog.getByText(/Anmälningar: namn, e-post och kommentarer tas bort/));
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Radera personuppgifterna" }).click();
    // The page behind reloads with the register row anonymised (the dialog's title follows it).
    await visible(
      page
        .getByRole("alertdialog")
        .getByText("Personuppgifterna är raderade. Det som arkivreglerna bevarar finns kvar."),
    );
    await heading(page, "Raderad person");

    // The name is gone from the participant list; the registration (and so the count) is still there.
    const participants = await page.request.get(`/api/events/${eventId}/participants`);
    expect(participants.status()).toBe(200);
    const body = JSON.stringify(await participants.json());
    expect(body).not.toContain("Greta");
    expect(body).toContain("Raderad deltagare");
  });
});
