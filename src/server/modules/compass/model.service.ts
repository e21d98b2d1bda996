import { asc, desc, eq, sql } from "drizzle-orm";
import {
  type DimensionDefinition,
  type ModelVersionInput,
  modelVersionInput,
  type PeriodKind,
} from "../../../common/compass.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, systemActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { conflict, fieldErrors } from "../../platform/errors.ts";
import { isUniqueViolation } from "../../platform/sql.ts";
import { activityTypeKeys } from "../activities/index.ts";
import { compassPolicy } from "./compass.policy.ts";
import { compassModelVersions } from "./compass.schema.ts";
import { actorUserId, parseInput } from "./compass.shared.ts";
import { defaultDimensions } from "./model.defaults.ts";

/** A version of the compass model. Versions never change once published. */
export interface ModelVersion {
  version: number;
  period: PeriodKind;
  dimensions: DimensionDefinition[];
  note: string | null;
  createdAt: Date;
  createdBy: string | null;
}

type Row = typeof compassModelVersions.$inferSelect;
const toModel = (row: Row): ModelVersion => ({
  version: row.version,
  period: row.period as PeriodKind,
  dimensions: row.dimensions,
  note: row.note,
  createdAt: row.createdAt,
  createdBy: row.createdBy,
});

// Published versions are immutable, so each database's versions can be kept once read.
const cache = new WeakMap<object, Map<number, ModelVersion>>();
function remember(db: Db | Tx, model: ModelVersion) {
  const map = cache.get(db) ?? new Map<number, ModelVersion>();
  cache.set(db, map);
  map.set(model.version, model);
  return model;
}

/**
 * The latest published version; publishes version 1 (the eight dimensions) the first time the
 * compass is used — recorded as the system's act, whoever happened to read first.
 */
export async function ensureModel(db: Db, actor: Actor | null): Promise<ModelVersion> {
  authorize(actor, compassPolicy, "read", null);
  const [latest] = await db
    .select()
    .from(compassModelVersions)
    .orderBy(desc(compassModelVersions.version))
    .limit(1);
  if (latest) return remember(db, toModel(latest));
  await writeWithAudit(db, systemActor, async (tx, audit) => {
    const inserted = await tx
      .insert(compassModelVersions)
      .values({
        version: 1,
        period: "calendar",
        dimensions: defaultDimensions,
        note: "Standardmodell (version 1)",
      })
      .onConflictDoNothing()
      .returning();
    if (inserted.length)
      await audit({
        action: "compass.model.publish",
        entityType: "compass_model",
        entityId: "1",
        after: inserted[0],
      });
  });
  return ensureModel(db, actor);
}

/** The current model: the latest published version. */
export const latestModel = (db: Db, actor: Actor | null) => ensureModel(db, actor);

export async function getModelVersion(
  db: Db,
  actor: Actor | null,
  version: number,
): Promise<ModelVersion | null> {
  authorize(actor, compassPolicy, "read", null);
  const cached = cache.get(db)?.get(version);
  if (cached) return cached;
  const [row] = await db.select().from(compassModelVersions).where(eq(compassModelVersions.version, version));
  return row ? remember(db, toModel(row)) : null;
}

export async function listModelVersions(db: Db, actor: Actor | null): Promise<ModelVersion[]> {
  await ensureModel(db, actor);
  const rows = await db.select().from(compassModelVersions).orderBy(asc(compassModelVersions.version));
  return rows.map(toModel);
}

/**
 * Publishes a new version. Programme-years already computed keep the version they were computed with
 * (compass_snapshots) until someone recomputes them.
 */
export async function createModelVersion(
  db: Db,
  actor: Actor,
  raw: ModelVersionInput,
): Promise<ModelVersion> {
  authorize(actor, compassPolicy, "editModel", null);
  const input = parseInput(modelVersionInput, raw);
  const known = await activityTypeKeys(db);
  const unknown: Record<string, string> = {};
  input.dimensions.forEach((d, i) => {
    if (d.activityTypes.some((t) => !known.has(t)))
      unknown[`dimensions.${i}.activityTypes`] = "validation.compass.unknownActivityType";
  });
  if (Object.keys(unknown).length) throw fieldErrors(unknown);
  const previous = await ensureModel(db, actor);
  try {
    const row = await writeWithAudit(db, actor, async (tx, audit) => {
      const [created] = await tx
        .insert(compassModelVersions)
        .values({
          version: sql`(select coalesce(max(version), 0) + 1 from ${compassModelVersions})`,
          period: input.period,
          dimensions: input.dimensions,
          note: input.note ?? null,
          createdBy: actorUserId(actor),
        })
        .returning();
      await audit({
        action: "compass.model.publish",
        entityType: "compass_model",
        entityId: String(created.version),
        before: { version: previous.version },
        after: created,
      });
      return created;
    });
    return remember(db, toModel(row));
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}
