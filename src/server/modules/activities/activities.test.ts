import { describe, expect, it } from "vitest";
import { createTestApp, demo } from "../../test/harness.ts";
import { registerFixture } from "../programmes/test/registers.fixture.ts";

const fixture = registerFixture();
const t = await createTestApp({ seed: fixture.seed });
const ids = fixture.ids;
const missing = "00000000-0000-4000-8000-000000000001";

const [coordinator, director, partner, groupMember] = await Promise.all([
  t.login(demo.coordinator),
  t.login(demo.programmeDirector),
  t.login(demo.partner),
  t.login(demo.groupMember),
]);

const titles = (res: { json(): { items: { title: string }[] } }) => res.json().items.map((a) => a.title);

async function create(payload: Record<string, unknown>, as = coordinator) {
  const res = await t.request({ method: "POST", url: "/api/activities", as, payload });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

// A small, dated set the list tests filter and sort.
const vfu = await create({
  title: "VFU inom slutenvården",
  typeKey: "vfu",
  description: "Verksamhetsförlagd utbildning på medicinavdelningar i Sundsvall.",
  startDate: "2024-09-02",
  endDate: "2024-10-25",
  status: "done",
  programmeIds: [ids.nursing],
  courseIds: [ids.nursingCourse],
  organisationIds: [ids.org.region],
  organiserIds: [ids.org.huv],
  mandatory: true,
  evaluated: true,
  evaluationText: "Studenterna gav handledningen 4,3 av 5.",
  participants: 62,
  tags: ["vård", "praktik", "vård"],
  evidenceLinks: [{ label: "Kursvärdering", url: "https://example.se/kursvardering.pdf" }],
});
const guest = await create({
  title: "Gästföreläsning om destinationsutveckling",
  typeKey: "gastforelasning",
  startDate: "2023-03-15",
  status: "done",
  courseIds: [ids.tourismCourse],
  participants: 35,
  tags: ["turism"],
});
const council = await create({
  title: "Programråd för turismprogrammet",
  typeKey: "programrad",
  startDate: "2025-11-20",
  status: "planned",
  programmeIds: [ids.tourism],
  organisationIds: [ids.org.harnosand],
});

describe("POST /api/activities", () => {
  it("creates an activity with its links, type labels and abilities", () => {
    expect(vfu).toMatchObject({
      typeKey: "vfu",
      type: { labelSv: "Verksamhetsförlagd utbildning (VFU)", category: "education" },
      status: "done",
      organisers: [{ name: "Fakulteten för humanvetenskap (HUV)" }],
      partners: [{ name: "Region Västernorrland" }],
      programmes: [{ code: "HSJUG" }],
      courses: [{ code: "OM041G", credits: 7.5 }],
      mandatory: true,
      evaluated: true,
      participants: 62,
      tags: ["vård", "praktik"],
      evidenceLinks: [{ label: "Kursvärdering", url: "https://example.se/kursvardering.pdf" }],
      abilities: { update: true, delete: true },
    });
  });

  it("answers bad input with 422 on the right fields, in Swedish", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/activities",
      as: coordinator,
      payload: {
        title: "",
        typeKey: "vfu",
        status: "klar",
        participants: 2.5,
        evidenceLinks: [{ label: "Länk", url: "javascript:alert(1)" }],
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toMatchObject({
      title: ["Fältet måste fyllas i."],
      status: ["Välj planerad, genomförd eller inställd."],
      participants: ["Ange ett heltal."],
      "evidenceLinks.0.url": ["Ange en fullständig webbadress som börjar med https:// eller http://."],
    });
  });

  it("refuses an end date before the start date with 422 on endDate", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/activities",
      as: coordinator,
      payload: {
        title: "Studiebesök",
        typeKey: "studiebesok",
        startDate: "2024-05-10",
        endDate: "2024-05-01",
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual({ endDate: ["Slutdatum kan inte vara före startdatum."] });
  });

  it("refuses an unknown type and unknown linked ids with 422 on the field", async () => {
    const type = await t.request({
      method: "POST",
      url: "/api/activities",
      as: coordinator,
      payload: { title: "Något", typeKey: "finnsinte" },
    });
    expect(type.statusCode).toBe(422);
    expect(type.json().errors).toEqual({ typeKey: ["Aktivitetstypen finns inte."] });
    for (const [field, message] of [
      ["programmeIds", "Ett eller flera av programmen finns inte."],
      ["courseIds", "En eller flera av kurserna finns inte."],
      ["organisationIds", "En eller flera av organisationerna finns inte."],
      ["organiserIds", "En eller flera av organisationerna finns inte."],
    ]) {
      const res = await t.request({
        method: "POST",
        url: "/api/activities",
        as: coordinator,
        payload: { title: "Något", typeKey: "studiebesok", [field]: [missing] },
      });
      expect(res.json().errors).toEqual({ [field]: [message] });
    }
    const both = await t.request({
      method: "POST",
      url: "/api/activities",
      as: coordinator,
      payload: {
        title: "Något",
        typeKey: "studiebesok",
        organisationIds: [ids.org.region],
        organiserIds: [ids.org.region],
      },
    });
    expect(both.json().errors).toEqual({
      organisationIds: ["En organisation kan inte vara både arrangör och partner."],
    });
  });

  it("lets a programme director record activities for their programme and its courses only", async () => {
    const own = await t.request({
      method: "POST",
      url: "/api/activities",
      as: director,
      payload: {
        title: "Studiebesök på akutmottagningen",
        typeKey: "studiebesok",
        courseIds: [ids.nursingCourse],
      },
    });
    expect(own.statusCode).toBe(201);
    expect(own.json().abilities).toEqual({ update: true, delete: true });
    const other = await t.request({
      method: "POST",
      url: "/api/activities",
      as: director,
      payload: { title: "Studiebesök i Åre", typeKey: "studiebesok", programmeIds: [ids.tourism] },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().errors).toEqual({
      programmeIds: ["Du kan bara koppla aktiviteter till dina egna program och deras kurser."],
    });
    const unlinked = await t.request({
      method: "POST",
      url: "/api/activities",
      as: director,
      payload: { title: "Utan koppling", typeKey: "studiebesok" },
    });
    expect(unlinked.statusCode).toBe(403);
  });

  it("answers partners and group members with 403 and the public with 401", async () => {
    for (const as of [partner, groupMember]) {
      const res = await t.request({
        method: "POST",
        url: "/api/activities",
        as,
        payload: { title: "x", typeKey: "vfu", programmeIds: [ids.nursing] },
      });
      expect(res.statusCode).toBe(403);
    }
    expect((await t.request({ method: "POST", url: "/api/activities", payload: {} })).statusCode).toBe(401);
  });

  it("refuses a deactivated type for new activities", async () => {
    const admin = await t.login(demo.admin);
    await t.request({
      method: "PATCH",
      url: "/api/activity-types/tavling",
      as: admin,
      payload: { active: false },
    });
    const res = await t.request({
      method: "POST",
      url: "/api/activities",
      as: coordinator,
      payload: { title: "Pitchtävling", typeKey: "tavling" },
    });
    expect(res.json().errors).toEqual({
      typeKey: ["Aktivitetstypen används inte längre. Välj en annan typ."],
    });
  });
});

describe("GET /api/activities", () => {
  it("lists newest first by default; sorts by start date or title on request", async () => {
    const params = `programmeId=${ids.tourism}`;
    const newest = await t.request({ method: "GET", url: `/api/activities?${params}`, as: partner });
    expect(titles(newest)).toEqual([council.title, guest.title]);
    const oldest = await t.request({
      method: "GET",
      url: `/api/activities?${params}&sort=startDate`,
      as: partner,
    });
    expect(titles(oldest)).toEqual([guest.title, council.title]);
    const byTitle = await t.request({
      method: "GET",
      url: "/api/activities?sort=title&limit=500",
      as: partner,
    });
    const all = titles(byTitle);
    expect(all).toEqual([...all].sort((a, b) => a.localeCompare(b, "sv")));
  });

  it("pages through the list with a cursor without repeating or skipping", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.request({
        method: "GET",
        url: `/api/activities?limit=1${cursor ? `&cursor=${cursor}` : ""}`,
        as: partner,
      });
      seen.push(...titles(res));
      cursor = res.json().nextCursor;
    } while (cursor);
    const whole = await t.request({ method: "GET", url: "/api/activities", as: partner });
    expect(seen).toEqual(titles(whole));
    expect(seen.length).toBeGreaterThanOrEqual(4);
  });

  it("filters by programme (including its courses), course, type, status, organisation, dates, tag and text", async () => {
    const get = async (query: string) =>
      titles(await t.request({ method: "GET", url: `/api/activities?${query}`, as: groupMember }));
    expect(await get(`programmeId=${ids.tourism}&status=done`)).toEqual([guest.title]);
    expect(await get(`courseId=${ids.tourismCourse}`)).toEqual([guest.title]);
    expect(await get("typeKey=programrad")).toEqual([council.title]);
    expect(await get(`organisationId=${ids.org.region}`)).toEqual([vfu.title]);
    expect(await get(`organisationId=${ids.org.huv}`)).toEqual([vfu.title]);
    expect(await get("from=2024-10-01&to=2024-12-31")).toEqual([vfu.title]);
    expect(await get("from=2025-01-01")).toEqual([council.title]);
    expect(await get("tag=turism")).toEqual([guest.title]);
    expect(await get("q=medicinavdelningar")).toEqual([vfu.title]);
    expect(await get("q=GÄSTFÖRE")).toEqual([guest.title]);
  });

  it("gives readers no change abilities, and answers 401/422", async () => {
    const res = await t.request({ method: "GET", url: "/api/activities", as: partner });
    expect(res.json().items.every((a: { abilities: { update: boolean } }) => !a.abilities.update)).toBe(true);
    expect((await t.request({ method: "GET", url: "/api/activities" })).statusCode).toBe(401);
    const bad = await t.request({
      method: "GET",
      url: "/api/activities?from=2024-13-01&sort=datum",
      as: partner,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual({
      from: ["Ange ett datum som ÅÅÅÅ-MM-DD."],
      sort: ["Värdet är inte tillåtet."],
    });
  });
});

describe("GET/PATCH/DELETE /api/activities/{id}", () => {
  it("shows one activity and answers 404 for an unknown id", async () => {
    const res = await t.request({ method: "GET", url: `/api/activities/${vfu.id}`, as: partner });
    expect(res.json()).toMatchObject({ title: vfu.title, abilities: { update: false, delete: false } });
    expect(
      (await t.request({ method: "GET", url: `/api/activities/${missing}`, as: partner })).statusCode,
    ).toBe(404);
  });

  it("answers a programme director of another programme with 403 on PATCH", async () => {
    const res = await t.request({
      method: "PATCH",
      url: `/api/activities/${council.id}`,
      as: director,
      payload: { status: "cancelled" },
    });
    expect(res.statusCode).toBe(403);
    const after = await t.request({ method: "GET", url: `/api/activities/${council.id}`, as: director });
    expect(after.json()).toMatchObject({ status: "planned", abilities: { update: false } });
  });

  it("lets the director update their programme's activity but not move it to another programme", async () => {
    const ok = await t.request({
      method: "PATCH",
      url: `/api/activities/${vfu.id}`,
      as: director,
      payload: { participants: 64, tags: ["vård"] },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ participants: 64, tags: ["vård"], programmes: [{ code: "HSJUG" }] });
    const moved = await t.request({
      method: "PATCH",
      url: `/api/activities/${vfu.id}`,
      as: director,
      payload: { programmeIds: [ids.nursing, ids.tourism] },
    });
    expect(moved.statusCode).toBe(403);
  });

  it("checks dates and type on the activity as it will be (422) and 404 for an unknown id", async () => {
    const dates = await t.request({
      method: "PATCH",
      url: `/api/activities/${vfu.id}`,
      as: coordinator,
      payload: { endDate: "2024-08-01" },
    });
    expect(dates.statusCode).toBe(422);
    expect(dates.json().errors).toEqual({ endDate: ["Slutdatum kan inte vara före startdatum."] });
    const type = await t.request({
      method: "PATCH",
      url: `/api/activities/${vfu.id}`,
      as: coordinator,
      payload: { typeKey: "okand" },
    });
    expect(type.json().errors).toEqual({ typeKey: ["Aktivitetstypen finns inte."] });
    const gone = await t.request({
      method: "PATCH",
      url: `/api/activities/${missing}`,
      as: coordinator,
      payload: { title: "x" },
    });
    expect(gone.statusCode).toBe(404);
  });

  it("tells what deleting would affect, and deletes (director of the programme)", async () => {
    const impact = await t.request({ method: "GET", url: `/api/activities/${vfu.id}/impact`, as: director });
    expect(impact.json().effects).toEqual([
      { kind: "organisationLinks", count: 2, text: "Kopplingen till 2 organisationer tas bort." },
      { kind: "programmeLinks", count: 1, text: "Kopplingen till 1 program tas bort." },
      { kind: "courseLinks", count: 1, text: "Kopplingen till 1 kurs tas bort." },
      { kind: "evidence", count: 1, text: "1 underlag (länk) försvinner med aktiviteten." },
    ]);
    expect(
      (await t.request({ method: "DELETE", url: `/api/activities/${council.id}`, as: director })).statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: "DELETE", url: `/api/activities/${vfu.id}`, as: partner })).statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: "DELETE", url: `/api/activities/${vfu.id}`, as: director })).statusCode,
    ).toBe(204);
    expect(
      (await t.request({ method: "GET", url: `/api/activities/${vfu.id}`, as: director })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: "GET", url: `/api/activities/${vfu.id}/impact`, as: director })).statusCode,
    ).toBe(404);
  });
});

