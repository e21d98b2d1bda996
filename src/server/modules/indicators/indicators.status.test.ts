import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeDefinition } from "./indicators.describe.ts";
import { elapsedShare, indicatorStatus, progressShare } from "./indicators.status.ts";

const base = {
  direction: "at_least" as const,
  target: 180,
  baseline: null,
  startDate: "2009-08-01",
  deadline: "2011-07-31",
};

describe("indicator status", () => {
  it("is on track when progress keeps up with the time elapsed", () => {
    // Half the time has passed (2010-08-01 is 365 of 729 days).
    expect(indicatorStatus({ ...base, actual: 100, asOf: "2010-08-01" }).status).toBe("on_track");
    expect(indicatorStatus({ ...base, actual: 70, asOf: "2010-08-01" }).status).toBe("at_risk");
    expect(indicatorStatus({ ...base, actual: 40, asOf: "2010-08-01" }).status).toBe("off_track");
  });

  it("is on track once the target is met, and off track when the deadline passed without it", () => {
    expect(indicatorStatus({ ...base, actual: 180, asOf: "2026-01-01" }).status).toBe("on_track");
    expect(indicatorStatus({ ...base, actual: 179, asOf: "2026-01-01" }).status).toBe("off_track");
  });

  it("has no data without a value, and is at risk below target without a deadline", () => {
    expect(indicatorStatus({ ...base, actual: null, asOf: "2010-01-01" })).toMatchObject({
      status: "no_data",
      progress: null,
    });
    expect(indicatorStatus({ ...base, deadline: null, actual: 10, asOf: "2010-01-01" }).status).toBe(
      "at_risk",
    );
  });

  it("treats 'at most' as met while at or under the target, and 'exactly' overshooting as off track", () => {
    expect(
      indicatorStatus({ ...base, direction: "at_most", target: 10, actual: 8, asOf: "2011-01-01" }).status,
    ).toBe("on_track");
    expect(
      indicatorStatus({ ...base, direction: "at_most", target: 10, actual: 12, asOf: "2011-01-01" }).status,
    ).toBe("off_track");
    expect(
      indicatorStatus({ ...base, direction: "exactly", target: 10, actual: 11, asOf: "2010-01-01" }).status,
    ).toBe("off_track");
    expect(
      indicatorStatus({ ...base, direction: "exactly", target: 10, actual: 10, asOf: "2010-01-01" }).status,
    ).toBe("on_track");
  });

  it("counts progress from the baseline", () => {
    expect(progressShare("at_least", 20, 10, 15)).toBe(0.5);
    expect(progressShare("at_most", 10, 30, 20)).toBe(0.5);
  });

  it("keeps progress and elapsed between 0 and 1 for any input", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("at_least", "at_most", "exactly" as const),
        fc.integer({ min: 0, max: 1000 }),
        fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 3000 }),
        (direction, target, baseline, actual, day) => {
          const asOf = new Date(Date.UTC(2009, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
          const result = indicatorStatus({ ...base, direction, target, baseline, actual, asOf });
          expect(result.progress).toBeGreaterThanOrEqual(0);
          expect(result.progress).toBeLessThanOrEqual(1);
          expect(result.elapsed).toBeGreaterThanOrEqual(0);
          expect(result.elapsed).toBeLessThanOrEqual(1);
          if (result.progress === 1 && !(direction === "exactly" && actual > target))
            expect(result.status).toBe("on_track");
        },
      ),
    );
  });

  it("measures the share of time elapsed", () => {
    expect(elapsedShare("2010-01-01", "2010-12-31", "2009-01-01")).toBe(0);
    expect(elapsedShare("2010-01-01", "2010-12-31", "2012-01-01")).toBe(1);
    expect(elapsedShare(null, "2010-12-31", "2010-06-01")).toBeNull();
  });
});

describe("definitions in words", () => {
  const names = {
    activityTypes: {
      seminarium: { sv: "Seminarium", en: "Seminar" },
      workshop: { sv: "Workshop", en: "Workshop" },
      frukostmote: { sv: "Frukostmöte", en: "Breakfast meeting" },
    },
    project: "LC-KOMP",
  };

  it("reads like the seed in Swedish and in English", () => {
    const def = {
      kind: "count_distinct_people_attended" as const,
      filters: {
        activityTypes: ["seminarium", "workshop"],
        projectId: "x",
        from: "2009-08-01",
        to: "2011-07-31",
      },
    };
    expect(describeDefinition(def, names, "sv")).toBe(
      "distinkta personer som deltog i minst ett seminarium eller en workshop i LC-KOMP, 2009-08-01 – 2011-07-31",
    );
    expect(describeDefinition(def, names, "en")).toBe(
      "distinct persons who attended at least one seminar or workshop in LC-KOMP, 2009-08-01 – 2011-07-31",
    );
  });

  it("names roles, themes and open-ended periods", () => {
    const def = {
      kind: "count_distinct_people_attended" as const,
      filters: {
        activityTypes: ["frukostmote"],
        roleKeys: ["larare"],
        tags: ["matematik"],
        from: "2010-01-01",
      },
    };
    expect(describeDefinition(def, { activityTypes: names.activityTypes }, "sv")).toBe(
      "distinkta personer (lärare/utbildare) som deltog i minst ett frukostmöte med temat matematik, från 2010-01-01",
    );
    expect(
      describeDefinition(
        { kind: "sum_kronor", filters: { to: "2010-12-31" } },
        { activityTypes: {}, organisation: "SK" },
        "sv",
      ),
    ).toBe("summan av förbrukade medel (kr) hos SK, till och med 2010-12-31");
  });
});
