import { and, asc, count, eq, exists, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { LawfulBasis, MembershipView, PersonImpactView } from "../../../common/people.ts";
import { type PersonListQuery, personListQuery } from "../../../common/people.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { encodeCursor, page } from "../../platform/pagination.ts";
import { users } from "../../platform/platform.schema.ts";
import { organisations } from "../organisations/organisations.schema.ts";
import { keyset, likePattern, nameMatches, parseWith } from "../organisations/register-helpers.ts";
import { courses, programmes } from "../programmes/programmes.schema.ts";
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

/** Memberships of the given people, current ones first, then by organisation name. */
async function membershipsOf(db: Db | Tx, personIds: string[]) {
  if (!personIds.length) return new Map<string, MembershipView[]>();
  const rows = await db
    .select({
      personId: memberships.personId,
      id: memberships.id,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      role: memberships.role,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(inArray(memberships.personId, personIds))
    .orderBy(sql`${memberships.endDate} is not null`, asc(organisations.sortKey), asc(memberships.id));
  const byPerson = new Map<string, MembershipView[]>();
  for (const { personId, ...m } of rows) byPerson.set(personId, [...(byPerson.get(personId) ?? []), m]);
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

/** One page of people; `q` searches name (ILIKE + trigram) and e-mail. */
export async function listPeople(db: Db, actor: Actor | null, query: PersonListQuery = {}) {
  authorize(actor, peoplePolicy, "list", null);
  const q = parseWith(personListQuery, query);
  const paging = keyset(q.sort, people, q.cursor);
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

export async function personLinks(db: Db | Tx, person: PersonRecord) {
  const [user, progs, crs] = await Promise.all([
    person.userId
      ? db
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(eq(users.id, person.userId))
      : Promise.resolve([]),
    db
      .select({ id: programmes.id, code: programmes.code, name: programmes.nameSv })
      .from(programmes)
      .where(eq(programmes.responsiblePersonId, person.id))
      .orderBy(asc(programmes.sortKey)),
    db
      .select({ id: courses.id, code: courses.code, name: courses.nameSv })
      .from(courses)
      .where(eq(courses.responsiblePersonId, person.id))
      .orderBy(asc(courses.sortKey)),
  ]);
  return { user: user[0] ?? null, responsibleForProgrammes: progs, responsibleForCourses: crs };
}

export async function personImpact(db: Db | Tx, id: string): Promise<PersonImpactView> {
  const [[m], [p], [c]] = await Promise.all([
    db.select({ n: count() }).from(memberships).where(eq(memberships.personId, id)),
    db.select({ n: count() }).from(programmes).where(eq(programmes.responsiblePersonId, id)),
    db.select({ n: count() }).from(courses).where(eq(courses.responsiblePersonId, id)),
  ]);
  return { memberships: m.n, programmes: p.n, courses: c.n };
}
