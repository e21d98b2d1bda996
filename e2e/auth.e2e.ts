import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, heading, login, setupJourney, visible } from "./support/index.ts";

const admin = "admin@demo.samspel.se";
const journey = setupJourney();

describe("accounts: from visitor to administrator to a newly invited user", () => {
  it("shows a visitor the start page, and a wrong password the Swedish error", async () => {
    const page = await journey.newPage();
    await page.goto("/");
    await heading(page, "Välkommen till Samspel");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("sv");
    // The public sees no Administration in the menu.
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    await visible(nav.getByRole("link", { name: "Evenemang" }));
    expect(await nav.getByRole("link", { name: "Administration" }).count()).toBe(0);
    await expectNoAxeViolations(page);

    await page.getByRole("banner").getByRole("link", { name: "Logga in" }).click();
    await heading(page, "Logga in");
    await visible(page.getByText(`Demoinloggning: ${admin}`));
    await page.getByLabel("E-postadress").fill(admin);
    await page.getByLabel("Lösenord", { exact: true }).fill("fel-lösenord");
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await visible(page.getByRole("alert").filter({ hasText: "Fel e-postadress eller lösenord." }));
    await expectNoAxeViolations(page);
  });

  it("marks empty login fields next to the fields, before asking the server", async () => {
    const page = await journey.newPage();
    await page.goto("/logga-in");
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    const summary = await visible(page.getByRole("alert").filter({ hasText: "Uppgifterna innehåller fel" }));
    expect(await summary.getByRole("link").count()).toBe(2);
    const email = page.getByLabel("E-postadress");
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await email.getAttribute("aria-describedby")) ?? "";
    const described = await page.evaluate(
      (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" "),
      describedBy.split(" "),
    );
    expect(described).toContain("Ange en giltig e-postadress.");
    expect(await page.getByLabel("Lösenord", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await visible(summary.getByRole("link", { name: "Lösenord: Fältet måste fyllas i." }));
    await expectNoAxeViolations(page);
  });

  it("lets the administrator switch to English and open the administration and the audit log", async () => {
    const page = await journey.newPage();
    await login(page, admin);
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    const nav = page.getByRole("navigation", { name: "Main menu" });
    await visible(nav.getByRole("link", { name: "Activities" }));
    await visible(nav.getByRole("link", { name: "Plans and projects" }));
    await heading(page, "Welcome to Samspel");
    await expectNoAxeViolations(page);

    await nav.getByRole("link", { name: "Administration" }).click();
    await heading(page, "Administration");
    const users = await visible(page.getByRole("table", { name: /All users/ }));
    await visible(users.getByRole("rowheader", { name: "Sara Samordnare" }));
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Audit log" }).click();
    await heading(page, "Audit log");
    // The demo data alone writes far more than one page (25) of events.
    await visible(page.getByRole("table", { name: "Events, newest first (25 shown)" }));
    await page.getByRole("button", { name: "Show more" }).click();
    await page.waitForFunction(() => document.querySelectorAll("table tbody tr").length > 25);
    // Events are chosen by name and told in sentences, never as codes such as auth.login (issue 15).
    await page.getByLabel("Event", { exact: true }).selectOption({ label: "Inloggning" });
    await page.getByRole("button", { name: "Filter" }).click();
    const log = await visible(page.getByRole("table", { name: /Events, newest first/ }));
    await visible(log.getByRole("cell", { name: /loggade in/ }).first());
    expect(await log.getByRole("cell", { name: /loggade ut/ }).count()).toBe(0);
    expect(await log.getByText("auth.login").count()).toBe(0);
    await expectNoAxeViolations(page);

    // The choice survives a reload, and the server answers in English too.
    await page.reload();
    await heading(page, "Audit log");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    const detail = await page.evaluate(async () => (await (await fetch("/api/finns-inte")).json()).detail);
    expect(detail).toBe("The page or address does not exist.");
  });

  it("invites a user who activates the account through the link, and then logs out", async () => {
    const page = await journey.newPage();
    await login(page, admin);
    await page.goto("/admin");
    await heading(page, "Administration");
    await page.getByLabel("E-post", { exact: true }).fill("nora.nystrom@kommun.se");
    await page.getByLabel("Namn", { exact: true }).fill("Nora Nyström");
    await page.getByLabel("Roll", { exact: true }).selectOption({ label: "Samordnare" });
    await page.getByRole("button", { name: "Bjud in användare" }).click();
    const sent = await visible(page.getByRole("status").filter({ hasText: "Inbjudan är skapad" }));
    const link = await sent.getByRole("link").getAttribute("href");
    expect(link).toMatch(/\/inbjudan\/[\w-]+$/);
    await expectNoAxeViolations(page);

    const invitee = await journey.newPage();
    await invitee.goto(link!);
    await heading(invitee, "Aktivera ditt konto");
    await visible(invitee.getByText("Välj ett lösenord för nora.nystrom@kommun.se."));
    await expectNoAxeViolations(invitee);
    await invitee.getByLabel("Nytt lösenord", { exact: true }).fill("noras-eget-lösenord");
    await invitee.getByLabel("Upprepa nytt lösenord").fill("noras-eget-lösenord");
    await invitee.getByRole("button", { name: "Aktivera kontot" }).click();

    await heading(invitee, "Mitt konto");
    await visible(invitee.getByText("Nora Nyström", { exact: true }));
    await visible(invitee.getByText("Samordnare", { exact: true }));
    await expectNoAxeViolations(invitee);

    // Nora changes her password; a repeat that differs is caught before anything is sent.
    await invitee.getByLabel("Nuvarande lösenord").fill("noras-eget-lösenord");
    await invitee.getByLabel("Nytt lösenord", { exact: true }).fill("ett-helt-nytt-lösenord");
    await invitee.getByLabel("Upprepa nytt lösenord").fill("ett-annat-lösenord");
    await invitee.getByRole("button", { name: "Byt lösenord" }).click();
    await visible(
      invitee.getByRole("link", { name: "Upprepa nytt lösenord: Lösenorden stämmer inte överens." }),
    );
    await invitee.getByLabel("Upprepa nytt lösenord").fill("ett-helt-nytt-lösenord");
    await invitee.getByRole("button", { name: "Byt lösenord" }).click();
    await visible(invitee.getByRole("status").filter({ hasText: "Lösenordet är bytt." }));

    await invitee.getByRole("button", { name: "Logga ut" }).click();
    await heading(invitee, "Logga in");
    await visible(invitee.getByRole("status").filter({ hasText: "Du är utloggad." }));
    await visible(invitee.getByRole("banner").getByRole("link", { name: "Logga in" }));
    await expectNoAxeViolations(invitee);
  });

  it("keeps the basics for keyboard, phone and other roles: skip link, menu, 403, 404, statement", async () => {
    const page = await journey.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto("/tillganglighet");
    await heading(page, "Tillgänglighetsredogörelse");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Hoppa till innehållet");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "main");
    await expectNoAxeViolations(page);

    // On a phone the menu hides behind a button that says whether it is open.
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole("button", { name: "Meny", expanded: false }).click();
    await visible(page.getByRole("button", { name: "Meny", expanded: true }));
    await nav.getByRole("link", { name: "Start" }).click();
    await heading(page, "Välkommen till Samspel");
    // Choosing a page closes the menu again.
    await visible(page.getByRole("button", { name: "Meny", expanded: false }));
    await expectNoAxeViolations(page);

    await page.goto("/finns-inte");
    await heading(page, "Sidan finns inte");
    await expectNoAxeViolations(page);

    await login(page, "samordnare@demo.samspel.se");
    await page.goto("/admin");
    await heading(page, "Ingen behörighet");
    await visible(page.getByRole("alert").filter({ hasText: "Du har inte behörighet" }));
    await expectNoAxeViolations(page);
  });
});
