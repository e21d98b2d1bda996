import { AsyncLocalStorage } from "node:async_hooks";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Db, Tx } from "../db/client.ts";
import { AppError } from "./errors.ts";
import { requestLocale, translator } from "./i18n.ts";
import { auditLog } from "./platform.schema.ts";
import { problemSchema } from "./problem.ts";

/**
 * Optimistic concurrency for every editable record (issue 11, finding 10), in one place.
 *
 * A record's version is its `updated_at`, to the microsecond; its strong ETag is `"<microseconds>"`.
 * A route that reads or writes one record says which row it is with `config: { versioned: versioned(table) }`:
 * - GET answers with `ETag` (read before the handler, so a write in between gives at worst a false 412).
 * - PATCH/PUT/DELETE: writeWithAudit locks the row (`select … for update`) as the first statement of the
 *   write's transaction and compares `If-Match` there, so the compare and the write are atomic. A stale
 *   `If-Match` (once the service's own permission checks have passed) answers 412 with a Swedish problem+json naming who changed the record, when and which fields
 *   (from the audit log). Without `If-Match` the write proceeds as before (integrations, old clients), still
 *   serialised by the row lock; with full-list fields such as `tags` the last writer wins, so the web always
 *   sends `If-Match`.
 * - After the write the row's `updated_at` moves strictly forward (at least 1 µs), so every write gives a new
 *   ETag, which the PATCH/PUT answer carries.
 */
export interface Versioned {
  table: PgTable;
  key: AnyPgColumn;
  updatedAt: AnyPgColumn;
  /** The route param holding the record's key; "id" unless said. */
  param: string;
  /** i18n prefix of the record's field labels (e.g. "organisations.fields"), for the 412 message. */
  labels?: string;
  /**
   * The GET handler reads the version in the statement that reads the record (`versionOf`) and sets
   * `request.etag` itself: one statement fewer, and the ETag is the version of the very row it answers.
   */
  etagFromHandler?: boolean;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The record a GET-one or PATCH/PUT/DELETE route reads or writes: ETag and If-Match apply. */
    versioned?: Versioned;
  }
  interface FastifyRequest {
    etag: string | null;
  }
}

type VersionedTable = PgTable & { id: AnyPgColumn; updatedAt: AnyPgColumn };

export function versioned(
  table: VersionedTable | (PgTable & { updatedAt: AnyPgColumn }),
  options: { param?: string; key?: AnyPgColumn; labels?: string; etagFromHandler?: boolean } = {},
): Versioned {
  const key = options.key ?? (table as VersionedTable).id;
  if (!key) throw new Error("versioned(): the table has no id column; say which column is its key");
  return {
    table,
    key,
    updatedAt: table.updatedAt,
    param: options.param ?? "id",
    labels: options.labels,
    etagFromHandler: options.etagFromHandler,
  };
}

/** What one write request asked for; shared between the route hook and writeWithAudit. */
interface Precondition {
  versioned: Versioned;
  id: string;
  ifMatch: string[] | "*" | null;
  checked: boolean;
  isDelete: boolean;
  request: FastifyRequest;
}

const preconditions = new AsyncLocalStorage<Precondition>();

const micros = (column: AnyPgColumn) => sql`(extract(epoch from ${column}) * 1000000)::bigint`;
const versionSql = (column: AnyPgColumn) => sql<string>`${micros(column)}::text`;
/** The version of a row as a select-list column, for a GET whose handler reads it with the record. */
export const versionOf = versionSql;

export const etagOf = (version: string) => `"${version}"`;

async function readVersion(db: Db | Tx, v: Versioned, id: string, lock: boolean) {
  const query = db
    .select({ version: versionSql(v.updatedAt) })
    .from(v.table)
    .where(eq(v.key, id));
  const [row] = lock ? await query.for("update") : await query;
  return row?.version ?? null;
}

/** `If-Match: "a", "b"` → ["a","b"]; `*` → "*"; weak tags never match (strong comparison, RFC 9110 13.1.1). */
function parseIfMatch(header: string | string[] | undefined): string[] | "*" | null {
  if (header === undefined) return null;
  const text = Array.isArray(header) ? header.join(",") : header;
  if (text.trim() === "*") return "*";
  return [...text.matchAll(/(W\/)?"([^"]*)"/g)].filter((m) => !m[1]).map((m) => m[2]);
}

/**
 * Called by writeWithAudit at the start of its transaction: locks the target row and compares If-Match
 * once per request. Returns a function to call after the work: it answers 412 if the version was stale,
 * else moves the version forward. The 412 waits for the work so that the service's own refusals come
 * first: an actor who may not read or change the record gets its 403/404, never a 412 that would tell
 * them the record exists and who changed what (decision 007); the work is rolled back with the 412.
 */
export async function lockAndCheckVersion(tx: Tx): Promise<(() => Promise<void>) | null> {
  const pre = preconditions.getStore();
  if (!pre) return null;
  const current = await readVersion(tx, pre.versioned, pre.id, true);
  if (current === null) return null; // The service answers 404.
  // Read before the work, so the 412 names others' changes, not the ones this request is making.
  const stale =
    !pre.checked && pre.ifMatch !== null && pre.ifMatch !== "*" && !pre.ifMatch.includes(current)
      ? await staleVersion(tx, pre, pre.ifMatch[0])
      : null;
  pre.checked = true;
  if (stale) {
    return async () => {
      throw stale;
    };
  }
  if (pre.isDelete) return null;
  return async () => {
    const { table, updatedAt, key } = pre.versioned;
    const [row] = await tx
      .update(table)
      .set({
        [columnProperty(table, updatedAt)]: sql`greatest(${updatedAt} + interval '1 microsecond', now())`,
      })
      .where(eq(key, pre.id))
      .returning({ version: versionSql(updatedAt) });
    if (row) pre.request.etag = etagOf(row.version);
  };
}

