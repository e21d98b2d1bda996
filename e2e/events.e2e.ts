import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
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
const tablet = { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true };

/** The organiser's API session (cookie + CSRF token), for setting the scene quickly. */
async function organiserApi() {
  const res = await fetch(`${journey.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: coordinator, password: "samspel-demo-2026" }),
  });
  const cookie = res.headers.get("set-cookie")!.split(";")[0];
  const { csrfToken } = await res.json();
  return (method: string, path: string, body: unknown) =>
    fetch(`${journey.url}${path}`, {
      method,
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
      body: JSON.stringify(body),
    }).then((r) => r.json());
}

describe("events: register without an account → confirmation e-mail → check-in → feedback", () => {
  it("takes a visitor from the calendar to a confirmed place, the organiser checks them in, and they give feedback", async () => {
    const api = await organiserApi();
    const event = await api("POST", "/api/events", {
      title: "Seminarium om validering",
      typeKey: "seminarium",
      visibility: "public",
      capacity: 30,
      questions: { organisation: "required", role: "optional", dietary: true },
      sessions: [{ date: "2027-10-14", startTime: "13:00", endTime: "16:00", place: "MDH Västerås" }],
    });

    // A visitor on a phone: calendar, event page, registration form.
    const visitor = await journey.newPage(phone);
    await visitor.goto("/evenemang");
    await heading(visitor, "Evenemang");
    await expectNoAxeViolations(visitor);
    await visitor.getByRole("link", { name: "Seminarium om validering" }).click();
    await heading(visitor, "Seminarium om validering");
    await expectNoAxeViolations(visitor);

    // Bad input first: the Swedish messages appear next to the fields.
    await visitor.getByRole("button", { name: "Anmäl mig" }).click();
    const summary = await visible(
      visitor.getByRole("alert").filter({ hasText: "Uppgifterna innehåller fel" }),
    );
    expect(await summary.textContent()).toContain("E-postadress: Fältet måste fyllas i.");
    expect(await summary.textContent()).toContain("Organisation: Fältet måste fyllas i.");
    await expectNoAxeViolations(visitor);

    await visitor.getByLabel("Namn", { exact: true }).fill("Vera Validering");
    await visitor.getByLabel("E-postadress").fill("vera.validering@example.se");
    await visitor.getByLabel("Organisation", { exact: true }).fill("Sala kommun");
    await visitor.getByLabel("Specialkost (frivilligt)").fill("Vegetariskt");
    const consent = visitor.getByLabel("Jag vill få inbjudningar till kommande evenemang (frivilligt)");
    expect(await consent.isChecked()).toBe(false);
    await visitor.getByRole("button", { name: "Anmäl mig" }).click();
    await heading(visitor, "Tack för din anmälan!");
    await visible(visitor.getByText("Du är anmäld."));
    const code = (await visitor.locator(".checkin-code").textContent())!.trim();
    await expectNoAxeViolations(visitor);

    // The confirmation e-mail, captured by the SMTP sink, carries an .ics a calendar accepts.
    const [mail] = await mailsTo("vera.validering@example.se");
    expect(mail.subject).toBe("Bekräftelse: Seminarium om validering");
    const ics = mail.attachments.find((a) => a.filename === "evenemang.ics")!;
    const vevent = new ICAL.Event(
      new ICAL.Component(ICAL.parse(ics.content.toString("utf8"))).getFirstSubcomponent("vevent")!,
    );
    expect(vevent.summary).toBe("Seminarium om validering");
    expect(vevent.startDate.toJSDate().toISOString()).toBe("2027-10-14T11:00:00.000Z");
    const manageUrl = mail.text!.match(/https?:\/\/\S+\/evenemang\/anmalan\/[\w-]+/)![0];

    // The organiser checks her in on a tablet.
    const organiser = await journey.newPage(tablet);
    await signInThroughApi(organiser, coordinator);
    await organiser.goto(`/evenemang/hantera/${event.id}/incheckning`);
    await heading(organiser, "Incheckning");
    await expectNoAxeViolations(organiser);
    await organiser.getByLabel("Sök namn, organisation eller kod").fill(code);
    await organiser.getByRole("button", { name: "Checka in Vera Validering" }).click();
    await visible(organiser.getByRole("status").filter({ hasText: "Vera Validering är incheckad." }));
    await visible(organiser.getByRole("button", { name: "Ångra incheckningen av Vera Validering" }));
    // A walk-in at the door.
    await organiser.getByLabel("Namn", { exact: true }).fill("Dörr Gäst");
    await organiser.getByRole("button", { name: "Lägg till och checka in" }).click();
    await visible(organiser.getByText("Dörr Gäst är tillagd och incheckad."));
    await expectNoAxeViolations(organiser);

    // The event is over (three days ago: personal links expire 30 days after the event); the same
    // personal link now asks for feedback.
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    await api("PATCH", `/api/events/${event.id}`, {
      sessions: [{ date: threeDaysAgo, startTime: "13:00", endTime: "16:00", place: "MDH Västerås" }],
    });
    await visitor.goto(new URL(manageUrl).pathname);
    await heading(visitor, "Din anmälan");
    await visible(visitor.getByText("Närvarande"));
    await expectNoAxeViolations(visitor);
    await visitor
      .getByRole("radiogroup", { name: /Ditt betyg/ })
      .getByRole("radio", { name: "4 av 5" })
      .check();
    await visitor.getByLabel("Kommentar (frivilligt)").fill("Bra exempel från kommunerna.");
    await visitor.getByRole("button", { name: "Skicka återkoppling" }).click();
    await visible(visitor.getByText("Tack för din återkoppling!"));
    await expectNoAxeViolations(visitor);

    const detail = await api("GET", `/api/events/${event.id}`, undefined);
    expect(detail.counts).toMatchObject({ registered: 2, attended: 2 });
    expect(detail.feedback).toMatchObject({ responses: 1, averageRating: 4 });
  });

  it("lets a participant cancel through the personal link", async () => {
    const api = await organiserApi();
    const event = await api("POST", "/api/events", {
      title: "Frukostmöte om kompetens",
      typeKey: "frukostmote",
      visibility: "public",
      sessions: [{ date: "2027-11-04", startTime: "07:30", endTime: "09:00", place: "MDH Eskilstuna" }],
    });
    const visitor = await journey.newPage(phone);
    await visitor.goto(`/evenemang/${event.id}`);
    await visitor.getByLabel("Namn", { exact: true }).fill("Kalle Avbokare");
    await visitor.getByLabel("E-postadress").fill("kalle.avbokare@example.se");
    await visitor.getByRole("button", { name: "Anmäl mig" }).click();
    await heading(visitor, "Tack för din anmälan!");
    const [mail] = await mailsTo("kalle.avbokare@example.se");
    const manageUrl = mail.text!.match(/https?:\/\/\S+\/evenemang\/anmalan\/[\w-]+/)![0];
    await visitor.goto(new URL(manageUrl).pathname);
    await heading(visitor, "Din anmälan");
    await visitor.getByRole("button", { name: "Avboka min plats" }).click();
    const dialog = await visible(visitor.getByRole("alertdialog"));
    await expectNoAxeViolations(visitor);
    await dialog.getByRole("button", { name: "Bekräfta" }).click();
    await visible(visitor.getByText("Din anmälan är avbokad."));
    await visible(visitor.getByText("Avbokad", { exact: true }));
    await expectNoAxeViolations(visitor);
  });

  it("shows LC-KOMP's participant table to the organiser: 260 = 214 + 46", async () => {
    const page = await journey.newPage();
    await signInThroughApi(page, coordinator);
    await page.goto("/evenemang/hantera");
    await heading(page, "Hantera evenemang");
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Deltagartabell" }).click();
    await heading(page, "Deltagartabell");
    const table = await visible(page.getByRole("table", { name: "Per roll" }));
    await visible(table.getByRole("row", { name: "Anställda vid lärcentrum/vuxenutbildning 214" }));
    await visible(table.getByRole("row", { name: "Anställda i annan verksamhet 46" }));
    await visible(table.getByRole("row", { name: "Lärare/utbildare 86" }));
    await visible(table.getByRole("row", { name: "Totalt antal personer 260" }));
    await expectNoAxeViolations(page);
  });

  it("subscribes to the newsletter with double opt-in, and shows the mailings and the learning space without axe violations", async () => {
    const visitor = await journey.newPage(phone);
    await visitor.goto("/nyhetsbrev");
    await heading(visitor, "Nyhetsbrev");
    await expectNoAxeViolations(visitor);
    await visitor.getByLabel("E-postadress").fill("nyfiken@example.se");
    await visitor.getByRole("button", { name: "Prenumerera" }).click();
    await visible(
      visitor.getByText("Tack! Öppna länken i mejlet vi skickat för att bekräfta prenumerationen."),
    );
    const [mail] = await mailsTo("nyfiken@example.se");
    const confirmPath = mail.text!.match(/\/nyhetsbrev\/bekrafta\/[\w-]+/)![0];
    await visitor.goto(confirmPath);
    await heading(visitor, "Bekräfta prenumerationen");
    await expectNoAxeViolations(visitor);
    await visitor.getByRole("button", { name: "Bekräfta" }).click();
    await visible(visitor.getByText("Klart! Du prenumererar nu på nyhetsbrevet."));

    const office = await journey.newPage();
    await signInThroughApi(office, coordinator);
    await office.goto("/utskick");
    await heading(office, "Nyhetsbrev och inbjudningar");
    await office.getByRole("button", { name: "Förhandsgranska mottagarna" }).click();
    await visible(office.getByText("nyfiken@example.se"));
    await expectNoAxeViolations(office);

    await office.goto("/larplattform");
    await heading(office, "Lärplattformar");
    await expectNoAxeViolations(office);
    await office.getByRole("link", { name: "LC-KOMP – gemensam lärplattform" }).click();
    await heading(office, "LC-KOMP – gemensam lärplattform");
    await visible(office.getByText("Kompetens, utbildning och lärande i arbetslivet", { exact: false }));
    await expectNoAxeViolations(office);
  });
});
