import type { Db, Tx } from "../db/client.ts";
import type { Actor } from "./actor.ts";
import { lockAndCheckVersion } from "./etag.ts";
import { auditLog } from "./platform.schema.ts";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export type Audit = (entry: AuditEntry) => Promise<void>;

/**
 * Runs a write and its audit record in one transaction: either both land or neither does.
 * Every service write goes through here (docs/design.md: "every write is authorised and audited").
 */
export async function writeWithAudit<T>(
  db: Db,
  actor: Actor | null,
  work: (tx: Tx, audit: Audit) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const audit: Audit = async (entry) => {
      await tx.insert(auditLog).values(auditRow(actor, entry));
    };
    // A versioned route's record: locked and its If-Match checked before the work (platform/etag.ts).
    const advanceVersion = await lockAndCheckVersion(tx);
    const result = await work(tx, audit);
    await advanceVersion?.();
    return result;
  });
}

/** Audit records a statement in `auditMany`: 1 000 rows of nine columns stay far below 65 535 parameters. */
const AUDIT_BATCH = 1000;

/**
 * Many records of one actor in the caller's transaction (a bulk write, say an import of 100 000
 * organisations), 1 000 to a statement: each record is the one `audit(entry)` writes, so the log reads
 * the same as if the rows had been written one by one. Call it inside `writeWithAudit`'s work.
 */
export async function auditMany(tx: Tx, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_BATCH)
    await tx
      .insert(auditLog)
      .values(entries.slice(i, i + AUDIT_BATCH).map((entry) => auditRow(actor, entry)));
}

function auditRow(actor: Actor | null, entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    actorId: actor && actor.userId !== "00000000-0000-0000-0000-000000000000" ? actor.userId : null,
    actorLabel: actor ? actorLabel(actor) : "allmänheten",
    apiTokenId: actor?.apiToken?.id ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: toJson(entry.before),
    after: toJson(entry.after),
  };
}

/** Who acted, and through which API token when not in a browser session. */
const actorLabel = (actor: Actor) =>
  `${actor.name} <${actor.email}>${actor.apiToken ? ` via API-nyckel «${actor.apiToken.name}»` : ""}`;

/** Dates and other values become plain JSON; secrets never reach the log. */
function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (key, v) =>
      key === "passwordHash" || key === "tokenHash" || key === "csrfToken" ? undefined : v,
    ),
  );
}
