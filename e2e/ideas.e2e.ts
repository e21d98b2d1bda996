import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { FUNDED_IDEAS, MOPS_CALL_TITLE } from "../demo/ideas.ts";
import { DEMO_PASSWORD } from "../demo/users.ts";
import {
  expectNoAxeViolations,
  heading,
  login,
  setupJourney,
  signInThroughApi,
  visible,
} from "./support/index.ts";

// The idea's uploaded documents go to a folder of this run (the app runs in this process).
const filesDir = mkdtempSync(path.join(tmpdir(), "samspel-e2e-idea-files-"));
process.env.SAMSPEL_FILES_DIR = filesDir;
afterAll(() => rmSync(filesDir, { recursive: true, force: true }));

const journey = setupJourney();
const nbsp = (s: string) => s.replaceAll("\u00a0", " ");
const COORDINATOR = "samordnare@demo.samspel.se";
const GROUP_MEMBER = "styrelse@demo.samspel.se";

/** A logged-in API client in its own browser context: the set-up of what other pages build. */
async function apiAs(email: string) {
  const page = await journey.newPage();
  const login = await page.request.post("/api/auth/login", { data: { email, password: DEMO_PASSWORD } });
  const me = (await login.json()) as { id: string; name: string; csrfToken: string };
  const headers = { "x-csrf-token": me.csrfToken };
  const send = async (method: "POST" | "PUT" | "GET", url: string, data?: unknown) => {
    const res = await page.request.fetch(url, { method, data, headers });
    if (res.status() >= 300) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
    return res.status() === 204 ? null : await res.json();
  };
  return { userId: me.id, name: me.name, send };
}

async function scoreAll(page: Page, scores: number[]) {
  const form = page.locator("form", { has: page.getByRole("heading", { name: /betyg \(1–5\)/ }) });
  const criteria = ["Relevans för samverkan", "Genomförbarhet", "Nytta för verksamheten"];
  for (const [i, label] of criteria.entries())
    await form.getByLabel(label, { exact: true }).selectOption(String(scores[i]));
  await form.getByLabel("Kommentar").fill("Väl förankrad idé.");
  await form.getByRole("button", { name: "Spara betygen" }).click();
  await visible(page.getByText("Dina betyg är sparade."));
}

