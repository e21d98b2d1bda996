import { and, count, eq, exists, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { LawfulBasis, MembershipView, PersonImpactView } from "../../../common/people.ts";
import { type PersonListQuery, personListQuery } from "../../../common/people.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { encodeCursor, page, type SortKey, sortedKeyset } from "../../platform/pagination.ts";
import { users } from "../../platform/platform.schema.ts";
import { likePattern } from "../../platform/sql.ts";
import { parseWith } from "../../platform/validation.ts";
import { nameMatches, organisationsInOrder } from "../organisations/index.ts";
import { peoplePolicy } from "./people.policy.ts";
import { memberships, people } from "./people.schema.ts";

type Row = typeof people.$inferSelect;

/** A person with their memberships (organisation names included), as every view shows them. */
export interface PersonRecord extends Omit<Row, "sortKey" | "lawfulBasis"> {
  lawfulBasis: LawfulBasis;
  memberships: MembershipView[];
}

type CodeRef = { id: string; code: string; name: string };
export interface PersonDetail extends PersonRecord {
  user: { id: string; name: string; email: string } | null;
  responsibleForProgrammes: CodeRef[];
  responsibleForCourses: CodeRef[];
}

/** Memberships of the given people, current ones first, then by organisation name (the register's order). */
async function membershipsOf(db: Db | Tx, personIds: string[]) {
  if (!personIds.length) return new Map<string, MembershipView[]>();
  const rows = await db
    .select({
      personId: memberships.personId,
      id: memberships.id,
      organisationId: memberships.organisationId,
      role: memberships.role,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
    })
    .from(memberships)
    .where(inArray(memberships.personId, personIds));
  const orgs = await organisationsInOrder(
    db,
    rows.map((r) => r.organisationId),
  );
  const place = new Map(orgs.map((o, i) => [o.id, { name: o.name, at: i }]));
  const sorted = rows
    .filter((r) => place.has(r.organisationId))
    .sort(
      (a, b) =>
        Number(a.endDate !== null) - Number(b.endDate !== null) ||
        place.get(a.organisationId)!.at - place.get(b.organisationId)!.at ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const byPerson = new Map<string, MembershipView[]>();
  for (const { personId, ...m } of sorted) {
    const view: MembershipView = {
      id: m.id,
      organisationId: m.organisationId,
      organisationName: place.get(m.organisationId)!.name,
      role: m.role,
      startDate: m.startDate,
      endDate: m.endDate,
    };
    byPerson.set(personId, [...(byPerson.get(personId) ?? []), view]);
  }
  return byPerson;
}

async function toRecords(db: Db | Tx, rows: Row[]): Promise<PersonRecord[]> {
  const byPerson = await membershipsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map(({ sortKey: _sortKey, ...p }) => ({
    ...p,
    lawfulBasis: p.lawfulBasis as LawfulBasis,
    memberships: byPerson.get(p.id) ?? [],
  }));
}

export async function findPerson(db: Db | Tx, id: string): Promise<PersonRecord | null> {
  const rows = await db.select().from(people).where(eq(people.id, id));
  return rows.length ? (await toRecords(db, rows))[0] : null;
}

/**
 * The orders of the people register (common/people.ts personSorts), sorted whole on the server (issue 15).
 * Text keys end with the name's Swedish sort key, so people with the same title come in name order; those
 * without one come first. They compare byte by byte (collate "C"), as the sort keys are made for.
 */
const sortKeys: Record<string, SortKey> = {
  name: { expr: sql`${people.sortKey}`, type: "text" },
  title: {
    expr: sql`(coalesce(lower(${people.title}), '') || ' ' || ${people.sortKey}) collate "C"`,
    type: "text",
  },
  email: { expr: sql`coalesce(lower(${people.email}), '') collate "C"`, type: "text" },
  createdAt: { expr: sql`${people.createdAt}`, type: "timestamp" },
  updatedAt: { expr: sql`${people.updatedAt}`, type: "timestamp" },
};

/** One page of people; `q` searches name (ILIKE + trigram) and e-mail; `sort` orders the whole register. */
export async function listPeople(db: Db, actor: Actor | null, query: PersonListQuery = {}) {
  authorize(actor, peoplePolicy, "list", null);
  const q = parseWith(personListQuery, query);
  const paging = sortedKeyset(q.sort, sortKeys, people.id, q.cursor);
  const where: (SQL | undefined)[] = [paging.where];
  if (q.q) where.push(or(nameMatches(people.name, q.q), ilike(people.email, likePattern(q.q))));
  if (q.organisationId) {
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(memberships)
          .where(and(eq(memberships.personId, people.id), eq(memberships.organisationId, q.organisationId))),
      ),
    );
  }
  const rows = await db
    .select({ person: people, cursor: paging.cursorValue })
    .from(people)
    .where(and(...where))
    .orderBy(...paging.orderBy)
    .limit(q.limit + 1);
  const result = page(rows, q.limit, (row) => encodeCursor(row.cursor, row.person.id));
  return {
    items: await toRecords(
      db,
      result.items.map((r) => r.person),
    ),
    nextCursor: result.nextCursor,
  };
}

