import type {
  Direction,
  IndicatorSummaryView,
  IndicatorView,
  ValueView,
} from "../../../common/indicators.ts";
import type { Actor } from "../../platform/actor.ts";
import type { EvaluatedIndicator } from "./indicators.evaluate.ts";
import { indicatorAbilities } from "./indicators.policy.ts";
import type { ValueRow } from "./indicators.records.ts";

const round = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);

export function presentIndicator(e: EvaluatedIndicator, actor: Actor | null): IndicatorView {
  const { row } = e;
  return {
    id: row.id,
    name: row.name,
    target: row.target,
    direction: row.direction as Direction,
    actual: e.actual,
    unit: row.unit,
    definition: row.definition ? { kind: row.definition.kind, filters: { ...row.definition.filters } } : null,
    asOf: e.asOf,
    kind: row.kind as "computed" | "manual",
    definitionText: e.definitionText,
    description: row.description,
    goalText: row.goalText,
    goal: e.goal,
    framework: e.framework,
    project: e.project,
    organisation: e.organisation,
    agreementId: row.agreementId,
    baseline: row.baseline,
    startDate: row.startDate,
    deadline: row.deadline,
    status: e.status,
    progress: round(e.progress),
    elapsed: round(e.elapsed),
    history: e.history,
    abilities: indicatorAbilities(actor, row),
  };
}

export function presentIndicatorSummary(e: EvaluatedIndicator, actor: Actor | null): IndicatorSummaryView {
  const { history, ...view } = presentIndicator(e, actor);
  return { ...view, sparkline: history.map((p) => p.value) };
}

export function presentValue(v: ValueRow): ValueView {
  return {
    id: v.id,
    date: v.date,
    value: v.value,
    note: v.note,
    evidenceUrl: v.evidenceUrl,
    evidenceFile:
      v.evidenceFileKey && v.evidenceFileName
        ? {
            name: v.evidenceFileName,
            contentType: v.evidenceContentType ?? "application/octet-stream",
            size: v.evidenceSize ?? 0,
            url: `/api/indicators/${v.indicatorId}/values/${v.id}/evidence`,
          }
        : null,
    enteredBy: v.enteredByName,
    enteredAt: v.createdAt.toISOString(),
  };
}
