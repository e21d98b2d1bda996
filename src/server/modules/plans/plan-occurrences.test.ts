import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { occurrenceDates } from "../../../common/plans.ts";
import { queryRows } from "../../db/client.ts";
import { createTestApp, demo } from "../../test/harness.ts";

const t = await createTestApp();
const coordinator = await t.login(demo.coordinator);
const member = await t.login(demo.groupMember);
const missing = "00000000-0000-4000-8000-000000000000";

const plan = (
  await t.request({
    method: "POST",
    url: "/api/plans",
    as: coordinator,
    payload: { title: "Handlingsplan 2013–2015", periodStart: "2013-01-01", periodEnd: "2015-12-31" },
  })
).json();

async function addItem(number: number, extra: Record<string, unknown>) {
  return t.request({
    method: "POST",
    url: `/api/plans/${plan.id}/items`,
    as: coordinator,
    payload: { number, title: `Insats ${number}`, ...extra },
  });
}

const network = (
  await addItem(7, {
    title: "Internt nätverk för samverkansfrågor",
    recurrence: "1 gång per termin",
    recurrenceFrequency: "semester",
    recurrenceStart: "2014-01-15",
    recurrenceEnd: "2015-12-31",
  })
).json();
const occurrencesUrl = `/api/plans/${plan.id}/items/${network.id}/occurrences`;

describe("occurrenceDates", () => {
  it("steps 6, 1 or 12 months from the start and keeps the day within short months", () => {
    expect(occurrenceDates("semester", "2014-01-15", "2015-12-31")).toEqual([
      "2014-01-15",
      "2014-07-15",
      "2015-01-15",
      "2015-07-15",
    ]);
    expect(occurrenceDates("monthly", "2014-01-31", "2014-04-30")).toEqual([
      "2014-01-31",
      "2014-02-28",
      "2014-03-31",
      "2014-04-30",
    ]);
    expect(occurrenceDates("yearly", "2014-03-01", "2016-02-28")).toEqual(["2014-03-01", "2015-03-01"]);
  });
});

describe("GET /api/plans/{id}/items/{itemId}/occurrences", () => {
  it("schedules a recurring item's occurrences and keeps the free text as a note", async () => {
    expect(network).toMatchObject({
      recurrence: "1 gång per termin",
      recurrenceFrequency: "semester",
      recurrenceStart: "2014-01-15",
      recurrenceEnd: "2015-12-31",
    });
    const res = await t.request({ method: "GET", url: occurrencesUrl, as: member });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((o: { dueDate: string; doneAt: null }) => [o.dueDate, o.doneAt])).toEqual([
      ["2014-01-15", null],
      ["2014-07-15", null],
      ["2015-01-15", null],
      ["2015-07-15", null],
    ]);
  });

  it("answers 404 for an unknown item or an item of another plan, 401 to the public", async () => {
    const unknown = await t.request({
      method: "GET",
      url: `/api/plans/${plan.id}/items/${missing}/occurrences`,
      as: member,
    });
    expect(unknown.statusCode).toBe(404);
    const otherPlan = await t.request({
      method: "GET",
      url: `/api/plans/${missing}/items/${network.id}/occurrences`,
      as: member,
    });
    expect(otherPlan.statusCode).toBe(404);
    expect((await t.request({ method: "GET", url: occurrencesUrl })).statusCode).toBe(401);
  });

  it("answers 422 in Swedish for a schedule without an end, ending before it starts, or an unknown frequency", async () => {
    const noEnd = await addItem(20, { recurrenceFrequency: "monthly", recurrenceStart: "2014-01-01" });
    expect(noEnd.statusCode).toBe(422);
    expect(noEnd.json().errors.recurrenceEnd).toEqual(["Ange när den återkommande insatsen slutar."]);
    const reversed = await addItem(21, {
      recurrenceFrequency: "yearly",
      recurrenceStart: "2015-01-01",
      recurrenceEnd: "2014-01-01",
    });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().errors.recurrenceEnd).toEqual(["Slutdatum kan inte ligga före startdatum."]);
    const tooMany = await addItem(22, {
      recurrenceFrequency: "monthly",
      recurrenceStart: "2000-01-01",
      recurrenceEnd: "2030-12-31",
    });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().errors.recurrenceEnd[0]).toContain("fler än 120 tillfällen");
    const unknown = await addItem(23, { recurrenceFrequency: "weekly" });
    expect(unknown.statusCode).toBe(422);
  });
});

