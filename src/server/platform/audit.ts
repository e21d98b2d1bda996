import { sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import type { Actor } from "./actor.ts";
import { lockAndCheckVersion } from "./etag.ts";
import { auditLog } from "./platform.schema.ts";
import { pgArray } from "./sql.ts";

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

/** Audit records a statement in `auditMany`. */
const AUDIT_BATCH = 1000;

/**
 * Many records of one actor in the caller's transaction (a bulk write, say an import of 100 000
 * organisations), 1 000 to a statement: each record is the one `audit(entry)` writes, so the log reads
 * the same as if the rows had been written one by one. Call it inside `writeWithAudit`'s work.
 */
export async function auditMany(tx: Tx, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
  const who = actorColumns(actor);
  for (let i = 0; i < entries.length; i += AUDIT_BATCH) {
    const batch = entries.slice(i, i + AUDIT_BATCH);
    const column = (value: (e: AuditEntry) => string | null) => pgArray(batch.map(value));
    await tx.execute(sql`
      insert into audit_log (actor_id, actor_label, api_token_id, action, entity_type, entity_id, before, after)
      select ${who.actorId}::uuid, ${who.actorLabel}, ${who.apiTokenId}::uuid, u.action, u.entity_type, u.entity_id,
             u.before, u.after
      from unnest(${column((e) => e.action)}::text[], ${column((e) => e.entityType)}::text[],
                  ${column((e) => e.entityId ?? null)}::text[], ${column((e) => jsonText(e.before))}::jsonb[],
                  ${column((e) => jsonText(e.after))}::jsonb[])
        as u(action, entity_type, entity_id, before, after)`);
  }
}

/** Who acted, as the audit log's columns: the system (all zeros) and the public have no user id. */
function actorColumns(actor: Actor | null) {
  return {
    actorId: actor && actor.userId !== "00000000-0000-0000-0000-000000000000" ? actor.userId : null,
    actorLabel: actor ? actorLabel(actor) : "allmänheten",
    apiTokenId: actor?.apiToken?.id ?? null,
  };
}

function auditRow(actor: Actor | null, entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    ...actorColumns(actor),
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
  const text = jsonText(value);
  return text === null ? null : JSON.parse(text);
}

/** toJson's JSON as text (null for no value), as `auditMany` sends it. */
function jsonText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = JSON.stringify(value, (key, v) =>
    key === "passwordHash" || key === "tokenHash" || key === "csrfToken" ? undefined : v,
  );
  return text === "null" ? null : text;
}
