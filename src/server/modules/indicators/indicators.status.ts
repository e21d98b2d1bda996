import type { Direction, IndicatorStatus } from "../../../common/indicators.ts";

/**
 * On track / at risk / off track, from progress toward the target against the time elapsed
 * between the start and the deadline. Pure, so the rule is tested on its own.
 *
 * - progress: 0–1 of the way from the baseline (0 when none) to the target; a met target is 1.
 * - elapsed: 0–1 of the time from start to deadline; null when either date is missing.
 * - met → on track; deadline passed and not met → off track; no deadline and not met → at risk;
 *   otherwise progress ≥ elapsed → on track, ≥ ¾ of elapsed → at risk, else off track.
 * - "exactly" that overshoots is off track; "at most" is on track while at or under the target.
 */
export interface StatusInput {
  direction: Direction;
  target: number;
  baseline: number | null;
  actual: number | null;
  startDate: string | null;
  deadline: string | null;
  /** The date the actual value is for (ISO). */
  asOf: string;
}

export interface StatusResult {
  status: IndicatorStatus;
  progress: number | null;
  elapsed: number | null;
}

const AT_RISK_SHARE = 0.75;
const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const clamp = (n: number) => Math.min(1, Math.max(0, n));

export function elapsedShare(startDate: string | null, deadline: string | null, asOf: string): number | null {
  if (!startDate || !deadline) return null;
  const span = day(deadline) - day(startDate);
  if (span <= 0) return day(asOf) >= day(deadline) ? 1 : 0;
  return clamp((day(asOf) - day(startDate)) / span);
}

export function progressShare(
  direction: Direction,
  target: number,
  baseline: number | null,
  actual: number,
): number {
  const base = baseline ?? 0;
  if (direction === "at_most") {
    if (actual <= target) return 1;
    if (base > target) return clamp((base - actual) / (base - target));
    return 0;
  }
  if (direction === "exactly" && actual > target) return 0;
  if (actual >= target) return 1;
  const need = target - base;
  return need <= 0 ? 1 : clamp((actual - base) / need);
}

export function indicatorStatus(input: StatusInput): StatusResult {
  const elapsed = elapsedShare(input.startDate, input.deadline, input.asOf);
  if (input.actual === null) return { status: "no_data", progress: null, elapsed };
  const progress = progressShare(input.direction, input.target, input.baseline, input.actual);
  const overshoot = input.direction === "exactly" && input.actual > input.target;
  if (overshoot) return { status: "off_track", progress, elapsed };
  if (progress >= 1) return { status: "on_track", progress, elapsed };
  if (input.deadline && day(input.asOf) > day(input.deadline))
    return { status: "off_track", progress, elapsed };
  if (elapsed === null) return { status: "at_risk", progress, elapsed };
  if (progress >= elapsed) return { status: "on_track", progress, elapsed };
  if (progress >= elapsed * AT_RISK_SHARE) return { status: "at_risk", progress, elapsed };
  return { status: "off_track", progress, elapsed };
}
