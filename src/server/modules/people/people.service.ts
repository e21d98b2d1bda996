import { and, eq, inArray, ne } from "drizzle-orm";
import {
  type CreatePersonInput,
  createPersonInput,
  type LawfulBasis,
  type UpdatePersonInput,
  updatePersonInput,
} from "../../../common/people.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, fieldErrors, notFound } from "../../platform/errors.ts";
import { users } from "../../platform/platform.schema.ts";
import { isUniqueViolation } from "../../platform/sql.ts";
import { parseWith } from "../../platform/validation.ts";
import { existingOrganisationIds } from "../organisations/index.ts";
import { peoplePolicy } from "./people.policy.ts";
import {
  findPerson,
  type PersonDetail,
  type PersonRecord,
  personImpact,
  personLinks,
} from "./people.queries.ts";
import { memberships, people } from "./people.schema.ts";

export type { PersonDetail, PersonRecord } from "./people.queries.ts";
export { listPeople, personImpact } from "./people.queries.ts";

/**
 * The people register's rules. Other modules (events registration, import, demo data) call these
 * with plain objects; input is validated with the shared schema and the actor authorised here.
 */

export async function getPerson(db: Db, actor: Actor | null, id: string): Promise<PersonRecord> {
  authorize(actor, peoplePolicy, "read", null);
  const person = await findPerson(db, id);
  if (!person) throw notFound();
  return person;
}

export async function getPersonDetail(db: Db, actor: Actor | null, id: string): Promise<PersonDetail> {
  const person = await getPerson(db, actor, id);
  return { ...person, ...(await personLinks(db, person)) };
}

export async function getPersonImpact(db: Db, actor: Actor | null, id: string) {
  await getPerson(db, actor, id);
  return personImpact(db, id);
}

type MembershipData = {
  organisationId: string;
  role?: string | null;
  startDate?: string | null;
  endDate?: string | null;
};

export async function createPerson(
  db: Db,
  actor: Actor | null,
  input: CreatePersonInput,
): Promise<PersonRecord> {
  requireActor(actor);
  authorize(actor, peoplePolicy, "create", null);
  const data = parseWith(createPersonInput, input);
  if (data.userId) authorize(actor, peoplePolicy, "linkUser", null);
  const id = await write(() =>
    writeWithAudit(db, actor, async (tx, audit) => {
      await assertEmailFree(tx, data.email ?? null, null);
      await assertUserLinkable(tx, data.userId ?? null, null);
      await assertOrganisations(tx, data.memberships);
      const [row] = await tx
        .insert(people)
        .values({
          name: data.name,
          sortKey: swedishSortKey(data.name),
          email: data.email ?? null,
          phone: data.phone ?? null,
          title: data.title ?? null,
          lawfulBasis: data.lawfulBasis,
          consentAt: data.lawfulBasis === "consent" ? new Date() : null,
          notes: data.notes ?? null,
          userId: data.userId ?? null,
        })
        .returning();
      const links = await replaceMemberships(tx, row.id, data.memberships);
      await audit({
        action: "person.create",
        entityType: "person",
        entityId: row.id,
        after: { ...row, memberships: links },
      });
      return row.id;
    }),
  );
  return (await findPerson(db, id))!;
}