/**
 * What links to a person from the modules above this one (programmes and courses they are responsible
 * for). Those modules depend on people, so it cannot import them: the read layer answers
 * (src/server/read/register-links.ts) and app.ts provides it at start.
 */
export interface PersonReferenceReads {
  links(
    db: Db | Tx,
    personId: string,
  ): Promise<{
    responsibleForProgrammes: { id: string; code: string; name: string }[];
    responsibleForCourses: { id: string; code: string; name: string }[];
  }>;
  counts(db: Db | Tx, personId: string): Promise<{ programmes: number; courses: number }>;
}

let referenceReads: PersonReferenceReads | null = null;

export function providePersonReferenceReads(reads: PersonReferenceReads) {
  referenceReads = reads;
}

function references(): PersonReferenceReads {
  if (!referenceReads) throw new Error("person reference reads not provided (app.ts provides them)");
  return referenceReads;
}

export async function personLinks(db: Db | Tx, person: PersonRecord) {
  const [user, others] = await Promise.all([
    person.userId
      ? db
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(eq(users.id, person.userId))
      : Promise.resolve([]),
    references().links(db, person.id),
  ]);
  return {
    user: user[0] ?? null,
    responsibleForProgrammes: others.responsibleForProgrammes,
    responsibleForCourses: others.responsibleForCourses,
  };
}

export async function personImpact(db: Db | Tx, id: string): Promise<PersonImpactView> {
  const [[m], others] = await Promise.all([
    db.select({ n: count() }).from(memberships).where(eq(memberships.personId, id)),
    references().counts(db, id),
  ]);
  return { memberships: m.n, programmes: others.programmes, courses: others.courses };
}

/** Names of people by id, for registers above this one that show a responsible person. */
export async function personNames(db: Db | Tx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Which of these ids are people in the register (callers answer 422 on the rest). */
export async function existingPersonIds(db: Db | Tx, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db.select({ id: people.id }).from(people).where(inArray(people.id, ids));
  return new Set(rows.map((r) => r.id));
}

/** The register people linked to a user account (people.user_id), for rules on what a user leads. */
export async function personIdsOfUser(db: Db | Tx, userId: string): Promise<string[]> {
  const rows = await db.select({ id: people.id }).from(people).where(eq(people.userId, userId));
  return rows.map((r) => r.id);
}

/** The user account a register person is linked to (people.user_id), if any. */
export async function userIdOfPerson(db: Db | Tx, personId: string): Promise<string | null> {
  const [row] = await db.select({ userId: people.userId }).from(people).where(eq(people.id, personId));
  return row?.userId ?? null;
}
