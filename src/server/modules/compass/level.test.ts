import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveLevel, type LevelActivity, meanOneDecimal, periodOf, yearOf } from "./level.ts";

const thresholds = { minCourses: 2, minCount: 3 };
const done = (over: Partial<LevelActivity> = {}): LevelActivity => ({
  status: "done",
  mandatory: false,
  evaluated: false,
  courseIds: [],
  ...over,
});

describe("deriveLevel", () => {
  it("is 0 without activities, and when none is done", () => {
    expect(deriveLevel([], thresholds)).toBe(0);
    expect(
      deriveLevel(
        [done({ status: "planned", mandatory: true }), done({ status: "cancelled", evaluated: true })],
        thresholds,
      ),
    ).toBe(0);
  });

  it("is 1 for one or two done activities in at most one course", () => {
    expect(deriveLevel([done()], thresholds)).toBe(1);
    expect(deriveLevel([done({ courseIds: ["a"] }), done({ courseIds: ["a"] })], thresholds)).toBe(1);
  });

  it("is 2 when the activities span two courses of the programme", () => {
    expect(deriveLevel([done({ courseIds: ["a"] }), done({ courseIds: ["b"] })], thresholds)).toBe(2);
    expect(deriveLevel([done({ courseIds: ["a", "b"] })], thresholds)).toBe(2);
  });

  it("is 2 when there are at least three, even in one course", () => {
    expect(deriveLevel([done(), done(), done()], thresholds)).toBe(2);
  });

  it("is 3 when one is mandatory for all students, 4 when one is also evaluated", () => {
    expect(deriveLevel([done({ mandatory: true })], thresholds)).toBe(3);
    expect(deriveLevel([done({ mandatory: true, evaluated: true })], thresholds)).toBe(4);
    // The evaluated one need not be the mandatory one.
    expect(deriveLevel([done({ mandatory: true }), done({ evaluated: true })], thresholds)).toBe(4);
  });

  it("does not reach 4 on evaluation alone", () => {
    expect(deriveLevel([done({ evaluated: true }), done({ evaluated: true })], thresholds)).toBe(1);
  });

  it("follows the model version's thresholds", () => {
    const strict = { minCourses: 3, minCount: 5 };
    const two = [done({ courseIds: ["a"] }), done({ courseIds: ["b"] })];
    expect(deriveLevel(two, thresholds)).toBe(2);
    expect(deriveLevel(two, strict)).toBe(1);
  });

  it("counts only done activities toward the thresholds", () => {
    const list = [
      done(),
      done(),
      done({ status: "planned" }),
      done({ status: "cancelled", mandatory: true }),
    ];
    expect(deriveLevel(list, thresholds)).toBe(1);
  });
});

const activityArb: fc.Arbitrary<LevelActivity> = fc.record({
  status: fc.constantFrom("planned", "done", "cancelled"),
  mandatory: fc.boolean(),
  evaluated: fc.boolean(),
  courseIds: fc.uniqueArray(fc.constantFrom("c1", "c2", "c3", "c4"), { maxLength: 3 }),
});
const thresholdsArb = fc.record({
  minCourses: fc.integer({ min: 1, max: 5 }),
  minCount: fc.integer({ min: 1, max: 8 }),
});

describe("deriveLevel properties", () => {
  it("adding a done activity never lowers a level", () => {
    fc.assert(
      fc.property(fc.array(activityArb, { maxLength: 12 }), activityArb, thresholdsArb, (list, extra, t) => {
        const before = deriveLevel(list, t);
        const after = deriveLevel([...list, { ...extra, status: "done" }], t);
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it("cancelling an activity never raises a level", () => {
    fc.assert(
      fc.property(
        fc.array(activityArb, { minLength: 1, maxLength: 12 }),
        fc.nat(),
        thresholdsArb,
        (list, pick, t) => {
          const i = pick % list.length;
          const cancelled = list.map((a, j) => (j === i ? { ...a, status: "cancelled" } : a));
          expect(deriveLevel(cancelled, t)).toBeLessThanOrEqual(deriveLevel(list, t));
        },
      ),
    );
  });

  it("always lies between 0 and 4, and is 0 exactly when nothing is done", () => {
    fc.assert(
      fc.property(fc.array(activityArb, { maxLength: 12 }), thresholdsArb, (list, t) => {
        const level = deriveLevel(list, t);
        expect(level).toBeGreaterThanOrEqual(0);
        expect(level).toBeLessThanOrEqual(4);
        expect(level === 0).toBe(!list.some((a) => a.status === "done"));
      }),
    );
  });

  it("does not depend on the order of the activities", () => {
    fc.assert(
      fc.property(fc.array(activityArb, { maxLength: 10 }), thresholdsArb, (list, t) => {
        expect(deriveLevel([...list].reverse(), t)).toBe(deriveLevel(list, t));
      }),
    );
  });
});

describe("periods and means", () => {
  it("gives calendar and academic years", () => {
    expect(periodOf(2024, "calendar")).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(periodOf(2024, "academic")).toEqual({ from: "2024-07-01", to: "2025-06-30" });
    expect(yearOf(new Date("2025-03-01T00:00:00Z"), "academic")).toBe(2024);
    expect(yearOf(new Date("2025-09-01T00:00:00Z"), "academic")).toBe(2025);
    expect(yearOf(new Date("2025-03-01T00:00:00Z"), "calendar")).toBe(2025);
  });

  it("rounds the mean to one decimal, halves upward like SQL", () => {
    expect(meanOneDecimal([])).toBeNull();
    expect(meanOneDecimal([1, 2])).toBe(1.5);
    expect(meanOneDecimal([0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(0.4);
    // 3/20 = 0.15 → 0.2 (float 0.15·10 would be a hair under 1.5)
    expect(meanOneDecimal([...Array(17).fill(0), 1, 1, 1])).toBe(0.2);
  });
});
