import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { auditQuery } from "../../../common/accounts.ts";
import { auditEntryWithChanges } from "../../../common/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { decodeCursor, encodeCursor, listOf, page } from "../../platform/pagination.ts";
import { auditLog } from "../../platform/platform.schema.ts";
import { problemSchema } from "../../platform/problem.ts";
import { accountsPolicy } from "../accounts/index.ts";
import { presentAuditEntries } from "./audit.presenter.ts";

/** Administrators browse the audit log newest first, filtered by object, user, action and dates, in Swedish sentences. */
export function registerAuditRoutes(app: FastifyInstance, { db }: Deps) {
  typed(app).get(
    "/api/admin/audit",
    {
      schema: {
        tags: ["Granskningslogg"],
        summary: "Granskningsloggen",
        querystring: auditQuery,
        response: {
          200: listOf(auditEntryWithChanges),
          401: problemSchema,
          403: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) => {
      authorize(request.actor, accountsPolicy, "readAuditLog", null);
      const q = request.query;
      const where: SQL[] = [];
      if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
      if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
      if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
      if (q.action) {
        // A generic verb is filtered as the filter names it: "news.create" is action "create" on "news".
        const dot = q.action.lastIndexOf(".");
        const generic =
          dot > 0
            ? and(
                eq(auditLog.entityType, q.action.slice(0, dot)),
                eq(auditLog.action, q.action.slice(dot + 1)),
              )
            : undefined;
        where.push(
          generic ? (or(eq(auditLog.action, q.action), generic) as SQL) : eq(auditLog.action, q.action),
        );
      }
      if (q.from) where.push(gte(auditLog.at, new Date(`${q.from}T00:00:00Z`)));
      if (q.to) where.push(lt(auditLog.at, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)));
      const cursor = decodeCursor(q.cursor, { id: "integer" });
      if (cursor) where.push(lt(auditLog.id, Number(cursor.id)));
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(...where))
        .orderBy(desc(auditLog.id))
        .limit(q.limit + 1);
      const result = page(rows, q.limit, (row) => encodeCursor(null, String(row.id)));
      return {
        items: await presentAuditEntries(db, result.items),
        nextCursor: result.nextCursor,
      };
    },
  );
}