describe("POST /api/plans/{id}/items/{itemId}/occurrences/{occurrenceId}/done", () => {
  it("records who marked an occurrence done and when, audits it, and the plan shows it", async () => {
    const [first] = (await t.request({ method: "GET", url: occurrencesUrl, as: member })).json().items;
    const res = await t.request({
      method: "POST",
      url: `${occurrencesUrl}/${first.id}/done`,
      as: coordinator,
      payload: { note: "Träff 12 februari" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: first.id,
      doneByName: expect.any(String),
      note: "Träff 12 februari",
    });
    expect(Date.now() - Date.parse(res.json().doneAt)).toBeLessThan(60_000);

    const shown = (await t.request({ method: "GET", url: `/api/plans/${plan.id}`, as: member })).json();
    const item = shown.items.find((i: { id: string }) => i.id === network.id);
    expect(
      item.occurrences.filter((o: { doneAt: string | null }) => o.doneAt).map((o: { id: string }) => o.id),
    ).toEqual([first.id]);

    const [audit] = await queryRows<{ after: { id: string; doneByName: string } }>(
      t.database.db,
      sql`select after from audit_log where entity_id = ${network.id} and action = 'plans.occurrence_done'`,
    );
    expect(audit.after).toMatchObject({ id: first.id, doneByName: res.json().doneByName });

    const again = await t.request({
      method: "POST",
      url: `${occurrencesUrl}/${first.id}/done`,
      as: coordinator,
      payload: {},
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors.occurrenceId).toEqual(["Tillfället är redan markerat som gjort."]);
  });

  it("keeps done occurrences when the schedule changes and drops open ones it no longer gives", async () => {
    const item = (
      await addItem(30, {
        recurrenceFrequency: "yearly",
        recurrenceStart: "2014-03-01",
        recurrenceEnd: "2016-12-31",
      })
    ).json();
    const url = `/api/plans/${plan.id}/items/${item.id}/occurrences`;
    const [first] = (await t.request({ method: "GET", url, as: member })).json().items;
    await t.request({ method: "POST", url: `${url}/${first.id}/done`, as: coordinator, payload: {} });
    const patch = await t.request({
      method: "PATCH",
      url: `/api/plans/${plan.id}/items/${item.id}`,
      as: coordinator,
      payload: {
        recurrenceFrequency: "semester",
        recurrenceStart: "2015-01-01",
        recurrenceEnd: "2015-12-31",
      },
    });
    expect(patch.statusCode).toBe(200);
    const after = (await t.request({ method: "GET", url, as: member })).json().items;
    expect(after.map((o: { dueDate: string; doneAt: string | null }) => [o.dueDate, !!o.doneAt])).toEqual([
      ["2014-03-01", true],
      ["2015-01-01", false],
      ["2015-07-01", false],
    ]);
  });

  it("answers 403 to a group member, 404 for an unknown occurrence, 422 for a malformed id", async () => {
    const [open] = (await t.request({ method: "GET", url: occurrencesUrl, as: member }))
      .json()
      .items.filter((o: { doneAt: string | null }) => !o.doneAt);
    const refused = await t.request({
      method: "POST",
      url: `${occurrencesUrl}/${open.id}/done`,
      as: member,
      payload: {},
    });
    expect(refused.statusCode).toBe(403);
    const unknown = await t.request({
      method: "POST",
      url: `${occurrencesUrl}/${missing}/done`,
      as: coordinator,
      payload: {},
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await t.request({
      method: "POST",
      url: `${occurrencesUrl}/nej/done`,
      as: coordinator,
      payload: {},
    });
    expect(malformed.statusCode).toBe(422);
    const stillOpen = (await t.request({ method: "GET", url: occurrencesUrl, as: member }))
      .json()
      .items.find((o: { id: string }) => o.id === open.id);
    expect(stillOpen.doneAt).toBeNull();
  });
});
