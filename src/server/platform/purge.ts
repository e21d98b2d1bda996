import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../db/client.ts";

/**
 * The shape every module's retention purge has (`<module>.retention.ts`): the retention module decides
 * when (the cut-off from its rules) and runs batches in transactions; the owning module decides what a
 * record's personal data is and removes or anonymises it in its own tables.
 */
export interface PurgeOptions {
  /** Records whose starting point (an event's end, a call's closing, a failed mail) lies before this. */
  before: Date;
  /** Count and describe only; change nothing. */
  dryRun: boolean;
  /** At most this many records (ignored by a dry run, which counts all). */
  limit: number;
}

/** One line of a dry run's examples, without personal data: what kind of record, when, how many. */
export interface PurgeExample {
  label: string;
  date: string | null;
  count: number;
}

export interface PurgeResult {
  /** Records removed or anonymised (a dry run: that would be). */
  count: number;
  /** A dry run's first few groups; empty for a real run. */
  examples: PurgeExample[];
}

export type Purge = (db: Db | Tx, options: PurgeOptions) => Promise<PurgeResult>;

/** How many example groups a dry run shows per category. */
export const EXAMPLE_LIMIT = 5;

/**
 * A purge that deletes whole rows of one table: `due(before)` selects the rows due (with `id`, the label
 * column and `created_at`); a dry run counts them and groups them by label and by `dateFormat` of
 * `created_at` (how many, never who); a run deletes a batch, skipping rows another run holds.
 */
export function deletingPurge(spec: {
  table: string;
  due: (before: Date) => SQL;
  labelColumn: string;
  dateFormat: "YYYY-MM-DD" | "YYYY-MM";
}): Purge {
  const table = sql.raw(spec.table);
  const label = sql.raw(spec.labelColumn);
  return async (db, { before, dryRun, limit }) => {
    const due = spec.due(before);
    if (dryRun) {
      const [{ count }] = await queryRows<{ count: string | number }>(
        db,
        sql`select count(*) as count from (${due}) d`,
      );
      const groups = await queryRows<{ label: string; date: string; count: string | number }>(
        db,
        sql`select ${label} as label, to_char(created_at at time zone 'UTC', ${spec.dateFormat}) as date,
                   count(*) as count
            from (${due}) d group by 1, 2 order by 2, 1 limit ${EXAMPLE_LIMIT}`,
      );
      return {
        count: Number(count),
        examples: groups.map((g) => ({ label: g.label, date: g.date, count: Number(g.count) })),
      };
    }
    const deleted = await queryRows<{ id: string }>(
      db,
      sql`delete from ${table} where id in (
            select id from (${due}) d order by id limit ${limit} for update skip locked)
          returning id`,
    );
    return { count: deleted.length, examples: [] };
  };
}
