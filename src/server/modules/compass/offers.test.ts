import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, demo, type Session } from "../../test/harness.ts";
import { type CompassFixture, otherDirectorEmail, seedCompassFixture } from "./test/compass.fixture.ts";

let f: CompassFixture;
const t = await createTestApp({
  seed: async (database) => {
    f = await seedCompassFixture(database);
  },
});
let director: Session;
let otherDirector: Session;
let coordinator: Session;
let partner: Session;
beforeAll(async () => {
  director = await t.login(demo.programmeDirector);
  otherDirector = await t.login(otherDirectorEmail);
  coordinator = await t.login(demo.coordinator);
  partner = await t.login(demo.partner);
});

const offer = (over: Record<string, unknown> = {}) => ({
  title: "Studiebesök med Miun Karriär",
  description: "Vi ordnar studiebesök hos arbetsgivare i regionen.",
  dimensions: ["encounters"],
  targetLevel: 2,
  activityTypeKey: "studiebesok",
  contactName: "Pernilla Sivertsen",
  contactEmail: "Karriar@Miun.se",
  ...over,
});

describe("offers catalogue", () => {
  let id: string;

  it("lets a coordinator add an offer, which everyone logged in can read", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/compass/offers",
      payload: offer({ organisationId: f.sam }),
      as: coordinator,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      title: "Studiebesök med Miun Karriär",
      contactEmail: "karriar@miun.se",
      organisationName: "Samverkansavdelningen (SAM)",
      active: true,
    });
    id = res.json().id;
    const list = await t.request({ method: "GET", url: "/api/compass/offers", as: partner });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((o: { id: string }) => o.id)).toContain(id);
    const one = await t.request({ method: "GET", url: `/api/compass/offers/${id}`, as: director });
    expect(one.json().dimensions).toEqual(["encounters"]);
  });

  it("filters by dimension and hides inactive offers unless staff ask for them", async () => {
    const other = await t.request({
      method: "POST",
      url: "/api/compass/offers",
      payload: offer({
        title: "Alumnpanel",
        dimensions: ["alumni"],
        activityTypeKey: "alumnmedverkan",
        active: false,
      }),
      as: coordinator,
    });
    expect(other.statusCode).toBe(201);
    const encounters = await t.request({
      method: "GET",
      url: "/api/compass/offers?dimension=encounters",
      as: director,
    });
    expect(
      encounters.json().items.every((o: { dimensions: string[] }) => o.dimensions.includes("encounters")),
    ).toBe(true);
    const visible = await t.request({ method: "GET", url: "/api/compass/offers", as: director });
    expect(visible.json().items.some((o: { title: string }) => o.title === "Alumnpanel")).toBe(false);
    const all = await t.request({
      method: "GET",
      url: "/api/compass/offers?includeInactive=true",
      as: coordinator,
    });
    expect(all.json().items.some((o: { title: string }) => o.title === "Alumnpanel")).toBe(true);
  });

  it("changes an offer with PATCH", async () => {
    const res = await t.request({
      method: "PATCH",
      url: `/api/compass/offers/${id}`,
      payload: { targetLevel: 3 },
      as: coordinator,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().targetLevel).toBe(3);
  });

  it("answers 403 to a programme director and a partner", async () => {
    for (const as of [director, partner]) {
      const res = await t.request({ method: "POST", url: "/api/compass/offers", payload: offer(), as });
      expect(res.statusCode).toBe(403);
      const patch = await t.request({
        method: "PATCH",
        url: `/api/compass/offers/${id}`,
        payload: { active: false },
        as,
      });
      expect(patch.statusCode).toBe(403);
    }
  });

  it("rejects missing fields, an unknown dimension, activity type or unit with 422", async () => {
    const empty = await t.request({
      method: "POST",
      url: "/api/compass/offers",
      payload: { dimensions: [] },
      as: coordinator,
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors).toMatchObject({
      title: ["Fältet måste fyllas i."],
      dimensions: ["Välj minst en dimension."],
    });
    const refs = await t.request({
      method: "POST",
      url: "/api/compass/offers",
      payload: offer({
        dimensions: ["rymden"],
        activityTypeKey: "dans",
        organisationId: "00000000-0000-4000-8000-000000000000",
      }),
      as: coordinator,
    });
    expect(refs.statusCode).toBe(422);
    expect(refs.json().errors).toEqual({
      dimensions: ["Dimensionen finns inte i kompassens modell."],
      activityTypeKey: ["Aktivitetstypen finns inte i katalogen."],
      organisationId: ["Enheten finns inte i registret."],
    });
    const level = await t.request({
      method: "POST",
      url: "/api/compass/offers",
      payload: offer({ targetLevel: 0 }),
      as: coordinator,
    });
    expect(level.json().errors.targetLevel).toEqual(["Erbjudandet ska hjälpa till att nå nivå 1–4."]);
  });

  it("answers 404 for an unknown offer", async () => {
    const res = await t.request({
      method: "GET",
      url: "/api/compass/offers/00000000-0000-4000-8000-000000000000",
      as: director,
    });
    expect(res.statusCode).toBe(404);
    const patch = await t.request({
      method: "PATCH",
      url: "/api/compass/offers/00000000-0000-4000-8000-000000000000",
      payload: { active: false },
      as: coordinator,
    });
    expect(patch.statusCode).toBe(404);
  });
});