export async function updatePerson(
  db: Db,
  actor: Actor | null,
  id: string,
  input: UpdatePersonInput,
): Promise<PersonRecord> {
  requireActor(actor);
  const existing = await findPerson(db, id);
  if (!existing) throw notFound();
  authorize(actor, peoplePolicy, "update", existing);
  const data = parseWith(updatePersonInput, input);
  if (data.userId !== undefined && data.userId !== existing.userId)
    authorize(actor, peoplePolicy, "linkUser", null);
  await write(() =>
    writeWithAudit(db, actor, async (tx, audit) => {
      const [before] = await tx.select().from(people).where(eq(people.id, id)).for("update");
      if (!before) throw notFound();
      if (data.email !== undefined) await assertEmailFree(tx, data.email, id);
      if (data.userId !== undefined) await assertUserLinkable(tx, data.userId, id);
      const changes: Partial<typeof people.$inferInsert> = { updatedAt: new Date() };
      if (data.name !== undefined)
        Object.assign(changes, { name: data.name, sortKey: swedishSortKey(data.name) });
      for (const key of ["email", "phone", "title", "notes", "userId"] as const) {
        if (data[key] !== undefined) Object.assign(changes, { [key]: data[key] });
      }
      if (data.lawfulBasis !== undefined) {
        changes.lawfulBasis = data.lawfulBasis;
        changes.consentAt = consentTime(
          before.lawfulBasis as LawfulBasis,
          before.consentAt,
          data.lawfulBasis,
        );
      }
      const [after] = await tx.update(people).set(changes).where(eq(people.id, id)).returning();
      let membershipChange = {};
      if (data.memberships !== undefined) {
        await assertOrganisations(tx, data.memberships);
        const previous = await tx.select().from(memberships).where(eq(memberships.personId, id));
        authorize(actor, peoplePolicy, "setMemberships", {
          memberships: previous,
          replacing: data.memberships,
        });
        const next = await replaceMemberships(tx, id, data.memberships);
        membershipChange = { before: previous, after: next };
      }
      await audit({
        action: "person.update",
        entityType: "person",
        entityId: id,
        before,
        after: { ...after, memberships: membershipChange },
      });
    }),
  );
  return (await findPerson(db, id))!;
}

/** Deletes a person; memberships go with them, programmes and courses lose their responsible person. */
export async function deletePerson(db: Db, actor: Actor | null, id: string) {
  requireActor(actor);
  const existing = await findPerson(db, id);
  if (!existing) throw notFound();
  authorize(actor, peoplePolicy, "delete", existing);
  await write(() =>
    writeWithAudit(db, actor, async (tx, audit) => {
      const impact = await personImpact(tx, id);
      const [before] = await tx.delete(people).where(eq(people.id, id)).returning();
      if (!before) throw notFound();
      await audit({
        action: "person.delete",
        entityType: "person",
        entityId: id,
        before: { ...before, memberships: existing.memberships },
        after: { impact },
      });
    }),
  );
}

/** Consent is dated when it is given; another lawful basis carries no consent date. */
function consentTime(previous: LawfulBasis, previousAt: Date | null, next: LawfulBasis) {
  if (next !== "consent") return null;
  return previous === "consent" && previousAt ? previousAt : new Date();
}

async function replaceMemberships(tx: Tx, personId: string, list: MembershipData[]) {
  await tx.delete(memberships).where(eq(memberships.personId, personId));
  if (!list.length) return [];
  return tx
    .insert(memberships)
    .values(
      list.map((m) => ({
        personId,
        organisationId: m.organisationId,
        role: m.role ?? null,
        startDate: m.startDate ?? null,
        endDate: m.endDate ?? null,
      })),
    )
    .returning();
}

async function assertOrganisations(tx: Tx, list: MembershipData[]) {
  const wanted = [...new Set(list.map((m) => m.organisationId))];
  if (!wanted.length) return;
  const known = await existingOrganisationIds(tx, wanted);
  const errors: Record<string, string> = {};
  list.forEach((m, i) => {
    if (!known.has(m.organisationId))
      errors[`memberships.${i}.organisationId`] = "people.errors.organisationNotFound";
  });
  if (Object.keys(errors).length) throw fieldErrors(errors);
}

async function assertEmailFree(tx: Tx, email: string | null, exceptId: string | null) {
  if (!email) return;
  const [taken] = await tx
    .select({ id: people.id })
    .from(people)
    .where(exceptId ? and(eq(people.email, email), ne(people.id, exceptId)) : eq(people.email, email));
  if (taken) throw fieldErrors({ email: "people.errors.emailTaken" });
}

async function assertUserLinkable(tx: Tx, userId: string | null, exceptId: string | null) {
  if (!userId) return;
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) throw fieldErrors({ userId: "people.errors.userNotFound" });
  const [linked] = await tx
    .select({ id: people.id })
    .from(people)
    .where(exceptId ? and(eq(people.userId, userId), ne(people.id, exceptId)) : eq(people.userId, userId));
  if (linked) throw fieldErrors({ userId: "people.errors.userTaken" });
}

/** Unique indexes decide races between two saves; the person gets a field message, not a 500. */
async function write<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isUniqueViolation(error, "people_email_uq")) throw fieldErrors({ email: "people.errors.emailTaken" });
    if (isUniqueViolation(error, "people_user_uq")) throw fieldErrors({ userId: "people.errors.userTaken" });
    throw error;
  }
}

