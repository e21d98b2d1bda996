import type { PeriodKind, Thresholds } from "../../../common/compass.ts";

/**
 * The level rule of ALA-kompassen (issue 4), as pure functions so that the programme page, the unit
 * aggregates, the PDF and the tests all use exactly one definition.
 *
 * Of the programme's activities with status `done` in the period whose type feeds the dimension:
 *   4 if at least one is mandatory for all students and at least one was evaluated;
 *   3 if at least one is mandatory;
 *   2 if they span at least `minCourses` different courses of the programme, or number at least `minCount`;
 *   1 if there is at least one; else 0.
 */

export interface LevelActivity {
  status: string;
  mandatory: boolean;
  evaluated: boolean;
  /** The courses of the programme the activity is linked to (empty when linked to the programme only). */
  courseIds: readonly string[];
}

/** What the rule needs to know about a set of done activities; SQL can compute it in one GROUP BY. */
export interface LevelStats {
  count: number;
  courses: number;
  anyMandatory: boolean;
  anyEvaluated: boolean;
}

export const emptyStats: LevelStats = { count: 0, courses: 0, anyMandatory: false, anyEvaluated: false };

export function levelFromStats(stats: LevelStats, thresholds: Thresholds): number {
  if (stats.count === 0) return 0;
  if (stats.anyMandatory && stats.anyEvaluated) return 4;
  if (stats.anyMandatory) return 3;
  if (stats.courses >= thresholds.minCourses || stats.count >= thresholds.minCount) return 2;
  return 1;
}

export function statsOf(activities: readonly LevelActivity[]): LevelStats {
  const done = activities.filter((a) => a.status === "done");
  const courses = new Set(done.flatMap((a) => a.courseIds));
  return {
    count: done.length,
    courses: courses.size,
    anyMandatory: done.some((a) => a.mandatory),
    anyEvaluated: done.some((a) => a.evaluated),
  };
}

/**
 * The derived level of one dimension. `activities` are the programme's activities in the period whose
 * type feeds the dimension, in any status: only `done` ones count.
 */
export function deriveLevel(activities: readonly LevelActivity[], thresholds: Thresholds): number {
  return levelFromStats(statsOf(activities), thresholds);
}

/** First and last day (inclusive, ISO) of a compass year: calendar year, or academic year from 1 July. */
export function periodOf(year: number, kind: PeriodKind): { from: string; to: string } {
  return kind === "academic"
    ? { from: `${year}-07-01`, to: `${year + 1}-06-30` }
    : { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The compass year a date falls in. */
export function yearOf(date: Date, kind: PeriodKind): number {
  const y = date.getUTCFullYear();
  return kind === "academic" && date.getUTCMonth() < 6 ? y - 1 : y;
}

/** Mean with one decimal (the unit view's rule), null for no values. */
export function meanOneDecimal(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // sum·10/n is exact when the true mean has a half in the second decimal, so this rounds like SQL's round(avg, 1).
  return Math.round((values.reduce((s, v) => s + v, 0) * 10) / values.length) / 10;
}