describe("recommendations, taking an offer and the work plan", () => {
  let mentor: string;
  let guest: string;
  let alumni: string;

  beforeAll(async () => {
    const create = async (payload: Record<string, unknown>) =>
      (
        await t.request({
          method: "POST",
          url: "/api/compass/offers",
          payload: offer(payload),
          as: coordinator,
        })
      ).json().id;
    guest = await create({
      title: "Gästföreläsare från branschen",
      dimensions: ["encounters"],
      targetLevel: 2,
      activityTypeKey: "gastforelasning",
    });
    mentor = await create({
      title: "Mentorprogrammet",
      dimensions: ["career", "alumni"],
      targetLevel: 3,
      activityTypeKey: "mentorprogram",
    });
    alumni = await create({
      title: "Alumner som gästföreläsare",
      dimensions: ["alumni"],
      targetLevel: 2,
      activityTypeKey: "alumnmedverkan",
    });
    await t.request({
      method: "PUT",
      url: `/api/compass/programmes/${f.nursing}/goals?year=2024`,
      payload: { goals: { encounters: 2, alumni: 3, placement: 4 } },
      as: director,
    });
  });

  it("recommends matching offers per gap, largest gap first, best fit first", async () => {
    const res = await t.request({
      method: "GET",
      url: `/api/compass/programmes/${f.nursing}/recommendations?year=2024`,
      as: director,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      dimensionKey: string;
      gap: number;
      offers: { id: string; title: string }[];
    }[];
    // alumni 0 → 3 (gap 3) before encounters 1 → 2 (gap 1); placement has reached its goal.
    expect(items.map((i) => [i.dimensionKey, i.gap])).toEqual([
      ["alumni", 3],
      ["encounters", 1],
    ]);
    expect(items[0].offers.map((o) => o.id)).toEqual([mentor, alumni]);
    expect(items[1].offers.map((o) => o.id)).toContain(guest);
  });

  it("takes an offer: a planned activity appears in the work plan, and the offer is marked taken", async () => {
    const res = await t.request({
      method: "POST",
      url: `/api/compass/programmes/${f.nursing}/offers/${mentor}/take?year=2024`,
      payload: { dimensionKey: "alumni", startDate: "2024-09-01" },
      as: director,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      title: "Mentorprogrammet",
      status: "planned",
      startDate: "2024-09-01",
      offerId: mentor,
      takenBy: "Per Programansvarig",
      dimensions: ["career"],
    });
    const activity = await t.request({
      method: "GET",
      url: `/api/activities/${res.json().activityId}`,
      as: director,
    });
    expect(activity.statusCode).toBe(200);
    expect(activity.json()).toMatchObject({ status: "planned", typeKey: "mentorprogram" });

    const plan = await t.request({
      method: "GET",
      url: `/api/compass/programmes/${f.nursing}/work-plan?year=2024`,
      as: coordinator,
    });
    const titles = plan
      .json()
      .items.map((i: { title: string; offerTitle: string | null }) => [i.title, i.offerTitle]);
    expect(titles).toContainEqual(["Mentorprogrammet", "Mentorprogrammet"]);
    // A planned activity recorded in the register is part of the plan too.
    expect(titles).toContainEqual(["Studiebesök på akuten", null]);

    const recs = await t.request({
      method: "GET",
      url: `/api/compass/programmes/${f.nursing}/recommendations?year=2024`,
      as: director,
    });
    const alumniOffers = recs.json().items[0].offers;
    expect(alumniOffers.find((o: { id: string }) => o.id === mentor).taken).toBe(true);
    // Planned, not done: the level does not move until the activity is carried out.
    const compass = await t.request({
      method: "GET",
      url: `/api/compass/programmes/${f.nursing}?year=2024`,
      as: director,
    });
    expect(compass.json().dimensions.find((d: { key: string }) => d.key === "career").current).toBe(3);
  });

  it("answers 409 when the same offer is taken twice for the year", async () => {
    const res = await t.request({
      method: "POST",
      url: `/api/compass/programmes/${f.nursing}/offers/${mentor}/take?year=2024`,
      payload: {},
      as: director,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe("Programmet har redan tagit det här erbjudandet för året.");
  });

  it("answers 403 to another programme's director, 404 for unknown offer or programme", async () => {
    const other = await t.request({
      method: "POST",
      url: `/api/compass/programmes/${f.nursing}/offers/${guest}/take?year=2024`,
      payload: {},
      as: otherDirector,
    });
    expect(other.statusCode).toBe(403);
    const noOffer = await t.request({
      method: "POST",
      url: `/api/compass/programmes/${f.nursing}/offers/00000000-0000-4000-8000-000000000000/take?year=2024`,
      payload: {},
      as: director,
    });
    expect(noOffer.statusCode).toBe(404);
    const noProgramme = await t.request({
      method: "GET",
      url: "/api/compass/programmes/00000000-0000-4000-8000-000000000000/work-plan",
      as: director,
    });
    expect(noProgramme.statusCode).toBe(404);
    const noRecs = await t.request({
      method: "GET",
      url: "/api/compass/programmes/00000000-0000-4000-8000-000000000000/recommendations",
      as: director,
    });
    expect(noRecs.statusCode).toBe(404);
  });

  it("rejects a dimension the offer does not strengthen and a date outside the year", async () => {
    const dim = await t.request({
      method: "POST",
      url: `/api/compass/programmes/${f.nursing}/offers/${guest}/take?year=2024`,
      payload: { dimensionKey: "placement" },
      as: director,
    });
    expect(dim.statusCode).toBe(422);
    expect(dim.json().errors.dimensionKey).toEqual(["Erbjudandet stärker inte den dimensionen."]);
    const date = await t.request({
      method: "POST",
      url: `/api/compass/programmes/${f.nursing}/offers/${guest}/take?year=2024`,
      payload: { startDate: "2025-02-01" },
      as: director,
    });
    expect(date.statusCode).toBe(422);
    expect(date.json().errors.startDate).toEqual([
      "Datumet måste ligga inom perioden 2024-01-01–2024-12-31.",
    ]);
    const malformed = await t.request({
      method: "POST",
      url: `/api/compass/programmes/${f.nursing}/offers/${guest}/take?year=2024`,
      payload: { startDate: "1 sept" },
      as: director,
    });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().errors.startDate).toEqual(["Ange ett datum som ÅÅÅÅ-MM-DD."]);
  });

  it("does not let an inactive offer be taken", async () => {
    await t.request({
      method: "PATCH",
      url: `/api/compass/offers/${alumni}`,
      payload: { active: false },
      as: coordinator,
    });
    const res = await t.request({
      method: "POST",
      url: `/api/compass/programmes/${f.nursing}/offers/${alumni}/take?year=2024`,
      payload: {},
      as: director,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe("Erbjudandet är inte längre aktivt.");
  });
});