function columnProperty(table: PgTable, column: AnyPgColumn): string {
  for (const [name, value] of Object.entries(table)) if (value === column) return name;
  throw new Error(`column ${column.name} not in its table`);
}

const ignoredFields = new Set(["updatedAt", "createdAt", "sortKey", "id", "version"]);

/** 412: who changed the record since the client's version, when, and which fields (from the audit log). */
async function staleVersion(tx: Tx, pre: Precondition, clientVersion: string | undefined): Promise<AppError> {
  const t = translator(requestLocale(pre.request));
  const since = clientVersion && /^\d{1,18}$/.test(clientVersion) ? clientVersion : null;
  const entries = since
    ? await tx
        .select({ at: auditLog.at, by: auditLog.actorLabel, before: auditLog.before, after: auditLog.after })
        .from(auditLog)
        // Microseconds on both sides: the write that made the client's version is not "since".
        .where(
          and(
            gt(auditLog.at, new Date(Number(since) / 1000 - 1)), // audit_log_at_idx narrows to what is recent
            eq(auditLog.entityId, pre.id),
            gt(micros(auditLog.at), sql`${since}::bigint`),
          ),
        )
        .orderBy(desc(auditLog.at))
        .limit(50)
    : [];
  if (!entries.length) return new AppError("preconditionFailed");
  const fields = new Set<string>();
  for (const e of entries) for (const f of changedFields(e.before, e.after)) fields.add(f);
  const by = [...new Set(entries.map((e) => e.by.replace(/\s*<[^>]*>$/, "")))].join(", ");
  const label = (f: string) =>
    t(`${pre.versioned.labels ?? "fieldNames"}.${f}`, {
      defaultValue: t(`fieldNames.${f}`, { defaultValue: f }),
    });
  const list = [...fields].map(label);
  return new AppError(
    "preconditionFailed",
    list.length ? "errors.preconditionFailedBy" : "errors.preconditionFailedByNoFields",
    {
      time: stockholmTime(entries[0].at),
      by,
      fields: list.join(", ").toLocaleLowerCase(requestLocale(pre.request)),
      changes: { at: entries[0].at.toISOString(), by, fields: [...fields] },
    },
  );
}

function changedFields(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter(
    (k) => !ignoredFields.has(k) && JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function stockholmTime(at: Date): string {
  const zone = { timeZone: "Europe/Stockholm" } as const;
  const day = (d: Date) => d.toLocaleDateString("sv-SE", zone);
  const time = at.toLocaleTimeString("sv-SE", { ...zone, hour: "2-digit", minute: "2-digit" });
  return day(at) === day(new Date()) ? time : `${day(at)} ${time}`;
}

const ifMatchHeader = z.looseObject({
  "if-match": z.string().optional().meta({
    description: "Postens ETag från GET; en inaktuell ger 412. Utan den skriver den som sparar sist över.",
  }),
});

/**
 * The hooks: ETag on GET of a versioned record and on the answer of its PATCH/PUT; the If-Match
 * precondition carried to writeWithAudit; If-Match and 412 in the OpenAPI document. Register before routes.
 */
export function registerVersionHooks(app: FastifyInstance, db: Db) {
  app.decorateRequest("etag", null);
  app.addHook("onRoute", (route) => {
    const config = route.config as { versioned?: Versioned } | undefined;
    if (!config?.versioned || !route.schema) return;
    const methods = [route.method].flat();
    if (methods.some((m) => m === "PATCH" || m === "PUT" || m === "DELETE")) {
      route.schema.headers ??= ifMatchHeader;
      route.schema.response = { ...(route.schema.response as object), 412: problemSchema };
    }
  });
  app.addHook("preHandler", (request, _reply, done) => {
    const v = request.routeOptions.config?.versioned;
    const id = v ? (request.params as Record<string, string> | undefined)?.[v.param] : undefined;
    if (!v || !id) return done();
    if (request.method === "GET" || request.method === "HEAD") {
      if (v.etagFromHandler) return done();
      readVersion(db, v, id, false).then((version) => {
        request.etag = version === null ? null : etagOf(version);
        done();
      }, done);
      return;
    }
    const pre: Precondition = {
      versioned: v,
      id,
      ifMatch: parseIfMatch(request.headers["if-match"]),
      checked: false,
      // A DELETE of the record itself (its key ends the path); deleting a part of it (a compass
      // assessment) moves the record's version like any other write.
      isDelete: request.method === "DELETE" && !!request.routeOptions.url?.endsWith(`:${v.param}`),
      request,
    };
    preconditions.run(pre, done);
  });
  app.addHook("onSend", (request, reply, payload, done) => {
    // Set only where the record lives on (a DELETE of the record itself moves no version).
    if (request.etag && reply.statusCode >= 200 && reply.statusCode < 300) reply.header("etag", request.etag);
    done(null, payload);
  });
}
