import type { FrameworkSummaryView, FrameworkView } from "../../../common/goals.ts";
import type { FrameworkDetail, FrameworkRecord } from "./goals.service.ts";

export function presentFrameworkSummary(record: FrameworkRecord): FrameworkSummaryView {
  const f = record.framework;
  return {
    id: f.id,
    name: f.name,
    owner: record.owner,
    registryNumber: f.registryNumber,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    currentVersion: record.currentVersion,
    goalCount: record.goalCount,
  };
}

export function presentFramework(detail: FrameworkDetail): FrameworkView {
  const version = (v: FrameworkDetail["version"]) => ({
    id: v.id,
    number: v.number,
    note: v.note,
    createdAt: v.createdAt.toISOString(),
    current: v.number === detail.currentVersion,
  });
  const goal = (g: FrameworkDetail["goals"][number]["subGoals"][number]) => ({
    id: g.id,
    code: g.code,
    text: g.text,
    previousGoalId: g.previousGoalId,
  });
  return {
    ...presentFrameworkSummary(detail),
    vision: detail.framework.vision,
    description: detail.framework.description,
    version: version(detail.version),
    versions: detail.versions.map(version),
    goals: detail.goals.map((g) => ({ ...goal(g), subGoals: g.subGoals.map(goal) })),
  };
}
