import type { Db, Tx } from "../db/client.ts";

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
