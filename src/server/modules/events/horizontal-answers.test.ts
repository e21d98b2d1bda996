import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { createEvent, register, tokenOf } from "./test/events.fixture.ts";

/**
 * The horizontal criteria's data on registration (issue 16, item 3): an optional gender answer kept
 * only with its own consent and counted only in groups of at least 5, and optional accessibility
 * needs purged with the dietary needs when the event is over.
 */

const t = await createTestApp();
const [coordinator, admin] = await Promise.all([t.login(demo.coordinator), t.login(demo.admin)]);

const genderRows = async () =>
  (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from event_gender_answers`))[0]
    .n;

/** Moves an event's only session into the past: it is over (purge) and counts in indicators. */
const moveToPast = (eventId: string) =>
  t.request({
    method: "PATCH",
    url: `/api/events/${eventId}`,
    as: coordinator,
    payload: { sessions: [{ date: "2025-05-05", startTime: "09:00", endTime: "12:00" }] },
  });

describe("POST /api/public/events/:id/registrations: gender answer and consent", () => {
  it("refuses a gender answer without the separate consent (422 on consentGender) and stores nothing", async () => {
    const event = await createEvent(t, coordinator);
    const before = await genderRows();
    const res = await register(t, event.id, {
      name: "Utan Samtycke",
      email: "utan.samtycke@example.se",
      gender: "kvinna",
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors.consentGender).toEqual([
      "Kryssa i samtycket om du vill lämna uppgift om kön, annars lämna fältet tomt.",
    ]);
    expect(await genderRows()).toBe(before);
    const bad = await register(t, event.id, {
      name: "Fel Värde",
      email: "fel.varde@example.se",
      gender: "okänt",
      consentGender: true,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toHaveProperty("gender");
  });

  it("keeps the answer with consent, shows it only through the person's own link, and deletes it when consent is withdrawn", async () => {
    const event = await createEvent(t, coordinator);
    const res = await register(t, event.id, {
      name: "Med Samtycke",
      email: "med.samtycke@example.se",
      gender: "annat",
      consentGender: true,
    });
    expect(res.statusCode).toBe(201);
    const url = `/api/public/registrations/${tokenOf(res.json().manageUrl)}`;
    expect((await t.request({ method: "GET", url })).json().gender).toBe("annat");
    // The organiser's participant list never carries it.
    const list = await t.request({
      method: "GET",
      url: `/api/events/${event.id}/participants`,
      as: coordinator,
    });
    expect(list.json().items[0]).not.toHaveProperty("gender");
    const withdrawn = await t.request({ method: "PATCH", url, payload: { consentGender: false } });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().gender).toBeNull();
    const again = await t.request({ method: "PATCH", url, payload: { gender: "man" } });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors).toHaveProperty("consentGender");
  });
});

describe("indicator kind count_participants_by_gender", () => {
  it("counts attending participants per gender only in groups of at least 5, never per person", async () => {
    const project = await t.request({
      method: "POST",
      url: "/api/projects",
      as: coordinator,
      payload: { name: "Jämställdhetsuppföljning" },
    });
    expect(project.statusCode).toBe(201);
    const projectId = project.json().id as string;
    const event = await createEvent(t, coordinator, { projectId });
    const people: [string, string | null][] = [
      ...Array.from({ length: 5 }, (_, i): [string, string] => [`kvinna${i}`, "kvinna"]),
      ...Array.from({ length: 4 }, (_, i): [string, string] => [`man${i}`, "man"]),
      ["ingetsvar", null],
    ];
    for (const [name, gender] of people) {
      const res = await register(t, event.id, {
        name,
        email: `${name}@example.se`,
        ...(gender ? { gender, consentGender: true } : {}),
      });
      expect(res.statusCode).toBe(201);
      const checkIn = await t.request({
        method: "POST",
        url: `/api/events/${event.id}/attendance`,
        as: coordinator,
        payload: { code: res.json().checkinCode },
      });
      expect(checkIn.statusCode).toBe(200);
    }
    expect((await moveToPast(event.id)).statusCode).toBe(200);

    const indicator = async (genders?: string[]) => {
      const res = await t.request({
        method: "POST",
        url: "/api/indicators",
        as: coordinator,
        payload: {
          name: `Deltagare per kön ${genders?.join(",") ?? "alla"}`,
          unit: "personer",
          projectId,
          target: 10,
          definition: { kind: "count_participants_by_gender", filters: { projectId, genders } },
        },
      });
      expect(res.statusCode).toBe(201);
      const id = res.json().id as string;
      const one = (await t.request({ method: "GET", url: `/api/indicators/${id}`, as: coordinator })).json();
      const records = (
        await t.request({ method: "GET", url: `/api/indicators/${id}/records`, as: coordinator })
      ).json().items;
      return { one, records };
    };

    // All groups: only the 5 women are a group large enough; the 4 men are not shown or summed.
    const all = await indicator();
    expect(all.one.actual).toBe(5);
    expect(all.one.definitionText).toContain("bara grupper om minst 5");
    expect(all.records).toEqual([
      { kind: "group", id: null, label: "kvinna", date: null, amount: 5, detail: null, projectId: null },
    ]);
    // Every listed record is a group, never a person; the value is what they add up to.
    expect(all.records.reduce((s: number, r: { amount: number }) => s + r.amount, 0)).toBe(all.one.actual);

    // Men alone: fewer than 5, so not measured rather than a number.
    const men = await indicator(["man"]);
    expect(men.one.actual).toBeNull();
    expect(men.one.status).toBe("no_data");
    expect(men.records).toEqual([]);
  });

  it("answers 422 on an unknown gender in the definition", async () => {
    const res = await t.request({
      method: "POST",
      url: "/api/indicators/preview",
      as: coordinator,
      payload: { definition: { kind: "count_participants_by_gender", filters: { genders: ["okänt"] } } },
    });
    expect(res.statusCode).toBe(422);
  });
});

describe("accessibility needs", () => {
  it("are asked optionally, shown to the organiser, and purged with dietary needs when the event is over", async () => {
    const event = await createEvent(t, coordinator, {
      questions: { dietary: true },
      sessions: [{ date: "2027-05-05", startTime: "12:00", endTime: "13:00" }],
    });
    const res = await register(t, event.id, {
      name: "Hör Slinga",
      email: "horslinga@example.se",
      dietary: "Laktosfritt",
      accessibility: "Hörslinga",
      gender: "kvinna",
      consentGender: true,
    });
    expect(res.statusCode).toBe(201);
    const own = `/api/public/registrations/${tokenOf(res.json().manageUrl)}`;
    expect((await t.request({ method: "GET", url: own })).json().accessibility).toBe("Hörslinga");
    const list = async () =>
      (
        await t.request({ method: "GET", url: `/api/events/${event.id}/participants`, as: coordinator })
      ).json().items[0];
    expect(await list()).toMatchObject({ dietary: "Laktosfritt", accessibility: "Hörslinga" });

    const purge = () =>
      t.request({ method: "POST", url: "/api/admin/events/purge-dietary-needs", as: admin });
    expect((await purge()).json().purged).toBe(0);
    await moveToPast(event.id);
    expect((await purge()).json().purged).toBe(2);
    expect(await list()).toMatchObject({ dietary: null, accessibility: null });
    const left = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from event_accessibility_needs`,
    );
    expect(left[0].n).toBe(0);
    // The consented gender answer is not health data: it stays for the aggregated follow-up.
    const kept = await queryRows<{ gender: string }>(
      t.database.db,
      sql`select g.gender from event_gender_answers g join event_registrations r on r.id = g.registration_id
          where r.email = 'horslinga@example.se'`,
    );
    expect(kept).toEqual([{ gender: "kvinna" }]);
  });
});
