import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IndicatorDefinition } from "../../../common/indicators.ts";
import { systemActor } from "../../platform/actor.ts";
import { createTestApp } from "../../test/harness.ts";
import { recordAttendanceList } from "../events/attendance-list.service.ts";
import { createEvent } from "../events/events.service.ts";
import { createSpend } from "../finance/finance.service.ts";
import { addOutput } from "../projects/projects.service.ts";
import {
  computeHistory,
  computeValue,
  cumulativeAt,
  recordsPage,
  samplingDates,
} from "./indicators.compute.ts";
import { followUpFixture } from "./test/follow-up.fixture.ts";

/**
 * Unit and property tests of computed indicators: whatever the definition, its value equals what
 * the records it lists add up to (and, for the counting kinds, their number), and the history
 * climbs to the value. The data is the fixture plus a random (seeded) set of events, attendance,
 * spend and outputs, made through the owning services.
 */

const fixture = followUpFixture();
const types = ["seminarium", "workshop", "natverkstraff", "konferens"] as const;
const roles = ["larare", "projektledare", "kompetensmaklare", "foretag"] as const;
const t = await createTestApp({
  seed: async (database) => {
    await fixture.seed(database);
    const { db } = database;
    const { ids } = fixture;
    const rng = fc.sample(
      fc.record({
        type: fc.constantFrom(...types),
        day: fc.integer({ min: 0, max: 900 }),
        inProject: fc.boolean(),
        estimate: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
        people: fc.uniqueArray(
          fc.tuple(fc.integer({ min: 0, max: 25 }), fc.constantFrom(...roles), fc.boolean()),
          {
            maxLength: 8,
            selector: ([n]) => n,
          },
        ),
      }),
      { numRuns: 14, seed: 20100219 },
    );
    for (const [i, e] of rng.entries()) {
      const date = new Date(Date.UTC(2009, 7, 1) + e.day * 86_400_000).toISOString().slice(0, 10);
      const event = await createEvent(db, systemActor, {
        title: `Slumpat evenemang ${i}`,
        typeKey: e.type,
        status: "done",
        projectId: e.inProject ? ids.lcKomp : null,
        organisationIds: i % 2 ? [ids.sala] : [ids.motala, ids.sk],
        registrationEnabled: false,
        estimatedParticipants: e.estimate,
        sessions: [{ date, startTime: "10:00", endTime: "12:00" }],
      });
      await recordAttendanceList(
        db,
        systemActor,
        event.id,
        e.people.map(([n, roleKey, attended]) => ({
          name: `Person ${n}`,
          email: `person${n}@test.se`,
          roleKey,
          attended,
        })),
      );
    }
    for (const [i, amount] of [120_000, 45_500, 9_000, 300_000].entries())
      await createSpend(db, systemActor, {
        organisationId: ids.sk,
        date: `2010-0${i + 2}-15`,
        amount,
        unitName: i % 2 ? "Sektor Utbildning" : "Processledning och drift",
        category: i % 2 ? "Lön" : "Lokaler",
        projectId: i === 0 ? ids.ungaMatematiker : null,
      });
    for (const title of ["Modell 1", "Modell 2"])
      await addOutput(db, systemActor, ids.lcKomp, { type: "documented_model", title });
  },
});
const { ids } = fixture;
const db = t.database.db;

const dates = fc.option(
  fc
    .integer({ min: 0, max: 1000 })
    .map((d) => new Date(Date.UTC(2009, 6, 1) + d * 86_400_000).toISOString().slice(0, 10)),
  { nil: undefined },
);
const subset = <T>(values: readonly T[]) =>
  fc.option(fc.subarray([...values], { minLength: 1 }), { nil: undefined });

const definitions: fc.Arbitrary<IndicatorDefinition> = fc
  .record({
    kind: fc.constantFrom(
      "count_activities",
      "count_distinct_people_attended",
      "count_distinct_organisations",
      "sum_participants",
      "sum_kronor",
      "count_project_outputs",
    ) as fc.Arbitrary<IndicatorDefinition["kind"]>,
    activityTypes: subset(types),
    roleKeys: subset(roles),
    organisationTypes: subset(["kommun", "annan"]),
    outputTypes: subset(["scientific_article", "report", "documented_model"]),
    categories: subset(["Lön", "Lokaler"]),
    project: fc.constantFrom<"lcKomp" | "ungaMatematiker" | undefined>(
      "lcKomp",
      "ungaMatematiker",
      undefined,
    ),
    organisation: fc.constantFrom<"sk" | "sala" | undefined>("sk", "sala", undefined),
    a: dates,
    b: dates,
  })
  .map(({ kind, project, organisation, a, b, ...lists }) => {
    const [from, to] = a && b && b < a ? [b, a] : [a, b];
    const filters = Object.fromEntries(
      Object.entries({
        ...lists,
        projectId: project && ids[project],
        organisationId: organisation && ids[organisation],
        from,
        to,
      }).filter(([, v]) => v !== undefined),
    );
    return { kind, filters };
  });

async function allRecords(definition: IndicatorDefinition, pageSize: number) {
  const items = [];
  let cursor: string | undefined;
  do {
    const page = await recordsPage(db, definition, pageSize, cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

describe("computed indicator values", () => {
  it("equal what the records they list add up to, for any definition and page size", async () => {
    await fc.assert(
      fc.asyncProperty(definitions, fc.integer({ min: 1, max: 7 }), async (definition, pageSize) => {
        const { value, records } = await computeValue(db, definition);
        const listed = await allRecords(definition, pageSize);
        expect(listed).toHaveLength(records);
        expect(listed.reduce((s, r) => s + r.amount, 0)).toBe(value);
        if (!definition.kind.startsWith("sum_")) expect(value).toBe(listed.length);
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  it("count each distinct person once however often they attended", async () => {
    await fc.assert(
      fc.asyncProperty(definitions, async (definition) => {
        if (definition.kind !== "count_distinct_people_attended") return;
        const listed = await allRecords(definition, 50);
        const keys = listed.map((r) => r.id ?? `${r.label}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it("have a history that climbs to the value", async () => {
    await fc.assert(
      fc.asyncProperty(definitions, async (raw) => {
        const definition = { ...raw, filters: { ...raw.filters, to: undefined } };
        const end = "2026-01-01";
        const { value } = await computeValue(db, definition, end);
        const history = await computeHistory(db, definition, "2009-08-01", end);
        expect(history.at(-1)).toEqual({ date: end, value });
        for (let i = 1; i < history.length; i++)
          expect(history[i].value).toBeGreaterThanOrEqual(history[i - 1].value);
      }),
      { numRuns: 30, seed: 9 },
    );
  });
});

describe("history sampling", () => {
  it("samples month ends up to and including the end date", () => {
    expect(samplingDates("2010-01-15", "2010-04-10")).toEqual([
      "2010-01-31",
      "2010-02-28",
      "2010-03-31",
      "2010-04-10",
    ]);
    expect(samplingDates("2009-08-01", "2011-07-31")).toHaveLength(12);
    expect(samplingDates("2009-08-01", "2011-07-31").at(-1)).toBe("2011-07-31");
    expect(samplingDates("2012-01-01", "2011-01-01")).toEqual(["2011-01-01"]);
  });

  it("adds each step on its date, and undated records from the start", () => {
    const steps = [
      { date: null, value: 2 },
      { date: "2010-02-10", value: 3 },
      { date: "2010-05-01", value: 1 },
    ];
    expect(cumulativeAt(steps, ["2010-01-31", "2010-02-28", "2010-05-31"])).toEqual([2, 5, 6]);
  });
});
