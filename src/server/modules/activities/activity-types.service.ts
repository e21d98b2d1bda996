import { asc, eq, inArray } from "drizzle-orm";
import {
  type CreateActivityTypeInput,
  createActivityTypeInput,
  type UpdateActivityTypeInput,
  updateActivityTypeInput,
} from "../../../common/activities.ts";
import { seededActivityTypes } from "../../../common/activity-types.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, requireActor, systemActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { isUniqueViolation } from "../../platform/sql.ts";
import { parseWith } from "../../platform/validation.ts";
import { activityTypesPolicy } from "./activities.policy.ts";
import { activityTypes } from "./activities.schema.ts";

export type ActivityTypeRecord = typeof activityTypes.$inferSelect;

/**
 * Makes sure every seeded activity type exists. The catalogue is configuration, not demo data, so
 * this runs at every start-up (also of an empty installation). It only adds what is missing: labels
 * an administrator has changed, and types they have deactivated, stay as they are.
 */
export async function ensureActivityTypes(db: Db) {
  const existing = await db
    .select({ key: activityTypes.key })
    .from(activityTypes)
    .where(
      inArray(
        activityTypes.key,
        seededActivityTypes.map((t) => t.key),
      ),
    );
  const have = new Set(existing.map((t) => t.key));
  const missing = seededActivityTypes
    .map((t, index) => ({ ...t, sortOrder: (index + 1) * 10 }))
    .filter((t) => !have.has(t.key));
  if (!missing.length) return 0;
  await writeWithAudit(db, systemActor, async (tx, audit) => {
    await tx
      .insert(activityTypes)
      .values(
        missing.map((t) => ({
          key: t.key,
          labelSv: t.sv,
          labelEn: t.en,
          category: t.category,
          sortOrder: t.sortOrder,
        })),
      )
      .onConflictDoNothing();
    await audit({
      action: "activity_type.seed",
      entityType: "activity_type",
      after: { keys: missing.map((t) => t.key) },
    });
  });
  return missing.length;
}

/** The catalogue in its configured order; inactive types are included (old activities still use them). */
export async function listActivityTypes(db: Db, actor: Actor | null) {
  authorize(actor, activityTypesPolicy, "list", null);
  return db.select().from(activityTypes).orderBy(asc(activityTypes.sortOrder), asc(activityTypes.key));
}

/** Every key in the catalogue, inactive ones included (for other modules' checks of a type key). */
export async function activityTypeKeys(db: Db | Tx): Promise<Set<string>> {
  return new Set((await db.select({ key: activityTypes.key }).from(activityTypes)).map((r) => r.key));
}

export async function findActivityType(db: Db | Tx, key: string) {
  const [row] = await db.select().from(activityTypes).where(eq(activityTypes.key, key));
  return row ?? null;
}

export async function createActivityType(db: Db, actor: Actor | null, input: CreateActivityTypeInput) {
  requireActor(actor);
  authorize(actor, activityTypesPolicy, "configure", null);
  const data = parseWith(createActivityTypeInput, input);
  const taken = () =>
    fieldErrors({ key: { key: "validation.activities.typeKeyTaken", params: { key: data.key } } });
  if (await findActivityType(db, data.key)) throw taken();
  try {
    return await writeWithAudit(db, actor, async (tx, audit) => {
      const sortOrder = data.sortOrder ?? (await nextSortOrder(tx));
      const [row] = await tx
        .insert(activityTypes)
        .values({ ...data, sortOrder })
        .returning();
      await audit({
        action: "activity_type.create",
        entityType: "activity_type",
        entityId: row.key,
        after: row,
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

async function nextSortOrder(tx: Tx) {
  const rows = await tx.select({ sortOrder: activityTypes.sortOrder }).from(activityTypes);
  return Math.max(0, ...rows.map((r) => r.sortOrder)) + 10;
}

/** Relabels, recategorises, reorders or (de)activates a type; the key never changes. */
export async function updateActivityType(
  db: Db,
  actor: Actor | null,
  key: string,
  input: UpdateActivityTypeInput,
) {
  requireActor(actor);
  const before = await findActivityType(db, key);
  if (!before) throw notFound();
  authorize(actor, activityTypesPolicy, "configure", null);
  const data = parseWith(updateActivityTypeInput, input);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [row] = await tx.update(activityTypes).set(data).where(eq(activityTypes.key, key)).returning();
    await audit({
      action: "activity_type.update",
      entityType: "activity_type",
      entityId: key,
      before,
      after: row,
    });
    return row;
  });
}
