import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import {
  type AgreementListQuery,
  agreementListQuery,
  type CreateAgreementInput,
  createAgreementInput,
  isAgreementLength,
  type UpdateAgreementInput,
  updateAgreementInput,
} from "../../../common/agreements.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { abilities, authorize } from "../../platform/authorize.ts";
import { AppError, fieldErrors } from "../../platform/errors.ts";
import { afterCursor, encodeCursor, page } from "../../platform/pagination.ts";
import { parseWith as parseInput } from "../../platform/validation.ts";
import { spendOfAgreements } from "../finance/index.ts";
import { organisationNames } from "../organisations/index.ts";
import { coursesByIds } from "../programmes/index.ts";
import { agreementActions, agreementPolicy, readablePartyIds } from "./agreements.policy.ts";
import { presentAgreement, presentSummary } from "./agreements.presenter.ts";
import {
  findAgreement,
  loadAgreement,
  partiesOf,
  partnerIds,
  sharedCourseRows,
} from "./agreements.records.ts";
import { agreementHistory, agreementParties, agreements } from "./agreements.schema.ts";

/** Agreements themselves: list, read, create, change (phase/status with history), delete. */

export async function listAgreements(db: Db, actor: Actor | null, raw: Partial<AgreementListQuery>) {
  authorize(actor, agreementPolicy, "list", { partyIds: [] });
  const q = parseInput(agreementListQuery, raw);
  const where: SQL[] = [];
  const limited = readablePartyIds(actor);
  const partyFilter = (ids: string[]) =>
    sql`exists (select 1 from agreement_parties p where p.agreement_id = ${agreements.id}
      and p.role = 'partner' and p.organisation_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}))`;
  if (limited !== null) where.push(limited.length ? partyFilter(limited) : sql`false`);
  if (q.organisationId) where.push(partyFilter([q.organisationId]));
  if (q.status) where.push(eq(agreements.status, q.status));
  const after = afterCursor(q.cursor, { sort: agreements.startDate, id: agreements.id }, { sort: "date" });
  if (after) where.push(after);
  const rows = await db
    .select()
    .from(agreements)
    .where(and(...where))
    .orderBy(asc(agreements.startDate), asc(agreements.id))
    .limit(q.limit + 1);
  const result = page(rows, q.limit, (r) => encodeCursor(r.startDate, r.id));
  const parties = await partiesOf(
    db,
    result.items.map((r) => r.id),
  );
  return {
    items: result.items.map((r) => presentSummary(r, parties.get(r.id) ?? [])),
    nextCursor: result.nextCursor,
  };
}

export async function getAgreement(db: Db, actor: Actor | null, id: string) {
  const { subject } = await findAgreement(db, id);
  authorize(actor, agreementPolicy, "read", subject);
  return presentAgreement(
    await loadAgreement(db, id),
    abilities(actor, agreementPolicy, subject, agreementActions),
  );
}

/** The follow-up figures of one agreement, for the follow-up route and other modules' reports. */
export async function agreementFollowUp(db: Db, actor: Actor | null, id: string) {
  return (await getAgreement(db, actor, id)).followUp;
}

/**
 * The agreements whose period overlaps [from, to] (open ends allowed) that the actor may read, with
 * their partners and follow-up figures (agreementFollowUp): the follow-up summary of a period uses them.
 * At most `limit`, earliest start first.
 */
