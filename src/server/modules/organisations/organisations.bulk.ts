import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import {
  type CreateOrganisationData,
  type CreateOrganisationInput,
  createOrganisationInput,
} from "../../../common/organisations.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import { type Db, queryRows, type Tx } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { type AuditEntry, auditMany, writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, fieldErrors } from "../../platform/errors.ts";
import { isUniqueViolation, pgArray } from "../../platform/sql.ts";
import { parseWith } from "../../platform/validation.ts";
import { organisationsPolicy } from "./organisations.policy.ts";
import type { organisations } from "./organisations.schema.ts";

/** One organisation of a bulk create; `parentIndex` names an earlier item as its parent (a unit and its faculty). */
export interface NewOrganisation {
  input: CreateOrganisationInput;
  parentIndex?: number;
}

/** The items of a bulk create that createOrganisation would have refused, by index, each with its refusal. */
export class OrganisationsRefused extends Error {
  constructor(readonly refusals: { index: number; error: AppError }[]) {
    super("organisations refused");
  }
}

/** Rows to an INSERT statement: 1 000 rows of twelve columns stay far below 65 535 parameters. */
const INSERT_BATCH = 1000;

/**
 * Creates many organisations in one transaction — the import's write (issue 14, bulk writes): the same
 * rules as createOrganisation, checked as sets instead of row by row. Every input is validated with the
 * shared schema, the parents and org numbers are checked with one query each, the rows are inserted
 * 1 000 to a statement and each gets the `organisation.create` audit record createOrganisation writes
 * (batched as well). Any refused item refuses the whole call with every refusal (OrganisationsRefused)
 * and writes nothing. Returns the new ids in the order of `items`; a `parentIndex` must point at an
 * earlier item. `onProgress` hears how many rows are written after each statement.
 */
export async function createOrganisations(
  db: Db | Tx,
  actor: Actor | null,
  items: NewOrganisation[],
  onProgress: (written: number) => Promise<void> = async () => {},
): Promise<string[]> {
  requireActor(actor);
  authorize(actor, organisationsPolicy, "create", null);
  const refusals: { index: number; error: AppError }[] = [];
  const data: CreateOrganisationData[] = [];
  items.forEach((item, index) => {
    try {
      data.push(parseWith(createOrganisationInput, item.input));
      if (item.parentIndex !== undefined && !(item.parentIndex >= 0 && item.parentIndex < index))
        throw fieldErrors({ parentId: "organisations.errors.parentNotFound" });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refusals.push({ index, error });
      data.push(item.input as CreateOrganisationData);
    }
  });
  const ids = items.map(() => randomUUID());
  return writeWithAudit(db as Db, actor, async (tx) => {
    // The parents named by id must exist (nothing in the file can be their unit: these rows are new).
    const parentIds = [...new Set(data.map((d) => d.parentId).filter((p): p is string => !!p))];
    const found = new Set(
      parentIds.length
        ? (
            await queryRows<{ id: string }>(
              tx,
              sql`select id from organisations where id = any(${pgArray(parentIds)}::uuid[])`,
            )
          ).map((r) => r.id)
        : [],
    );
    // An org number is free if the register lacks it and no earlier item takes it.
    const numbers = [...new Set(data.map((d) => d.orgNumber).filter((n): n is string => !!n))];
    const taken = new Set(
      numbers.length
        ? (
            await queryRows<{ n: string }>(
              tx,
              sql`select org_number as n from organisations where org_number = any(${pgArray(numbers)}::text[])`,
            )
          ).map((r) => r.n)
        : [],
    );
    const refused = new Set(refusals.map((r) => r.index));
    data.forEach((d, index) => {
      if (refused.has(index)) return;
      if (d.parentId && items[index].parentIndex === undefined && !found.has(d.parentId))
        refusals.push({ index, error: fieldErrors({ parentId: "organisations.errors.parentNotFound" }) });
      else if (d.orgNumber && taken.has(d.orgNumber))
        refusals.push({ index, error: fieldErrors({ orgNumber: "organisations.errors.orgNumberTaken" }) });
      if (d.orgNumber) taken.add(d.orgNumber);
    });
    if (refusals.length) throw new OrganisationsRefused(refusals.sort((a, b) => a.index - b.index));

    // The rows as the table will hold them (for their audit records): created and updated at the
    // transaction's time, which is what now(), the columns' default, gives every row of this transaction.
    const [{ now }] = await queryRows<{ now: Date | string }>(tx, sql`select now() as now`);
    const at = new Date(now);
    const rows: (typeof organisations.$inferSelect)[] = data.map((d, index) => {
      const parentIndex = items[index].parentIndex;
      return {
        id: ids[index],
        name: d.name,
        sortKey: swedishSortKey(d.name),
        type: d.type,
        parentId: parentIndex !== undefined ? ids[parentIndex] : (d.parentId ?? null),
        orgNumber: d.orgNumber ?? null,
        municipalityCode: d.municipalityCode ?? null,
        county: d.county ?? null,
        website: d.website ?? null,
        description: d.description ?? null,
        tags: d.tags,
        createdAt: at,
        updatedAt: at,
      };
    });
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      const batch = rows.slice(i, i + INSERT_BATCH);
      const column = (value: (row: (typeof rows)[number]) => string | null) => pgArray(batch.map(value));
      try {
        // One parameter a column (unnest), however many rows: the statement stays small to send and plan.
        await tx.execute(sql`
          insert into organisations (id, name, sort_key, type, parent_id, org_number, municipality_code, county,
            website, description, tags)
          select u.id, u.name, u.sort_key, u.type, u.parent_id, u.org_number, u.municipality_code, u.county,
            u.website, u.description, u.tags
          from unnest(${column((r) => r.id)}::uuid[], ${column((r) => r.name)}::text[],
            ${column((r) => r.sortKey)}::text[], ${column((r) => r.type)}::text[],
            ${column((r) => r.parentId)}::uuid[], ${column((r) => r.orgNumber)}::text[],
            ${column((r) => r.municipalityCode)}::text[], ${column((r) => r.county)}::text[],
            ${column((r) => r.website)}::text[], ${column((r) => r.description)}::text[],
            ${column((r) => JSON.stringify(r.tags))}::jsonb[])
            as u(id, name, sort_key, type, parent_id, org_number, municipality_code, county, website,
              description, tags)`);
      } catch (error) {
        // Someone saved one of these numbers since the check: that row is refused, as createOrganisation would.
        const number = isUniqueViolation(error, "organisations_org_number_uq")
          ? /\(org_number\)=\((.*)\)/.exec(databaseDetail(error))?.[1]
          : undefined;
        const index = number ? data.findIndex((d) => d.orgNumber === number) : -1;
        if (index < 0) throw error;
        throw new OrganisationsRefused([
          { index, error: fieldErrors({ orgNumber: "organisations.errors.orgNumberTaken" }) },
        ]);
      }
      await auditMany(
        tx,
        actor,
        batch.map(
          (row): AuditEntry => ({
            action: "organisation.create",
            entityType: "organisation",
            entityId: row.id,
            after: row,
          }),
        ),
      );
      await onProgress(i + batch.length);
    }
    return ids;
  });
}

/** The `detail` of a database refusal (pg and PGlite; Drizzle wraps it as the cause). */
function databaseDetail(error: unknown): string {
  let e = error as { detail?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    if (typeof e.detail === "string") return e.detail;
    e = e.cause as typeof e;
  }
  return "";
}
