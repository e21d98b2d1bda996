import { eq, inArray, or, sql } from "drizzle-orm";
import { auditSentence } from "../../../common/audit.ts";
import type { ErasureImpactItem } from "../../../common/privacy.ts";
import type { Db, Tx } from "../../db/client.ts";
import {
  ERASED,
  type ErasureContext,
  type HeldData,
  type PersonalDataSubject,
} from "../../platform/personal-data.ts";
import { auditLog } from "../../platform/platform.schema.ts";

/**
 * Audit entries about a person (issue 20): entries on their records, entries whose values hold one of
 * their addresses or their full name, and entries of changes they made. On erasure an entry keeps that
 * a change happened (when, what kind, to which record, which fields) but its values become "[raderat]".
 */

/** The subject plus the ids of their records that other modules reported (registrations, ideas …). */
export interface AuditSubject extends PersonalDataSubject {
  entityIds: string[];
}

const fullName = (name: string | null) => (name && /\S+\s+\S+/.test(name.trim()) ? name.trim() : null);

function about(s: AuditSubject) {
  const ids = [...new Set([s.personId, s.userId, ...s.entityIds].filter((x): x is string => !!x))];
  const needles = [...s.emails, ...(fullName(s.name) ? [fullName(s.name) as string] : [])];
  const c = [
    ...(ids.length ? [inArray(auditLog.entityId, ids)] : []),
    ...(s.userId ? [eq(auditLog.actorId, s.userId)] : []),
    ...needles.map(
      (n) =>
        sql`strpos(lower(coalesce(${auditLog.before}::text, '') || coalesce(${auditLog.after}::text, '')), ${n.toLowerCase()}) > 0`,
    ),
  ];
  return c.length ? or(...c) : sql`false`;
}

const entries = (db: Db | Tx, s: AuditSubject) =>
  db.select().from(auditLog).where(about(s)).orderBy(auditLog.at, auditLog.id);

export async function personalDataFor(db: Db, s: AuditSubject): Promise<HeldData[]> {
  const rows = await entries(db, s);
  return [
    {
      category: "audit_entries",
      ids: [],
      records: rows.map((e) => ({
        Tidpunkt: e.at.toISOString(),
        Händelse: auditSentence(e),
        Post: `${e.entityType}${e.entityId ? ` ${e.entityId}` : ""}`,
        "Ändrat av": e.actorLabel,
        "Ändrade fält": fieldsOf(e.after ?? e.before).join(", "),
      })),
    },
  ];
}

export async function erasureImpactFor(db: Db | Tx, s: AuditSubject): Promise<ErasureImpactItem[]> {
  const rows = await entries(db, s);
  return rows.length
    ? [
        {
          category: "audit_entries",
          action: "anonymise",
          count: rows.length,
          description: "Ändringsloggen: att ändringarna skett finns kvar, men de raderade värdena tas bort.",
          rule: null,
        },
      ]
    : [];
}

export async function eraseFor(tx: Tx, s: AuditSubject, _ctx: ErasureContext) {
  const ids = new Set([s.personId, s.userId, ...s.entityIds].filter(Boolean));
  const needles = [...s.emails, ...(fullName(s.name) ? [(fullName(s.name) as string).toLowerCase()] : [])];
  for (const e of await entries(tx, s)) {
    // Changes the person made to others' records keep their values; only the label naming them goes.
    const text = `${JSON.stringify(e.before) ?? ""}${JSON.stringify(e.after) ?? ""}`.toLowerCase();
    const isAbout = (!!e.entityId && ids.has(e.entityId)) || needles.some((n) => text.includes(n));
    await tx
      .update(auditLog)
      .set({
        ...(isAbout ? { before: redact(e.before), after: redact(e.after) } : {}),
        ...(s.userId && e.actorId === s.userId ? { actorLabel: "Raderad användare" } : {}),
      })
      .where(eq(auditLog.id, e.id));
  }
}

/** The same shape with every value replaced: which fields changed stays visible, not what they held. */
function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === "object")
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redact(v)]),
    );
  return ERASED;
}

function fieldsOf(value: unknown): string[] {
  return value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
}