export async function agreementFiguresInPeriod(
  db: Db,
  actor: Actor | null,
  period: { from: string | null; to: string | null },
  limit = 100,
) {
  authorize(actor, agreementPolicy, "list", { partyIds: [] });
  const where: SQL[] = [];
  if (period.from) where.push(sql`${agreements.endDate} >= ${period.from}::date`);
  if (period.to) where.push(sql`${agreements.startDate} <= ${period.to}::date`);
  const rows = await db
    .select({
      id: agreements.id,
      title: agreements.title,
      startDate: agreements.startDate,
      endDate: agreements.endDate,
    })
    .from(agreements)
    .where(and(...where))
    .orderBy(asc(agreements.startDate), asc(agreements.id))
    .limit(limit);
  const parties = await partiesOf(
    db,
    rows.map((r) => r.id),
  );
  const readable = rows.filter(
    (r) =>
      abilities(actor, agreementPolicy, { partyIds: partnerIds(parties.get(r.id) ?? []) }, ["read"]).read,
  );
  const out = [];
  for (const r of readable)
    out.push({
      ...r,
      partners: (parties.get(r.id) ?? []).filter((p) => p.role === "partner").map((p) => p.name),
      followUp: await agreementFollowUp(db, actor, r.id),
    });
  return out;
}

async function checkOrganisations(tx: Tx, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await organisationNames(tx, ids);
  if (found.size !== new Set(ids).size)
    throw fieldErrors({ [field]: "agreements.errors.unknownOrganisation" });
}

type PartyFields = Pick<
  ReturnType<typeof createAgreementInput.parse>,
  "partyIds" | "parties" | "universityId" | "universityContact" | "universityCofinancing"
>;

/** Writes the parties: the partners of `partyIds` (details from `parties`) and the university. */
async function writeParties(tx: Tx, agreementId: string, data: Partial<PartyFields>, current?: PartyFields) {
  const partyIds = [...new Set(data.partyIds ?? current?.partyIds ?? [])];
  const details = data.parties ?? [];
  for (const p of details) if (!partyIds.includes(p.organisationId)) partyIds.push(p.organisationId);
  await checkOrganisations(tx, partyIds, "partyIds");
  const universityId = data.universityId !== undefined ? data.universityId : current?.universityId;
  if (universityId) {
    await checkOrganisations(tx, [universityId], "universityId");
    if (partyIds.includes(universityId))
      throw fieldErrors({ universityId: "agreements.errors.universityIsPartner" });
  }
  await tx.delete(agreementParties).where(eq(agreementParties.agreementId, agreementId));
  const rows = partyIds.map((organisationId) => {
    const d = details.find((p) => p.organisationId === organisationId);
    return {
      agreementId,
      organisationId,
      role: "partner",
      contactName: d?.contactName ?? null,
      cofinancing: d?.cofinancing ?? null,
    };
  });
  if (universityId)
    rows.push({
      agreementId,
      organisationId: universityId,
      role: "university",
      contactName: data.universityContact ?? current?.universityContact ?? null,
      cofinancing: data.universityCofinancing ?? current?.universityCofinancing ?? null,
    });
  if (rows.length) await tx.insert(agreementParties).values(rows);
}

export async function createAgreement(db: Db, actor: Actor | null, input: CreateAgreementInput) {
  authorize(actor, agreementPolicy, "create", { partyIds: [] });
  const data = parseInput(createAgreementInput, input);
  const id = await writeWithAudit(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(agreements)
      .values({
        title: data.title,
        registryNumber: data.registryNumber ?? null,
        startDate: data.startDate,
        endDate: data.endDate,
        budget: data.budget,
        phase: data.phase ?? "planning",
        status: data.status ?? "draft",
        notes: data.notes ?? null,
      })
      .returning();
    await writeParties(tx, row.id, data);
    await tx
      .insert(agreementHistory)
      .values({ agreementId: row.id, phase: row.phase, status: row.status, changedBy: actor?.name ?? null });
    await audit({
      action: "agreement.created",
      entityType: "agreement",
      entityId: row.id,
      after: { ...row, data },
    });
    return row.id;
  });
  return getAgreement(db, actor, id);
}

