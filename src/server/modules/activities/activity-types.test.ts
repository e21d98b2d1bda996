import { describe, expect, it } from "vitest";
import { seededActivityTypes } from "../../../common/activity-types.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { ensureActivityTypes } from "./activity-types.service.ts";

const t = await createTestApp();
const [admin, coordinator, partner] = await Promise.all([
  t.login(demo.admin),
  t.login(demo.coordinator),
  t.login(demo.partner),
]);

describe("GET /api/activity-types", () => {
  it("lists the seeded catalogue in order with Swedish and English labels", async () => {
    const res = await t.request({ method: "GET", url: "/api/activity-types", as: partner });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(seededActivityTypes.length);
    expect(items[0]).toEqual({
      key: "praktik",
      labelSv: "Praktik",
      labelEn: "Internship",
      category: "education",
      sortOrder: 10,
      active: true,
    });
    expect(items.find((i: { key: string }) => i.key === "vfu").labelSv).toBe(
      "Verksamhetsförlagd utbildning (VFU)",
    );
  });

  it("answers the public with 401", async () => {
    expect((await t.request({ method: "GET", url: "/api/activity-types" })).statusCode).toBe(401);
  });
});

describe("POST/PATCH /api/activity-types", () => {
  it("lets an administrator add a type, placed last", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/activity-types",
      as: admin,
      payload: { key: "hackathon", labelSv: "Hackathon", labelEn: "Hackathon", category: "meeting" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      key: "hackathon",
      active: true,
      sortOrder: (seededActivityTypes.length + 1) * 10,
    });
  });

  it("refuses a taken or malformed key with 422, and non-administrators with 403", async () => {
    const taken = await t.request({
      method: "POST",
      url: "/api/activity-types",
      as: admin,
      payload: { key: "vfu", labelSv: "VFU igen", labelEn: "VFU again" },
    });
    expect(taken.statusCode).toBe(422);
    expect(taken.json().errors).toEqual({ key: ["Det finns redan en aktivitetstyp med nyckeln vfu."] });
    const malformed = await t.request({
      method: "POST",
      url: "/api/activity-types",
      as: admin,
      payload: { key: "Ny typ", labelSv: "", labelEn: "x" },
    });
    expect(malformed.json().errors).toEqual({
      key: [
        "Nyckeln ska börja med en bokstav och bara innehålla a–z, siffror och understreck (2–40 tecken).",
      ],
      labelSv: ["Fältet måste fyllas i."],
    });
    const coord = await t.request({
      method: "POST",
      url: "/api/activity-types",
      as: coordinator,
      payload: { key: "annat", labelSv: "Annat", labelEn: "Other" },
    });
    expect(coord.statusCode).toBe(403);
  });

  it("relabels and deactivates a type; a start-up does not undo it", async () => {
    const res = await t.request({
      method: "PATCH",
      url: "/api/activity-types/mingel",
      as: admin,
      payload: { labelSv: "Branschmingel", active: false },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      key: "mingel",
      labelSv: "Branschmingel",
      labelEn: "Mingle",
      active: false,
    });
    expect(await ensureActivityTypes(t.database.db)).toBe(0);
    const list = await t.request({ method: "GET", url: "/api/activity-types", as: partner });
    expect(list.json().items.find((i: { key: string }) => i.key === "mingel")).toMatchObject({
      labelSv: "Branschmingel",
      active: false,
    });
  });

  it("answers 404 for an unknown key, 403 for a coordinator and 422 for a bad body", async () => {
    const unknown = await t.request({
      method: "PATCH",
      url: "/api/activity-types/finnsinte",
      as: admin,
      payload: { labelSv: "x" },
    });
    expect(unknown.statusCode).toBe(404);
    const coord = await t.request({
      method: "PATCH",
      url: "/api/activity-types/vfu",
      as: coordinator,
      payload: { labelSv: "x" },
    });
    expect(coord.statusCode).toBe(403);
    const bad = await t.request({
      method: "PATCH",
      url: "/api/activity-types/vfu",
      as: admin,
      payload: { active: "nej" },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.active).toEqual(["Fel typ av värde."]);
  });
});