/**
 * The person an event registration is (the events module asks, inside its transaction), matched by
 * lower-cased e-mail and never duplicated: an insert that does nothing when the e-mail exists (also when
 * another transaction just added it), then a read.
 * A new person gets the registration's role as title and a membership of a matched organisation. An
 * existing person is never changed: what a registration says about them (name, role, organisation) is
 * only claimed by whoever typed the e-mail, so it stays on the registration, and a coordinator links or
 * merges deliberately (a stranger's "organisation" must not become a membership, see issue 11).
 */
export async function findOrCreateParticipant(
  tx: Tx,
  input: { name: string; email: string; role: string | null; organisationId: string | null },
): Promise<string> {
  const [created] = await tx
    .insert(people)
    .values({ name: input.name, sortKey: swedishSortKey(input.name), email: input.email, title: input.role })
    .onConflictDoNothing({ target: people.email })
    .returning({ id: people.id });
  if (!created) {
    const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.email, input.email));
    return person.id;
  }
  if (input.organisationId)
    await tx
      .insert(memberships)
      .values({ personId: created.id, organisationId: input.organisationId, role: input.role });
  return created.id;
}

/**
 * `findOrCreateParticipant` for many at once (a batch of public registrations): those not in the register are
 * created, each new person with a membership of the organisation they named; returns every address's person.
 * Three statements however many there are.
 */
export async function findOrCreateParticipantsOnce(
  tx: Tx,
  entries: { name: string; email: string; role: string | null; organisationId: string | null }[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (!entries.length) return ids;
  const created = await tx
    .insert(people)
    .values(
      entries.map((e) => ({ name: e.name, sortKey: swedishSortKey(e.name), email: e.email, title: e.role })),
    )
    .onConflictDoNothing({ target: people.email })
    .returning({ id: people.id, email: people.email });
  for (const c of created) ids.set(c.email!, c.id);
  const others = entries.filter((e) => !ids.has(e.email)).map((e) => e.email);
  if (others.length) {
    const found = await tx
      .select({ id: people.id, email: people.email })
      .from(people)
      .where(inArray(people.email, others));
    for (const f of found) ids.set(f.email!, f.id);
  }
  const isNew = new Set(created.map((c) => c.email));
  const joined = entries.flatMap((e) =>
    e.organisationId && isNew.has(e.email)
      ? [{ personId: ids.get(e.email)!, organisationId: e.organisationId, role: e.role }]
      : [],
  );
  if (joined.length) await tx.insert(memberships).values(joined);
  return ids;
}

const CHUNK = 500;
const chunks = <T>(list: T[]) =>
  Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * An attendance list's people (the events module asks, inside its transaction): creates those not yet in
 * the register (by e-mail, never duplicated) and returns every e-mail's person id.
 */
export async function findOrCreateParticipants(
  tx: Tx,
  entries: { name: string; email: string; role: string | null }[],
) {
  for (const part of chunks(entries))
    await tx
      .insert(people)
      .values(
        part.map((e) => ({ name: e.name, sortKey: swedishSortKey(e.name), email: e.email, title: e.role })),
      )
      .onConflictDoNothing({ target: people.email });
  const ids = new Map<string, string>();
  for (const part of chunks(entries)) {
    const rows = await tx
      .select({ id: people.id, email: people.email })
      .from(people)
      .where(
        inArray(
          people.email,
          part.map((e) => e.email),
        ),
      );
    for (const r of rows) ids.set(r.email!, r.id);
  }
  return ids;
}

/** Adds the memberships (person, organisation) that do not exist yet (an attendance list's organisations). */
export async function ensureMemberships(
  tx: Tx,
  pairs: { personId: string; organisationId: string; role: string | null }[],
) {
  if (!pairs.length) return;
  const existing = await tx
    .select({ personId: memberships.personId, organisationId: memberships.organisationId })
    .from(memberships)
    .where(inArray(memberships.personId, [...new Set(pairs.map((p) => p.personId))]));
  const have = new Set(existing.map((m) => `${m.personId}/${m.organisationId}`));
  const missing = pairs.filter((p) => {
    const key = `${p.personId}/${p.organisationId}`;
    if (have.has(key)) return false;
    have.add(key);
    return true;
  });
  for (const part of chunks(missing)) await tx.insert(memberships).values(part);
}