export async function updateAgreement(db: Db, actor: Actor | null, id: string, input: UpdateAgreementInput) {
  const data = parseInput(updateAgreementInput, input);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const { agreement: before, parties, subject } = await findAgreement(tx, id, true);
    authorize(actor, agreementPolicy, "read", subject);
    authorize(actor, agreementPolicy, "update", subject);
    const startDate = data.startDate ?? before.startDate;
    const endDate = data.endDate ?? before.endDate;
    if (endDate <= startDate) throw fieldErrors({ endDate: "validation.agreements.endBeforeStart" });
    if (!isAgreementLength(startDate, endDate))
      throw fieldErrors({ endDate: "validation.agreements.length" });
    const {
      partyIds,
      parties: partyDetails,
      universityId,
      universityContact,
      universityCofinancing,
      ...fields
    } = data;
    const patch: Partial<typeof agreements.$inferInsert> = {};
    for (const [key, value] of Object.entries(fields))
      if (value !== undefined) (patch as Record<string, unknown>)[key] = value === "" ? null : value;
    const [after] = await tx
      .update(agreements)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(agreements.id, id))
      .returning();
    if (
      partyIds ||
      partyDetails ||
      universityId !== undefined ||
      universityContact ||
      universityCofinancing
    ) {
      const university = parties.find((p) => p.role === "university");
      await writeParties(
        tx,
        id,
        { partyIds, parties: partyDetails, universityId, universityContact, universityCofinancing },
        {
          partyIds: subject.partyIds as string[],
          parties: parties
            .filter((p) => p.role === "partner")
            .map((p) => ({
              organisationId: p.organisationId,
              contactName: p.contactName,
              cofinancing: p.cofinancing,
            })),
          universityId: university?.organisationId ?? null,
          universityContact: university?.contactName ?? null,
          universityCofinancing: university?.cofinancing ?? null,
        },
      );
    }
    if (after.phase !== before.phase || after.status !== before.status)
      await tx.insert(agreementHistory).values({
        agreementId: id,
        phase: after.phase,
        status: after.status,
        changedBy: actor?.name ?? null,
      });
    await audit({ action: "agreement.updated", entityType: "agreement", entityId: id, before, after });
  });
  return getAgreement(db, actor, id);
}

/** Deletes an agreement; 409 listing the spend booked on it (money is never removed with it). */
export async function deleteAgreement(db: Db, actor: Actor | null, id: string) {
  await writeWithAudit(db, actor, async (tx, audit) => {
    const { agreement: before, subject } = await findAgreement(tx, id, true);
    authorize(actor, agreementPolicy, "read", subject);
    authorize(actor, agreementPolicy, "delete", subject);
    const spend = await spendOfAgreements(tx, [id]);
    if (spend.length) {
      const entries = spend.reduce((sum, s) => sum + s.entries, 0);
      const amount = spend.reduce((sum, s) => sum + s.amount, 0);
      throw new AppError(
        "conflict",
        "agreements.errors.hasSpend",
        { entries, amount: amount.toLocaleString("sv-SE") },
        {
          spend: spend.map((s) => ({
            key: "agreements.errors.spendYear",
            params: { year: s.year, entries: s.entries, amount: s.amount.toLocaleString("sv-SE") },
          })),
        },
      );
    }
    await tx.delete(agreements).where(eq(agreements.id, id));
    await audit({ action: "agreement.deleted", entityType: "agreement", entityId: id, before });
  });
}

/** Courses in the appendices of several agreements, with their partner organisations and places. */
export async function sharedCourses(db: Db, actor: Actor | null) {
  authorize(actor, agreementPolicy, "sharedCourses", { partyIds: [] });
  const rows = await sharedCourseRows(db);
  const courses = await coursesByIds(
    db,
    rows.map((r) => r.courseId),
  );
  return rows
    .map((r) => {
      const c = courses.get(r.courseId);
      return {
        courseId: r.courseId,
        code: c?.code ?? "",
        name: c?.name ?? "",
        credits: c?.credits ?? null,
        agreementIds: [...r.agreementIds].sort(),
        organisationIds: [...r.organisationIds].sort(),
        places: Number(r.places),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}
