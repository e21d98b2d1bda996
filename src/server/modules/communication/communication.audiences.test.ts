import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";
import { createEvent, register } from "../events/test/events.fixture.ts";

const t = await createTestApp();
const [coordinator, partner] = await Promise.all([t.login(demo.coordinator), t.login(demo.partner)]);

type Audience = {
  id: string;
  label: string;
  count: number;
  saved: boolean;
  criteria: Record<string, unknown>;
};
const audiences = async () =>
  (await t.request({ method: "GET", url: "/api/communication/audiences", as: coordinator })).json()
    .items as Audience[];

describe("GET /api/communication/audiences (issue 15: audiences chosen, with a recipient count)", () => {
  it("offers everyone, each theme and each saved segment by name, counted as the preview counts", async () => {
    const event = await createEvent(t, coordinator, { theme: "Vattenvård" });
    for (const email of ["a@vatten.example", "b@vatten.example"])
      await register(t, event.id, { name: email.split("@")[0], email, consentInvitations: true });
    await register(t, event.id, { name: "nej", email: "nej@vatten.example", consentInvitations: false });
    const saved = await t.request({
      method: "POST",
      url: "/api/communication/segments",
      as: coordinator,
      payload: { name: "Vattennätverket", criteria: { themes: ["Vattenvård"] } },
    });
    expect(saved.statusCode).toBe(201);

    const items = await audiences();
    const theme = items.find((a) => a.id === "theme:Vattenvård");
    expect(theme).toMatchObject({ label: "Intresserade av Vattenvård", count: 2, saved: false });
    expect(items.find((a) => a.id === saved.json().id)).toMatchObject({
      label: "Vattennätverket",
      count: 2,
      saved: true,
    });
    const everyone = items.find((a) => a.id === "all");
    expect(everyone?.label).toBe("Alla kontakter");
    const preview = await t.request({
      method: "POST",
      url: "/api/communication/segments/preview",
      as: coordinator,
      payload: everyone?.criteria,
    });
    expect(everyone?.count).toBe(preview.json().count);
    for (const a of items) expect(a.label).not.toMatch(/^[a-z]+[:_.]/);
  });

  it("is the collaboration office's: a partner is refused in Swedish, the public asked to sign in", async () => {
    const refused = await t.request({ method: "GET", url: "/api/communication/audiences", as: partner });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    const anonymous = await t.request({ method: "GET", url: "/api/communication/audiences" });
    expect(anonymous.statusCode).toBe(401);
  });
});
