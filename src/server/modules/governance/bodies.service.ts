import { and, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import {
  type AddMemberInput,
  addMemberInput,
  type BodyKind,
  type CreateBodyInput,
  createBodyInput,
  type MemberView,
} from "../../../common/governance.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, fieldErrors, notFound } from "../../platform/errors.ts";
import { parseWith } from "../../platform/validation.ts";
import { bodyRowsWithOrganisation } from "../../read/governance-bodies.ts";
import { currentMemberContacts, memberRowsOf } from "../../read/governance-members.ts";
import { organisationNames } from "../organisations/index.ts";
import { existingPersonIds } from "../people/index.ts";
import { governancePolicy, may, standingNone } from "./governance.policy.ts";
import { governanceBodies, governanceMembers } from "./governance.schema.ts";
import { seatsOf, standingIn } from "./standing.ts";

/** Bodies (board, sector groups, reference groups …) and their members. */

export type BodyRow = typeof governanceBodies.$inferSelect & {
  organisationName: string;
  memberCount: number;
};

const flatten = (r: {
  body: typeof governanceBodies.$inferSelect;
  organisationName: string;
  memberCount: number;
}) => ({
  ...r.body,
  organisationName: r.organisationName,
  memberCount: Number(r.memberCount),
});

export async function listBodies(
  db: Db,
  actor: Actor | null,
  query: { kind?: BodyKind; organisationId?: string },
): Promise<BodyRow[]> {
  authorize(actor, governancePolicy, "listBodies", standingNone);
  const rows = await bodyRowsWithOrganisation(
    db,
    and(
      query.kind ? eq(governanceBodies.kind, query.kind) : undefined,
      query.organisationId ? eq(governanceBodies.organisationId, query.organisationId) : undefined,
    ),
  );
  return rows.map(flatten);
}

export async function loadBody(db: Db | Tx, id: string): Promise<BodyRow | null> {
  const [row] = await bodyRowsWithOrganisation(db, eq(governanceBodies.id, id));
  return row ? flatten(row) : null;
}

export async function membersOf(db: Db | Tx, bodyId: string): Promise<MemberView[]> {
  const rows = await memberRowsOf(db, bodyId);
  return rows.map(({ m, personName, partyName }) => ({
    id: m.id,
    personId: m.personId,
    personName,
    partyOrganisationId: m.partyOrganisationId,
    partyName: partyName ?? null,
    role: m.role as MemberView["role"],
    function: m.function,
    percentOfFullTime: m.percentOfFullTime,
    startDate: m.startDate,
    endDate: m.endDate,
  }));
}

/** Composition rules as warnings: the board has two per party, a sector group two or three. */
export function compositionWarnings(
  kind: string,
  members: MemberView[],
): { key: string; params: Record<string, unknown> }[] {
  const rule = kind === "board" ? { min: 2, max: 2 } : kind === "sector_group" ? { min: 2, max: 3 } : null;
  if (!rule) return [];
  const today = new Date().toISOString().slice(0, 10);
  const current = members.filter(
    (m) => m.role !== "secretary" && m.role !== "adjunct" && m.role !== "deputy",
  );
  // Members of a past period still count when the body has no current ones (a 2010 body in the demo).
  const active = current.filter((m) => !m.endDate || m.endDate >= today);
  const counted = active.length ? active : current;
  const perParty = new Map<string, { name: string; count: number }>();
  for (const m of counted) {
    if (!m.partyOrganisationId) continue;
    const entry = perParty.get(m.partyOrganisationId) ?? { name: m.partyName ?? "", count: 0 };
    entry.count++;
    perParty.set(m.partyOrganisationId, entry);
  }
  const warnings: { key: string; params: Record<string, unknown> }[] = [];
  for (const { name, count } of perParty.values()) {
    if (count < rule.min || count > rule.max)
      warnings.push({
        key:
          rule.min === rule.max ? "governance.warnings.exactPerParty" : "governance.warnings.rangePerParty",
        params: { party: name, count, min: rule.min, max: rule.max },
      });
  }
  return warnings;
}

export async function getBody(db: Db, actor: Actor | null, id: string) {
  const body = await loadBody(db, id);
  const seats = await seatsOf(db, actor);
  authorize(actor, governancePolicy, "readBody", standingIn(seats, id));
  if (!body) throw notFound();
  const members = await membersOf(db, id);
  return {
    ...body,
    members,
    warnings: compositionWarnings(body.kind, members),
    abilities: { manage: may("manageBody", actor, standingIn(seats, id)) },
  };
}

async function checkOrganisation(tx: Tx, field: string, id: string | null | undefined) {
  if (!id) return;
  if (!(await organisationNames(tx, [id])).has(id))
    throw fieldErrors({ [field]: "governance.errors.unknownOrganisation" });
}

export async function createBody(db: Db, actor: Actor | null, input: CreateBodyInput) {
  authorize(actor, governancePolicy, "createBody", standingNone);
  const data = parseWith(createBodyInput, input);
  const id = await writeWithAudit(db, actor, async (tx, audit) => {
    await checkOrganisation(tx, "organisationId", data.organisationId);
    if (data.parentId) {
      const [parent] = await tx
        .select({ id: governanceBodies.id })
        .from(governanceBodies)
        .where(eq(governanceBodies.id, data.parentId));
      if (!parent) throw fieldErrors({ parentId: "governance.errors.unknownBody" });
    }
    const [row] = await tx
      .insert(governanceBodies)
      .values({
        name: data.name,
        sortKey: swedishSortKey(data.name),
        kind: data.kind,
        organisationId: data.organisationId,
        parentId: data.parentId ?? null,
        mandate: data.mandate ?? null,
        tasks: data.tasks ?? null,
        startDate: data.startDate ?? null,
        endDate: data.endDate ?? null,
      })
      .returning();
    await audit({ action: "create", entityType: "governance_body", entityId: row.id, after: row });
    return row.id;
  });
  return getBody(db, actor, id);
}

export async function addMember(db: Db, actor: Actor | null, bodyId: string, input: AddMemberInput) {
  const seats = await seatsOf(db, actor);
  authorize(actor, governancePolicy, "readBody", standingIn(seats, bodyId));
  const data = parseWith(addMemberInput, input);
  await writeWithAudit(db, actor, async (tx, audit) => {
    // The body row is locked so two concurrent additions of one person cannot both pass the overlap check.
    const [body] = await tx
      .select()
      .from(governanceBodies)
      .where(eq(governanceBodies.id, bodyId))
      .for("update");
    if (!body) throw notFound();
    authorize(actor, governancePolicy, "manageBody", standingIn(seats, bodyId));
    if (!(await existingPersonIds(tx, [data.personId])).has(data.personId))
      throw fieldErrors({ personId: "governance.errors.unknownPerson" });
    await checkOrganisation(tx, "partyOrganisationId", data.partyOrganisationId);
    const start = data.startDate ?? "0001-01-01";
    const end = data.endDate ?? "9999-12-31";
    const [overlap] = await tx
      .select({ id: governanceMembers.id })
      .from(governanceMembers)
      .where(
        and(
          eq(governanceMembers.bodyId, bodyId),
          eq(governanceMembers.personId, data.personId),
          or(isNull(governanceMembers.startDate), lte(governanceMembers.startDate, end)),
          or(isNull(governanceMembers.endDate), gte(governanceMembers.endDate, start)),
        ),
      );
    if (overlap)
      throw new AppError(
        "conflict",
        "governance.errors.memberOverlap",
        {},
        {
          personId: [{ key: "governance.errors.memberOverlap" }],
        },
      );
    const [row] = await tx
      .insert(governanceMembers)
      .values({
        bodyId,
        personId: data.personId,
        partyOrganisationId: data.partyOrganisationId ?? null,
        role: data.role,
        function: data.function ?? null,
        percentOfFullTime: data.percentOfFullTime ?? null,
        startDate: data.startDate ?? null,
        endDate: data.endDate ?? null,
      })
      .returning();
    await audit({ action: "create", entityType: "governance_member", entityId: row.id, after: row });
  });
  return getBody(db, actor, bodyId);
}

/** People who sit in a body now, for the notice: name and e-mail. */
export async function recipientsOf(db: Db | Tx, bodyId: string) {
  const today = new Date().toISOString().slice(0, 10);
  return currentMemberContacts(db, bodyId, today);
}

export async function bodiesByIds(db: Db | Tx, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(governanceBodies).where(inArray(governanceBodies.id, ids));
}
