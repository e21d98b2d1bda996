import { and, eq, ne, sql } from "drizzle-orm";
import {
  type CreateOrganisationInput,
  createOrganisationInput,
  type UpdateOrganisationInput,
  updateOrganisationInput,
} from "../../../common/organisations.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, conflict, fieldErrors, notFound } from "../../platform/errors.ts";
import { isForeignKeyViolation, isUniqueViolation } from "../../platform/sql.ts";
import { parseWith } from "../../platform/validation.ts";
import { organisationsPolicy } from "./organisations.policy.ts";
import {
  findOrganisation,
  findOrganisationDetail,
  type OrganisationDetail,
  type OrganisationRecord,
  organisationImpact,
} from "./organisations.queries.ts";
import { organisations } from "./organisations.schema.ts";

export type { OrganisationDetail, OrganisationRecord } from "./organisations.queries.ts";
export { listOrganisations, organisationImpact } from "./organisations.queries.ts";

/**
 * The organisation register's rules. Other modules (import, demo data) call these with plain objects:
 * the input is validated here with the shared schema, and the actor is authorised by the policy.
 */

export async function getOrganisation(db: Db, actor: Actor | null, id: string): Promise<OrganisationRecord> {
  authorize(actor, organisationsPolicy, "read", { id });
  const org = await findOrganisation(db, id);
  if (!org) throw notFound();
  return org;
}

export async function getOrganisationDetail(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<OrganisationDetail> {
  authorize(actor, organisationsPolicy, "read", { id });
  const detail = await findOrganisationDetail(db, id);
  if (!detail) throw notFound();
  return detail;
}

export async function getOrganisationImpact(db: Db, actor: Actor | null, id: string) {
  await getOrganisation(db, actor, id);
  return organisationImpact(db, id);
}

export async function createOrganisation(
  db: Db,
  actor: Actor | null,
  input: CreateOrganisationInput,
): Promise<OrganisationRecord> {
  requireActor(actor);
  authorize(actor, organisationsPolicy, "create", null);
  const data = parseWith(createOrganisationInput, input);
  const id = await write(() =>
    writeWithAudit(db, actor, async (tx, audit) => {
      await assertValidParent(tx, null, data.parentId ?? null);
      await assertOrgNumberFree(tx, data.orgNumber ?? null, null);
      const [row] = await tx
        .insert(organisations)
        .values({
          name: data.name,
          sortKey: swedishSortKey(data.name),
          type: data.type,
          parentId: data.parentId ?? null,
          orgNumber: data.orgNumber ?? null,
          municipalityCode: data.municipalityCode ?? null,
          county: data.county ?? null,
          website: data.website ?? null,
          description: data.description ?? null,
          tags: data.tags,
        })
        .returning();
      await audit({
        action: "organisation.create",
        entityType: "organisation",
        entityId: row.id,
        after: row,
      });
      return row.id;
    }),
  );
  return (await findOrganisation(db, id))!;
}

export async function updateOrganisation(
  db: Db,
  actor: Actor | null,
  id: string,
  input: UpdateOrganisationInput,
): Promise<OrganisationRecord> {
  requireActor(actor);
  const existing = await findOrganisation(db, id);
  if (!existing) throw notFound();
  authorize(actor, organisationsPolicy, "update", existing);
  const data = parseWith(updateOrganisationInput, input);
  await write(() =>
    writeWithAudit(db, actor, async (tx, audit) => {
      const [before] = await tx.select().from(organisations).where(eq(organisations.id, id)).for("update");
      if (!before) throw notFound();
      if (data.parentId !== undefined) await assertValidParent(tx, id, data.parentId);
      if (data.orgNumber !== undefined) await assertOrgNumberFree(tx, data.orgNumber, id);
      const changes: Partial<typeof organisations.$inferInsert> = { updatedAt: new Date() };
      if (data.name !== undefined)
        Object.assign(changes, { name: data.name, sortKey: swedishSortKey(data.name) });
      for (const key of [
        "type",
        "parentId",
        "orgNumber",
        "municipalityCode",
        "county",
        "website",
        "description",
        "tags",
      ] as const) {
        if (data[key] !== undefined) Object.assign(changes, { [key]: data[key] });
      }
      const [after] = await tx.update(organisations).set(changes).where(eq(organisations.id, id)).returning();
      await audit({ action: "organisation.update", entityType: "organisation", entityId: id, before, after });
    }),
  );
  return (await findOrganisation(db, id))!;
}

/**
 * Deletes an organisation. Its units become independent, memberships and activity links go, and
 * programmes/courses lose the link (the foreign keys say so); the audit record keeps the impact.
 */
export async function deleteOrganisation(db: Db, actor: Actor | null, id: string) {
  requireActor(actor);
  const existing = await findOrganisation(db, id);
  if (!existing) throw notFound();
  authorize(actor, organisationsPolicy, "delete", existing);
  await write(() =>
    writeWithAudit(db, actor, async (tx, audit) => {
      const impact = await organisationImpact(tx, id);
      const [before] = await tx.delete(organisations).where(eq(organisations.id, id)).returning();
      if (!before) throw notFound();
      await audit({
        action: "organisation.delete",
        entityType: "organisation",
        entityId: id,
        before,
        after: { impact },
      });
    }),
  );
}

/** A parent must exist and must not be the organisation itself or one of its own units. */
export async function assertValidParent(tx: Db | Tx, id: string | null, parentId: string | null) {
  if (!parentId) return;
  if (parentId === id) throw fieldErrors({ parentId: "organisations.errors.parentCycle" });
  const result = await tx.execute(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from organisations where id = ${parentId}
      union all
      select o.id, o.parent_id, up.depth + 1 from organisations o join up on o.id = up.parent_id
      where up.depth < 50
    )
    select id from up`);
  const chain = (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  if (!chain.length) throw fieldErrors({ parentId: "organisations.errors.parentNotFound" });
  if (id && chain.includes(id)) throw fieldErrors({ parentId: "organisations.errors.parentCycle" });
}

async function assertOrgNumberFree(tx: Tx, orgNumber: string | null, exceptId: string | null) {
  if (!orgNumber) return;
  const [taken] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      exceptId
        ? and(eq(organisations.orgNumber, orgNumber), ne(organisations.id, exceptId))
        : eq(organisations.orgNumber, orgNumber),
    );
  if (taken) throw fieldErrors({ orgNumber: "organisations.errors.orgNumberTaken" });
}

/** Turns database refusals a user can act on into 422/409 instead of a 500. */
async function write<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Two people saving the same number at once: the unique index decides.
    if (isUniqueViolation(error, "organisations_org_number_uq"))
      throw fieldErrors({ orgNumber: "organisations.errors.orgNumberTaken" });
    // A later module's table refers to the organisation with ON DELETE RESTRICT.
    if (isForeignKeyViolation(error)) throw conflict("organisations.errors.inUse");
    throw error;
  }
}
