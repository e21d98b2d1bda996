import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../demo/users.ts";
import { giveSecondFactor } from "./support/actions.ts";
import { expectNoAxeViolations, heading, login, mailsTo, setupJourney, visible } from "./support/index.ts";

// Issue 19: a partner signs in from a mailed link, a coordinator makes an API token for an integration,
// an administrator enrols an authenticator app and signs in in two steps.

const journey = setupJourney();
const partner = "partner@demo.samspel.se";
const admin = "admin@demo.samspel.se";

describe("signing in without a password, with tokens and with two steps", () => {
  it("lets a partner ask for a link on the login page and sign in from the mail, once", async () => {
    const page = await journey.newPage();
    await page.goto("/logga-in");
    await heading(page, "Logga in");
    await page.getByLabel("E-post för länken").fill(partner);
    await page.getByRole("button", { name: "Skicka inloggningslänk" }).click();
    await visible(
      page.getByText(`Om adressen finns hos oss har vi skickat en inloggningslänk till ${partner}.`),
    );
    await expectNoAxeViolations(page);

    const [mail] = await mailsTo(partner);
    expect(mail.subject).toBe("Din inloggningslänk till Samspel");
    const link = new URL(mail.text!.match(/https?:\/\/\S+\/logga-in\/lank\/[\w-]+/)![0]);
    await page.goto(link.pathname);
    await heading(page, "Logga in med länk");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await visible(page.getByRole("button", { name: "Logga ut" }));

    // The link is spent: another browser opening it signs nobody in.
    const other = await journey.newPage();
    await other.goto(link.pathname);
    await heading(other, "Logga in med länk");
    await other.getByRole("button", { name: "Logga in", exact: true }).click();
    await visible(other.getByRole("alert").filter({ hasText: "Inloggningslänken är ogiltig, redan använd" }));
    expect(await other.getByRole("button", { name: "Logga ut" }).count()).toBe(0);
  });

  it("lets a coordinator create an API token, shown once, use it without a browser, and revoke it", async () => {
    const page = await journey.newPage({ permissions: ["clipboard-read", "clipboard-write"] });
    await login(page, "samordnare@demo.samspel.se");
    await page.goto("/konto");
    await heading(page, "Mitt konto");
    const section = page
      .getByRole("region", { name: "API-nycklar" })
      .or(page.locator("section", { has: page.getByRole("heading", { name: "API-nycklar" }) }));
    await visible(section.getByText("Du har inga API-nycklar."));
    await section.getByLabel("Namn", { exact: true }).fill("CRM-integration");
    await section.getByLabel("Giltig antal dagar").fill("30");
    await section.getByRole("button", { name: "Skapa API-nyckel" }).click();
    const token = ((await (await visible(page.locator("#new-api-token"))).textContent()) ?? "").trim();
    expect(token).toMatch(/^smp_[\w-]{43}$/);
    await page.getByRole("button", { name: "Kopiera" }).click();
    await visible(page.getByText("Kopierad."));
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "CRM-integration" }) });
    await visible(row.getByRole("cell", { name: "Aktiv" }));
    await expectNoAxeViolations(page);

    // What an integration does: curl with the token, no cookie.
    const orgs = await fetch(`${journey.url}/api/organisations`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(orgs.status).toBe(200);

    await row.getByRole("button", { name: "Återkalla CRM-integration" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Återkalla" }).click();
    await visible(page.getByText("Nyckeln CRM-integration är återkallad."));
    await visible(row.getByRole("cell", { name: "Återkallad" }));
    const after = await fetch(`${journey.url}/api/organisations`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.status).toBe(401);
  });

  it("sends an administrator to enrolment, then asks for a code at every password sign-in", async () => {
    const page = await journey.newPage();
    await page.goto("/logga-in");
    await page.getByLabel("E-postadress").fill(admin);
    await page.getByLabel("Lösenord", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await visible(page.getByRole("heading", { level: 2, name: "Aktivera tvåstegsverifiering" }));
    await visible(page.getByRole("img", { name: "QR-kod för tvåstegsverifiering" }));
    await expectNoAxeViolations(page);
    await giveSecondFactor(page, admin);
    await visible(page.getByRole("button", { name: "Logga ut" }));

    const again = await journey.newPage();
    await again.goto("/logga-in");
    await again.getByLabel("E-postadress").fill(admin);
    await again.getByLabel("Lösenord", { exact: true }).fill(DEMO_PASSWORD);
    await again.getByRole("button", { name: "Logga in", exact: true }).click();
    await visible(again.getByRole("heading", { level: 2, name: "Tvåstegsverifiering" }));
    await again.getByLabel("Engångskod").fill("12");
    await again.getByRole("button", { name: "Verifiera" }).click();
    await visible(again.getByText("Ange de sex siffrorna från appen.").first());
    await expectNoAxeViolations(again);
    await giveSecondFactor(again, admin);
    await visible(again.getByRole("button", { name: "Logga ut" }));
  });
});
