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
      await tx.insert(auditLog).values({
        actorId: actor && actor.userId !== "00000000-0000-0000-0000-000000000000" ? actor.userId : null,
        actorLabel: actor ? actorLabel(actor) : "allmänheten",
        apiTokenId: actor?.apiToken?.id ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        before: toJson(entry.before),
        after: toJson(entry.after),
      });
    };
    // A versioned route's record: locked and its If-Match checked before the work (platform/etag.ts).
    const advanceVersion = await lockAndCheckVersion(tx);
    const result = await work(tx, audit);
    await advanceVersion?.();
    return result;
  });
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