describe("a programme's done activities in a period (what the compass counts)", () => {
  it("lists done activities linked to the programme or its courses within the period", async () => {
    await create({
      title: "Inställt studiebesök",
      typeKey: "studiebesok",
      startDate: "2023-04-01",
      status: "cancelled",
      programmeIds: [ids.tourism],
    });
    const done = (year: number) =>
      t.request({
        method: "GET",
        url: `/api/activities?programmeId=${ids.tourism}&status=done&from=${year}-01-01&to=${year}-12-31`,
        as: coordinator,
      });
    const done2023 = (await done(2023)).json().items;
    expect(done2023.map((a: { title: string }) => a.title)).toEqual([guest.title]);
    expect(done2023[0]).toMatchObject({
      typeKey: "gastforelasning",
      participants: 35,
      courses: [{ code: "TU016G" }],
    });
    expect((await done(2024)).json().items).toEqual([]);
  });
});

describe("OpenAPI", () => {
  it("documents the registers' routes", async () => {
    const doc = (await t.request({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of [
      "/api/programmes",
      "/api/courses/{id}/impact",
      "/api/activities/{id}",
      "/api/activity-types/{key}",
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });
});

describe("GET /api/activities by start date (the sorts the date indexes serve)", () => {
  it("pages either way with undated activities last and same-day ones in a stable order, none repeated or skipped", async () => {
    const made = [
      await create({ title: "Sidning odaterad 1", typeKey: "ovrigt", status: "planned", tags: ["sidning"] }),
      await create({
        title: "Sidning 2024 a",
        typeKey: "ovrigt",
        startDate: "2024-05-02",
        tags: ["sidning"],
      }),
      await create({ title: "Sidning odaterad 2", typeKey: "ovrigt", status: "planned", tags: ["sidning"] }),
      await create({
        title: "Sidning 2024 b",
        typeKey: "ovrigt",
        startDate: "2024-05-02",
        tags: ["sidning"],
      }),
      await create({ title: "Sidning 2023", typeKey: "ovrigt", startDate: "2023-01-09", tags: ["sidning"] }),
    ];
    for (const sort of ["startDate", "-startDate"]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await t.request({
          method: "GET",
          url: `/api/activities?tag=sidning&sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ""}`,
          as: partner,
        });
        seen.push(...titles(res));
        cursor = res.json().nextCursor;
      } while (cursor);
      const whole = titles(
        await t.request({ method: "GET", url: `/api/activities?tag=sidning&sort=${sort}`, as: partner }),
      );
      expect(seen).toEqual(whole);
      expect(new Set(seen.slice(3))).toEqual(new Set(["Sidning odaterad 1", "Sidning odaterad 2"]));
      expect(seen.slice(0, 3).map((title) => title.slice(0, 12))).toEqual(
        sort === "startDate"
          ? ["Sidning 2023", "Sidning 2024", "Sidning 2024"]
          : ["Sidning 2024", "Sidning 2024", "Sidning 2023"],
      );
    }
    for (const activity of made)
      await t.request({ method: "DELETE", url: `/api/activities/${activity.id}`, as: coordinator });
  });
});
