import { and, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import {
  type CreateRegistryEntryInput,
  createRegistryEntryInput,
  type RegistryEntryView,
  retentionByDocumentType,
} from "../../../common/governance.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, isStaff } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors } from "../../platform/errors.ts";
import { afterCursor, encodeCursor, page } from "../../platform/pagination.ts";
import { likePattern } from "../../platform/sql.ts";
import { parseWith } from "../../platform/validation.ts";
import { registrySeriesOf } from "../../read/governance-registry.ts";
import { organisationNames } from "../organisations/index.ts";
import { governancePolicy, may, standingNone } from "./governance.policy.ts";
import {
  governanceBodies,
  governanceRegistryCounters,
  governanceRegistryEntries,
  governanceRegistrySeries,
} from "./governance.schema.ts";
import { seatsOf, standingIn } from "./standing.ts";

/**
 * The registry (diarium): one series per organisation and year. The next number comes from a
 * counter row bumped with `insert … on conflict do update … returning` inside the entry's own
 * transaction, so concurrent entries wait on the row lock and get consecutive numbers; a rolled
 * back entry rolls its number back too, so there are no gaps.
 */

/** "Samhällskontraktet" → "SA", "Mälardalens högskola" → "MH" unless the organisation has its own letters. */
function defaultPrefix(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const initials = words.length > 1 ? words.map((w) => w[0]).join("") : name.slice(0, 2);
  return initials.toUpperCase();
}

export async function setRegistryPrefix(db: Db | Tx, organisationId: string, prefix: string) {
  await db
    .insert(governanceRegistrySeries)
    .values({ organisationId, prefix })
    .onConflictDoUpdate({ target: governanceRegistrySeries.organisationId, set: { prefix } });
}

async function nextNumber(tx: Tx, organisationId: string, year: number): Promise<string> {
  const org = await registrySeriesOf(tx, organisationId);
  if (!org) throw fieldErrors({ organisationId: "governance.errors.unknownOrganisation" });
  const [counter] = await tx
    .insert(governanceRegistryCounters)
    .values({ organisationId, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [governanceRegistryCounters.organisationId, governanceRegistryCounters.year],
      set: { lastNumber: sql`${governanceRegistryCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: governanceRegistryCounters.lastNumber });
  return `${org.prefix ?? defaultPrefix(org.name)} ${year}/${counter.lastNumber}`;
}

/** Writes one entry in the caller's transaction (a decision registers itself through here). */
export async function insertRegistryEntry(tx: Tx, data: ReturnType<typeof createRegistryEntryInput.parse>) {
  const year = Number(data.date.slice(0, 4));
  let registryNumber: string;
  let number: number | null = null;
  if (data.externalNumber) {
    registryNumber = data.externalNumber;
    if (!(await organisationNames(tx, [data.organisationId])).has(data.organisationId))
      throw fieldErrors({ organisationId: "governance.errors.unknownOrganisation" });
  } else {
    registryNumber = await nextNumber(tx, data.organisationId, year);
    number = Number(registryNumber.split("/").pop());
  }
  const [row] = await tx
    .insert(governanceRegistryEntries)
    .values({
      organisationId: data.organisationId,
      bodyId: data.bodyId ?? null,
      year,
      number,
      registryNumber,
      title: data.title,
      date: data.date,
      direction: data.direction,
      counterpart: data.counterpart ?? null,
      caseRef: data.caseRef ?? null,
      documentType: data.documentType,
      retentionClass: retentionByDocumentType[data.documentType],
      confidential: data.confidential,
      confidentialityGround: data.confidential ? (data.confidentialityGround ?? null) : null,
      files: data.files,
    })
    .returning();
  return row;
}

export type RegistryRow = typeof governanceRegistryEntries.$inferSelect;

export async function createRegistryEntry(db: Db, actor: Actor | null, input: CreateRegistryEntryInput) {
  const data = parseWith(createRegistryEntryInput, input);
  const seats = await seatsOf(db, actor);
  authorize(actor, governancePolicy, "register", data.bodyId ? standingIn(seats, data.bodyId) : standingNone);
  const row = await writeWithAudit(db, actor, async (tx, audit) => {
    if (data.bodyId) {
      const [body] = await tx
        .select({ id: governanceBodies.id })
        .from(governanceBodies)
        .where(eq(governanceBodies.id, data.bodyId));
      if (!body) throw fieldErrors({ bodyId: "governance.errors.unknownBody" });
    }
    const entry = await insertRegistryEntry(tx, data);
    await audit({
      action: "create",
      entityType: "governance_registry_entry",
      entityId: entry.id,
      after: entry,
    });
    return entry;
  });
  return present(row, true);
}

/** A confidential entry keeps its number, date, direction and ground public; its content only for insiders. */
function present(row: RegistryRow, mayRead: boolean): RegistryEntryView {
  const hidden = row.confidential && !mayRead;
  return {
    id: row.id,
    organisationId: row.organisationId,
    bodyId: row.bodyId,
    registryNumber: row.registryNumber,
    title: hidden ? null : row.title,
    date: row.date,
    direction: row.direction as RegistryEntryView["direction"],
    counterpart: hidden ? null : row.counterpart,
    caseRef: row.caseRef,
    documentType: row.documentType as RegistryEntryView["documentType"],
    retentionClass: row.retentionClass,
    confidential: row.confidential,
    confidentialityGround: row.confidentialityGround,
    files: hidden ? [] : row.files,
  };
}

export async function listRegistry(
  db: Db,
  actor: Actor | null,
  query: {
    organisationId?: string;
    bodyId?: string;
    year?: number;
    q?: string;
    limit: number;
    cursor?: string;
  },
) {
  authorize(actor, governancePolicy, "listRegistry", standingNone);
  const seats = await seatsOf(db, actor);
  const e = governanceRegistryEntries;
  const after = afterCursor(query.cursor, { sort: e.date, id: e.id }, { sort: "date", desc: true });
  // Searching reads only what the actor may read: confidential titles are not searchable by outsiders.
  const mine = [...seats.keys()];
  const readable = isStaff(actor)
    ? sql`true`
    : mine.length
      ? or(eq(e.confidential, false), inArray(e.bodyId, mine))
      : eq(e.confidential, false);
  const pattern = query.q ? likePattern(query.q) : null;
  const rows = await db
    .select()
    .from(e)
    .where(
      and(
        query.organisationId ? eq(e.organisationId, query.organisationId) : undefined,
        query.bodyId ? eq(e.bodyId, query.bodyId) : undefined,
        query.year ? eq(e.year, query.year) : undefined,
        // The searchable text is the trigram index's expression (governance_registry_trgm), so the
        // index answers; a row the actor may not read matches only by its registry number.
        pattern
          ? and(
              sql`(${e.title} || ' ' || ${e.registryNumber} || ' ' || coalesce(${e.counterpart}, '')) ilike ${pattern}`,
              or(readable, ilike(e.registryNumber, pattern)),
            )
          : undefined,
        after,
      ),
    )
    .orderBy(desc(e.date), desc(e.id))
    .limit(query.limit + 1);
  const result = page(rows, query.limit, (r) => encodeCursor(r.date, r.id));
  return {
    items: result.items.map((r) =>
      present(r, may("readConfidential", actor, r.bodyId ? standingIn(seats, r.bodyId) : standingNone)),
    ),
    nextCursor: result.nextCursor,
  };
}
