import { sql } from "drizzle-orm";
import type { IndicatorDefinition, IndicatorRecord } from "../../../common/indicators.ts";
import { type Db, queryRows, type Tx } from "../../db/client.ts";
import { decodeCursor, encodeCursor } from "../../platform/pagination.ts";
import { recordsPageSql, stepsSql, valueSql } from "../../read/indicator-records.ts";

/** Runs the compiled definitions: the value, the cumulative history and the drill-down pages. */

export const todayIso = () => new Date().toISOString().slice(0, 10);

export async function computeValue(db: Db | Tx, definition: IndicatorDefinition, asOf = todayIso()) {
  const [row] = await queryRows<{ n: number; value: number }>(db, valueSql(definition, asOf));
  return { records: Number(row.n), value: Number(row.value) };
}

/** Value at each date: the sum of the record amounts dated on or before it (undated ones always count). */
export function cumulativeAt(steps: { date: string | null; value: number }[], dates: string[]) {
  return dates.map((d) =>
    steps.reduce((sum, s) => (s.date === null || s.date <= d ? sum + s.value : sum), 0),
  );
}

/** About a dozen month-end dates from start to end (inclusive), the last one being `end`. */
export function samplingDates(start: string, end: string, points = 12): string[] {
  if (end < start) return [end];
  const [sy, sm] = start.split("-").map(Number);
  const [ey, em] = end.split("-").map(Number);
  const months = (ey - sy) * 12 + (em - sm) + 1;
  const step = Math.max(1, Math.ceil(months / points));
  const dates: string[] = [];
  for (let i = step - 1; i < months - 1; i += step) {
    const y = sy + Math.floor((sm - 1 + i) / 12);
    const m = ((sm - 1 + i) % 12) + 1;
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    if (last < end) dates.push(last);
  }
  dates.push(end);
  return dates;
}

/** The computed value over time, from `start` (or the first record) to `end`. */
export async function computeHistory(
  db: Db | Tx,
  definition: IndicatorDefinition,
  start: string | null,
  end: string,
): Promise<{ date: string; value: number }[]> {
  const steps = (await queryRows<{ date: string | null; value: number }>(db, stepsSql(definition, end))).map(
    (s) => ({
      date: s.date,
      value: Number(s.value),
    }),
  );
  const first = start ?? steps.find((s) => s.date)?.date ?? end;
  const dates = samplingDates(first, end);
  const values = cumulativeAt(steps, dates);
  return dates.map((date, i) => ({ date, value: values[i] }));
}

interface RecordRow {
  kind: IndicatorRecord["kind"];
  id: string | null;
  label: string;
  date: string | null;
  amount: number;
  detail: string | null;
  project_id: string | null;
  sort: string;
  key: string;
}

/** One page of what the value counts, in the drill-down's order, with an opaque cursor. */
export async function recordsPage(
  db: Db | Tx,
  definition: IndicatorDefinition,
  limit: number,
  cursor: string | undefined,
  asOf = todayIso(),
) {
  const after = decodeCursor(cursor, { id: "text" });
  const rows = await queryRows<RecordRow>(
    db,
    recordsPageSql(
      definition,
      asOf,
      limit + 1,
      after ? { sort: String(after.sortValue ?? ""), key: after.id } : null,
    ),
  );
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(
      (r): IndicatorRecord => ({
        kind: r.kind,
        id: r.id,
        label: r.label,
        date: r.date,
        amount: Number(r.amount),
        detail: r.detail,
        projectId: r.project_id,
      }),
    ),
    nextCursor: rows.length > limit && last ? encodeCursor(last.sort, last.key) : null,
  };
}

/**
 * When the data last changed: every write is audited, so the newest audit entry dates the data.
 * Logins, accounts and invitations are not data a report is made of, so they do not count.
 */
export async function dataAsOf(db: Db | Tx): Promise<string | null> {
  const [row] = await queryRows<{ at: Date | string | null }>(
    db,
    sql`select at from audit_log where action not like 'auth.%' and action not like 'invitation.%'
        and entity_type <> 'user' order by at desc limit 1`,
  );
  if (!row?.at) return null;
  return new Date(row.at).toISOString();
}
