import { desc, eq, sql } from "drizzle-orm";
import type {
  RetentionCategory,
  RetentionDryRunView,
  RetentionRulesInput,
  RetentionRuleView,
  RetentionRunView,
  retentionRunStatuses,
} from "../../../common/retention.ts";
import { type Db, queryRows } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { conflict, type FieldError, fieldErrors } from "../../platform/errors.ts";
import { users } from "../../platform/platform.schema.ts";
import { retentionPolicy } from "./retention.policy.ts";
import { approximateDays, currentRules, cutoff, purges } from "./retention.rules.ts";
import { retentionRules, retentionRuns } from "./retention.schema.ts";

/** Records per transaction: small enough to keep locks short, large enough to be quick. */
export const DEFAULT_BATCH = 200;
/** A run still `running` after this long died with its process; the next run marks it interrupted. */
const STALE_RUN = "2 hours";

export async function listRules(db: Db, actor: Actor | null): Promise<RetentionRuleView[]> {
  authorize(actor, retentionPolicy, "read", null);
  return currentRules(db);
}

/** Changes the given categories' rules (the others stay); each change audited with before and after. */
export async function updateRules(
  db: Db,
  actor: Actor | null,
  input: RetentionRulesInput,
): Promise<RetentionRuleView[]> {
  authorize(actor, retentionPolicy, "configure", null);
  const current = await currentRules(db);
  const errors: Record<string, FieldError> = {};
  const seen = new Set<string>();
  input.rules.forEach((rule, i) => {
    const minDays = current.find((c) => c.key === rule.key)?.minDays ?? 0;
    if (seen.has(rule.key)) errors[`rules.${i}.key`] = { key: "validation.retention.duplicate" };
    else if (approximateDays(rule) < minDays)
      errors[`rules.${i}.months`] = { key: "validation.retention.tooShort", params: { days: minDays } };
    seen.add(rule.key);
  });
  if (Object.keys(errors).length) throw fieldErrors(errors);
  await writeWithAudit(db, actor, async (tx, audit) => {
    for (const rule of input.rules) {
      const before = current.find((c) => c.key === rule.key);
      const values = { months: rule.months, days: rule.days, enabled: rule.enabled };
      await tx
        .insert(retentionRules)
        .values({ key: rule.key, ...values, updatedBy: actor?.userId, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: retentionRules.key,
          set: { ...values, updatedBy: actor?.userId, updatedAt: new Date() },
        });
      await audit({
        action: "retention.rule.update",
        entityType: "retention_rule",
        entityId: rule.key,
        before: before && { months: before.months, days: before.days, enabled: before.enabled },
        after: values,
      });
    }
  });
  return currentRules(db);
}

/** What a run now would remove, per category: counts and examples (record kinds and dates, never people). */
export async function dryRun(db: Db, actor: Actor | null, now = new Date()): Promise<RetentionDryRunView> {
  authorize(actor, retentionPolicy, "read", null);
  const rules = await currentRules(db);
  const categories: RetentionDryRunView["categories"] = [];
  for (const rule of rules) {
    const before = cutoff(now, rule);
    const result = rule.enabled
      ? await purges[rule.key](db, { before, dryRun: true, limit: 0 })
      : { count: 0, examples: [] };
    categories.push({ key: rule.key, enabled: rule.enabled, before: before.toISOString(), ...result });
  }
  return { generatedAt: now.toISOString(), categories };
}

export interface RunOptions {
  trigger: "manual" | "scheduled";
  now?: Date;
  batchSize?: number;
  /**
   * Called inside each batch's transaction after its changes: throwing there rolls the batch back and ends
   * the run as failed (the tests interrupt a run this way, as a crash or a lost connection would).
   */
  onBatch?: (category: RetentionCategory, count: number) => void | Promise<void>;
}

/**
 * Runs every enabled rule. Each category is worked in batches, each batch one transaction that changes the
 * owning module's records, adds its count to the run's report and writes its audit entry: an interruption
 * loses at most the batch under way (rolled back whole, so nothing is half-erased), and the next run finds
 * the rest still due and continues. At most one run at a time (409 otherwise).
 */
export async function runRetention(
  db: Db,
  actor: Actor | null,
  options: RunOptions,
): Promise<RetentionRunView> {
  authorize(actor, retentionPolicy, "run", null);
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  await db.execute(
    sql`update retention_runs set status = 'interrupted', finished_at = now()
        where status = 'running' and started_at < now() - ${STALE_RUN}::interval`,
  );
  const startedBy = actor && actor.userId !== "00000000-0000-0000-0000-000000000000" ? actor.userId : null;
  const [started] = await queryRows<{ id: string }>(
    db,
    sql`insert into retention_runs (trigger, started_by, status) values (${options.trigger}, ${startedBy}, 'running')
        on conflict (status) where status = 'running' do nothing returning id`,
  );
  if (!started) throw conflict("retention.errors.running");
  const runId = started.id;
  const rules = await currentRules(db);
  let failure: string | null = null;
  try {
    for (const rule of rules.filter((r) => r.enabled)) {
      const before = cutoff(now, rule);
      for (;;) {
        const count = await writeWithAudit(db, actor, async (tx, audit) => {
          const result = await purges[rule.key](tx, { before, dryRun: false, limit: batchSize });
          if (result.count) {
            await tx.execute(
              sql`update retention_runs
                  set counts = jsonb_set(counts, array[${rule.key}::text],
                                         to_jsonb(coalesce((counts ->> ${rule.key})::int, 0) + ${result.count}::int))
                  where id = ${runId}`,
            );
            await audit({
              action: "retention.purge",
              entityType: "retention_run",
              entityId: runId,
              after: { category: rule.key, count: result.count, before: before.toISOString() },
            });
          }
          await options.onBatch?.(rule.key, result.count);
          return result.count;
        });
        if (count < batchSize) break;
      }
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  await writeWithAudit(db, actor, async (tx, audit) => {
    const [run] = await tx
      .update(retentionRuns)
      .set({ status: failure ? "failed" : "completed", finishedAt: new Date(), error: failure })
      .where(eq(retentionRuns.id, runId))
      .returning();
    await audit({
      action: failure ? "retention.run.failed" : "retention.run",
      entityType: "retention_run",
      entityId: runId,
      after: { trigger: run.trigger, counts: run.counts, error: failure },
    });
  });
  const [run] = await listRunRows(db, runId);
  return run;
}

export async function listRuns(db: Db, actor: Actor | null): Promise<RetentionRunView[]> {
  authorize(actor, retentionPolicy, "read", null);
  return listRunRows(db);
}

async function listRunRows(db: Db, id?: string): Promise<RetentionRunView[]> {
  const rows = await db
    .select({ run: retentionRuns, startedByName: users.name })
    .from(retentionRuns)
    .leftJoin(users, eq(users.id, retentionRuns.startedBy))
    .where(id ? eq(retentionRuns.id, id) : undefined)
    .orderBy(desc(retentionRuns.startedAt), desc(retentionRuns.id))
    .limit(50);
  return rows.map(({ run: r, startedByName }) => ({
    id: r.id,
    trigger: r.trigger as RetentionRunView["trigger"],
    startedBy: startedByName ?? null,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    status: r.status as (typeof retentionRunStatuses)[number],
    counts: r.counts,
    total: Object.values(r.counts).reduce((sum, n) => sum + n, 0),
    error: r.error,
  }));
}