describe("calls for ideas (seed 003, MOPS)", () => {
  it("shows the 2010 call's funnel 26 → 10 → 9 → 4 and 1,3 mnkr, and follows an idea to its project", async () => {
    const page = await journey.newPage();
    await login(page, COORDINATOR);
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Idéer" }).click();
    await heading(page, "Idéefterlysningar");
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: MOPS_CALL_TITLE }).click();
    await heading(page, MOPS_CALL_TITLE);
    const funnel = await visible(page.getByRole("table", { name: "Antal idéer som nått varje steg" }));
    const count = async (stage: string) =>
      (
        await funnel
          .getByRole("row", { name: new RegExp(`^${stage}`) })
          .getByRole("cell")
          .last()
          .innerText()
      ).trim();
    expect(await count("Inkommen")).toBe("26");
    expect(await count("Utvald")).toBe("10");
    expect(await count("Projektplan inlämnad")).toBe("9");
    expect(await count("Beviljad")).toBe("4");
    await expect
      .poll(async () =>
        nbsp(
          await page
            .getByText(/^Beviljat:/)
            .first()
            .innerText(),
        ),
      )
      .toMatch(/1 300 000 kr/);
    // The chart is an image with the same figures in words, beside the table.
    await visible(page.getByRole("img", { name: /Inkommen 26, .*Beviljad 4/ }));
    await expectNoAxeViolations(page);

    await page.getByLabel("Visa steg").selectOption("granted");
    const ideas = await visible(
      page.getByRole("table", { name: `Idéer till ${MOPS_CALL_TITLE}`, exact: true }),
    );
    await ideas.getByRole("link", { name: FUNDED_IDEAS[1] }).click();
    await heading(page, FUNDED_IDEAS[1]);
    await visible(page.getByRole("table", { name: `Vem som flyttat ${FUNDED_IDEAS[1]}, när och varför` }));
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: `Öppna projektet ${FUNDED_IDEAS[1]} i portföljen` }).click();
    await heading(page, FUNDED_IDEAS[1]);
    await visible(page.getByRole("heading", { level: 2, name: "Finansiering" }));
  });

  it("lets a coordinator select a submitted idea, two reviewers score it and the board grant it into the portfolio", async () => {
    // Set-up through the API: an open call with the coordinator on its panel, an idea from the public,
    // and the board's grant decision at a meeting (the governance pages are built elsewhere).
    const office = await apiAs(COORDINATOR);
    const member = await apiAs(GROUP_MEMBER);
    const calls = await office.send("GET", "/api/calls");
    const organisationId = calls.items.find(
      (c: { title: string }) => c.title === MOPS_CALL_TITLE,
    ).organisationId;
    const call = await office.send("POST", "/api/calls", {
      title: "Idéer för en aktiv vardag 2026",
      organisationId,
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      budget: 800_000,
    });
    await office.send("PUT", `/api/calls/${call.id}/reviewers`, { userIds: [office.userId] });
    const title = "Promenadvänner i Eskilstuna";
    await office.send("POST", `/api/public/calls/${call.id}/ideas`, {
      title,
      summary: "Frivilliga går med äldre som bor ensamma.",
      name: "Eva Idégivare",
      email: "eva.idegivare@example.se",
      organisation: "Eskilstuna kommun",
      consent: true,
    });
    const body = await office.send("POST", "/api/bodies", {
      name: "Styrelsen för idéresan",
      kind: "board",
      organisationId,
    });
    const meeting = await office.send("POST", "/api/meetings", {
      bodyId: body.id,
      startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      place: "Eskilstuna",
      agenda: [],
    });
    await office.send("POST", `/api/meetings/${meeting.id}/decisions`, {
      title: "Bidrag till Promenadvänner",
      text: "Styrelsen beviljar bidrag efter idéefterlysningen.",
      kind: "grant",
      amount: 500_000,
    });

    const page = await journey.newPage();
    await signInThroughApi(page, COORDINATOR);
    await page.goto(`/utlysningar/${call.id}`);
    await heading(page, "Idéer för en aktiv vardag 2026");
    // The coordinator adds the second reviewer, a member of the sector group, with the panel's picker:
    // typed search, arrow keys and Enter, as a keyboard user would.
    const panel = page.getByRole("region", { name: "Panel" });
    await visible(panel.getByRole("list", { name: "Granskare i panelen" }).getByText(office.name));
    const picker = panel.getByRole("combobox", { name: "Lägg till granskare" });
    await picker.fill(GROUP_MEMBER);
    await visible(page.getByRole("option", { name: member.name }));
    await picker.press("ArrowDown");
    await picker.press("Enter");
    await visible(panel.getByText(`${member.name} lades till i panelen.`));
    await visible(panel.getByRole("button", { name: `Ta bort ${member.name} ur panelen` }));
    await expectNoAxeViolations(page);
    await page.getByLabel("Organisation innehåller").fill("eskilstuna");
    await page.getByRole("link", { name: title }).click();
    await heading(page, title);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Välj ut till seminarieserien" }).click();
    await visible(page.getByText("Idén är flyttad till Utvald."));
    await page.getByRole("button", { name: "Börja utveckla" }).click();
    await visible(page.getByRole("button", { name: "Markera som pitchad" }));
    await page.getByLabel("Syfte").fill("Minskad ensamhet och mer rörelse bland äldre.");
    await page.getByRole("button", { name: "Spara en ny version" }).click();
    await visible(page.getByText("Versionen är sparad."));
    await visible(page.getByRole("heading", { name: "1 sparad version" }));
    await page.getByLabel("Dokumentets namn (frivilligt)").fill("Projektplan");
    await page.getByLabel("Fil", { exact: true }).setInputFiles({
      name: "projektplan.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n% Promenadvänner\n%%EOF\n"),
    });
    await page.getByRole("button", { name: "Ladda upp" }).click();
    await visible(page.getByText("Dokumentet är uppladdat."));
    await visible(page.getByRole("link", { name: "Projektplan" }));
    await page.getByRole("button", { name: "Markera som pitchad" }).click();
    await page.getByRole("button", { name: "Projektplan inlämnad" }).click();
    await visible(page.getByRole("button", { name: "Markera som beredd" }));
    await visible(page.getByText("Du ser de andras betyg när du själv har satt dina."));
    await scoreAll(page, [5, 4, 4]);
    await expectNoAxeViolations(page);

    // The second reviewer, a member of the sector group, sees the others' scores only after scoring.
    const reviewer = await journey.newPage({ viewport: { width: 390, height: 844 } });
    await signInThroughApi(reviewer, GROUP_MEMBER);
    await reviewer.goto(page.url());
    await heading(reviewer, title);
    await visible(reviewer.getByText("Du ser de andras betyg när du själv har satt dina."));
    await expectNoAxeViolations(reviewer);
    await scoreAll(reviewer, [3, 4, 4]);
    const reviews = await visible(reviewer.getByRole("table", { name: `Panelens betyg på ${title}` }));
    expect(await reviews.getByRole("row").count()).toBe(3);
    await visible(
      reviewer.getByText(/Medelbetyg: Relevans för samverkan 4, Genomförbarhet 4, Nytta för verksamheten 4/),
    );
    // …and prepares it for the board.
    await reviewer.getByLabel("Rekommendation till styrelsen").selectOption("grant");
    await reviewer
      .getByLabel("Varför", { exact: true })
      .fill("Stark förankring hos kommunen och föreningslivet.");
    await reviewer.getByLabel("Föreslaget belopp (kr, frivilligt)").fill("500000");
    await reviewer.getByRole("button", { name: "Spara beredningen" }).click();
    await visible(reviewer.getByText("Beredningen är sparad."));
    await expectNoAxeViolations(reviewer);

    await page.reload();
    await heading(page, title);
    await visible(page.getByText(/^Rekommenderar bifall \(/));
    await page.getByRole("button", { name: "Markera som beredd" }).click();
    const decision = await visible(page.getByLabel("Beslut", { exact: true }));
    const value = await decision
      .locator("option", { hasText: "Bidrag till Promenadvänner" })
      .getAttribute("value");
    await decision.selectOption(value!);
    await page.getByLabel("Belopp (kr)", { exact: true }).fill("900000");
    await page.getByRole("button", { name: "Bevilja och skapa projektet" }).click();
    await visible(page.getByText(/större än det som återstår av/).first());
    await page.getByLabel("Belopp (kr)", { exact: true }).fill("500000");
    await page.getByRole("button", { name: "Bevilja och skapa projektet" }).click();
    // Granted: the grant form gives way to the link to the new project.
    const project = await visible(page.getByRole("link", { name: `Öppna projektet ${title} i portföljen` }));
    await visible(page.getByRole("cell", { name: "Beviljad" }));
    await expectNoAxeViolations(page);
    await project.click();
    await heading(page, title);
    const funding = await visible(page.getByRole("table", { name: "Finansiering" }));
    await expect.poll(async () => nbsp(await funding.innerText())).toMatch(/500 000/);
    await expectNoAxeViolations(page);

    await page.goto("/planer/projekt");
    await page.getByLabel("Sök projekt").fill("Promenadvänner");
    await visible(page.getByRole("link", { name: title }));
  });
});
