import { isNotNull, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IndicatorDefinition } from "../../../common/indicators.ts";
import { queryRows } from "../../db/client.ts";
import { systemActor } from "../../platform/actor.ts";
import { createTestApp, demo } from "../../test/harness.ts";
import { recordAttendanceList } from "../events/attendance-list.service.ts";
import { createEvent } from "../events/events.service.ts";
import { computeValue } from "../indicators/indicators.compute.ts";
import { indicators } from "../indicators/indicators.schema.ts";
import { followUpFixture } from "../indicators/test/follow-up.fixture.ts";

/**
 * Property (issue 20): erasing a person leaves every indicator's value and every event's participant
 * counts unchanged, whoever is erased — a participant who attended once, twice (counted once as a
 * distinct person), or not at all. The data is the follow-up fixture (LC-KOMP's events, Anna Andersson
 * twice) plus generated events with generated attendance lists; each run erases one more address.
 */

const fixture = followUpFixture();
const roles = ["larare", "projektledare", "kompetensmaklare", "foretag"] as const;
const generated = fc.sample(
  fc.record({
    day: fc.integer({ min: 0, max: 600 }),
    people: fc.uniqueArray(
      fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom(...roles), fc.boolean()),
      {
        maxLength: 6,
        selector: ([n]) => n,
      },
    ),
  }),
  { numRuns: 6, seed: 20_261_202 },
);
const t = await createTestApp({
  seed: async (database) => {
    await fixture.seed(database);
    const { db } = database;
    for (const [i, e] of generated.entries()) {
      const date = new Date(Date.UTC(2009, 8, 1) + e.day * 86_400_000).toISOString().slice(0, 10);
      const event = await createEvent(db, systemActor, {
        title: `Genererat evenemang ${i}`,
        typeKey: i % 2 ? "workshop" : "seminarium",
        status: "done",
        projectId: fixture.ids.lcKomp,
        organisationIds: [fixture.ids.sala],
        registrationEnabled: false,
        sessions: [{ date, startTime: "10:00", endTime: "12:00" }],
      });
      await recordAttendanceList(
        db,
        systemActor,
        event.id,
        e.people.map(([n, roleKey, attended]) => ({
          name: `Genererad Person ${n}`,
          email: `genererad${n}@test.se`,
          roleKey,
          attended,
        })),
      );
    }
  },
});
const db = t.database.db;
const coordinator = await t.login(demo.coordinator);

const kinds: IndicatorDefinition["kind"][] = [
  "count_activities",
  "count_distinct_people_attended",
  "count_distinct_organisations",
  "sum_participants",
  "sum_kronor",
  "count_project_outputs",
];

/** Every stored indicator's value, and each kind over everything and over LC-KOMP. */
async function everyValue() {
  const stored = await db
    .select({ definition: indicators.definition })
    .from(indicators)
    .where(isNotNull(indicators.definition));
  const definitions: IndicatorDefinition[] = [
    ...stored.map((s) => s.definition as IndicatorDefinition),
    ...kinds.flatMap((kind) => [
      { kind, filters: {} },
      { kind, filters: { projectId: fixture.ids.lcKomp } },
    ]),
  ];
  return Promise.all(definitions.map((d) => computeValue(db, d)));
}

/** Registered, attended, cancelled per event and role: what the participant tables count. */
const participantCounts = () => queryRows<Record<string, string | null>>(db, sqlCounts);

const sqlCounts = sql`select event_id, role_key, status, (attended_at is not null)::text as attended, count(*)::text as n
  from event_registrations group by 1, 2, 3, 4 order by 1, 2, 3, 4`;

const addresses = [
  "anna@sala.se",
  "bertil@sala.se",
  "franvaro@sala.se",
  ...Array.from({ length: 10 }, (_, n) => `genererad${n}@test.se`),
];

describe("erasure and the indicators", () => {
  it("leaves every indicator's value and the participant counts unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...addresses), async (email) => {
        const values = await everyValue();
        const counts = await participantCounts();
        const res = await t.request({
          method: "POST",
          url: "/api/personal-data/erasure",
          payload: { email },
          as: coordinator,
        });
        // An address already erased (or never on a list) holds nothing: 404, and nothing changes either.
        expect([200, 404]).toContain(res.statusCode);
        expect(await everyValue()).toEqual(values);
        expect(await participantCounts()).toEqual(counts);
        const left = await queryRows<{ n: string }>(
          db,
          sql`select count(*)::text as n from event_registrations where lower(email) = ${email}`,
        );
        expect(left[0].n).toBe("0");
      }),
      { numRuns: 8, seed: 20_261_202 },
    );
  });
});
