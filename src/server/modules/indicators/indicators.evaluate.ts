import type { Direction, IndicatorStatus } from "../../../common/indicators.ts";
import type { Db, Tx } from "../../db/client.ts";
import { translator } from "../../platform/i18n.ts";
import { loadDefinitionNames } from "../../read/indicators-names.ts";
import { computeHistory, computeValue, dataAsOf, todayIso } from "./indicators.compute.ts";
import { type DescribeLocale, describeDefinition } from "./indicators.describe.ts";
import { type IndicatorRecord, type ValueRow, valuesOf } from "./indicators.records.ts";
import { indicatorStatus } from "./indicators.status.ts";

/** An indicator with its actual value, status, history and definition in words. */
export interface EvaluatedIndicator extends IndicatorRecord {
  actual: number | null;
  asOf: string | null;
  status: IndicatorStatus;
  progress: number | null;
  elapsed: number | null;
  history: { date: string; value: number }[];
  definitionText: string;
  values: ValueRow[];
}

const minDate = (a: string, b: string | null | undefined) => (b && b < a ? b : a);

/**
 * Evaluates indicators for display. Computed ones run their definition as of today; manual ones
 * take their latest value. `asOf` of a computed value is when the data last changed (dataAsOf),
 * fetched once for the batch.
 */
export async function evaluateIndicators(
  db: Db | Tx,
  records: IndicatorRecord[],
  locale: DescribeLocale,
  /** `asOf`: evaluate as things stood on that date (an annual report's year end); today by default. */
  options: { history?: boolean; asOf?: string } = {},
): Promise<EvaluatedIndicator[]> {
  if (!records.length) return [];
  const today = options.asOf && options.asOf < todayIso() ? options.asOf : todayIso();
  const [values, changedAt] = await Promise.all([
    valuesOf(
      db,
      records.filter((r) => r.row.kind === "manual").map((r) => r.row.id),
    ),
    dataAsOf(db),
  ]);
  const t = translator(locale);
  const result: EvaluatedIndicator[] = [];
  // One at a time: PGlite serves one query at a time anyway, and this keeps pg's pool free for others.
  for (const record of records) {
    const { row } = record;
    const own = (values.get(row.id) ?? []).filter((v) => v.date <= today);
    let actual: number | null = null;
    let asOf: string | null = null;
    let history: { date: string; value: number }[] = [];
    let definitionText: string;
    if (row.kind === "computed" && row.definition) {
      const computed = await computeValue(db, row.definition, today);
      // By gender, no group of 5 or more is "fewer than 5" (not shown), never a measured 0.
      actual =
        row.definition.kind === "count_participants_by_gender" && computed.records === 0
          ? null
          : computed.value;
      asOf = changedAt;
      definitionText = describeDefinition(
        row.definition,
        await loadDefinitionNames(db, row.definition),
        locale,
      );
      if (options.history !== false) {
        const end = minDate(today, row.definition.filters?.to);
        history = await computeHistory(
          db,
          row.definition,
          row.startDate ?? row.definition.filters?.from ?? null,
          end,
        );
      }
    } else {
      const latest = own[0];
      actual = latest ? latest.value : null;
      asOf = latest ? latest.date : null;
      definitionText = t("indicators.manualDefinition");
      history = [...own].reverse().map((v) => ({ date: v.date, value: v.value }));
    }
    const { status, progress, elapsed } = indicatorStatus({
      direction: row.direction as Direction,
      target: row.target,
      baseline: row.baseline,
      actual,
      startDate: row.startDate,
      deadline: row.deadline,
      // Judged today for both kinds: a deadline that has passed unmet is off track however the value came.
      asOf: today,
    });
    result.push({ ...record, actual, asOf, status, progress, elapsed, history, definitionText, values: own });
  }
  return result;
}
