import { and, asc, count, countDistinct, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  type OrganisationDetailView,
  type OrganisationImpactView,
  type OrganisationListQuery,
  type OrganisationType,
  type OrganisationView,
  organisationListQuery,
} from "../../../common/organisations.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { encodeCursor, page } from "../../platform/pagination.ts";
import { activities, activityOrganisations } from "../activities/activities.schema.ts";
import { memberships, people } from "../people/people.schema.ts";
import { courses, programmes } from "../programmes/programmes.schema.ts";
import { organisationsPolicy } from "./organisations.policy.ts";
import { organisations } from "./organisations.schema.ts";
import { keyset, nameMatches, parseWith } from "./register-helpers.ts";

type Row = typeof organisations.$inferSelect;
export type OrgRef = { id: string; name: string; type: OrganisationType };

/** An organisation row with its parent, as every view shows it. */
export interface OrganisationRecord extends Omit<Row, "type" | "sortKey"> {
  type: OrganisationType;
  parent: OrgRef | null;
}

export interface OrganisationDetail extends OrganisationRecord {
  links: Omit<OrganisationDetailView, keyof OrganisationView>;
}

const parent = alias(organisations, "parent");

function selectRecords(db: Db | Tx) {
  return db
    .select({ org: organisations, parentName: parent.name, parentType: parent.type })
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId));
}

function toRecord(r: { org: Row; parentName: string | null; parentType: string | null }): OrganisationRecord {
  const { sortKey: _sortKey, ...org } = r.org;
  return {
    ...org,
    type: org.type as OrganisationType,
    parent:
      org.parentId && r.parentName
        ? { id: org.parentId, name: r.parentName, type: r.parentType as OrganisationType }
        : null,
  };
}

export async function findOrganisation(db: Db | Tx, id: string): Promise<OrganisationRecord | null> {
  const [row] = await selectRecords(db).where(eq(organisations.id, id));
  return row ? toRecord(row) : null;
}

/** One page of organisations, filtered and sorted in Swedish order (see register-helpers keyset). */
export async function listOrganisations(db: Db, actor: Actor | null, query: OrganisationListQuery = {}) {
  authorize(actor, organisationsPolicy, "list", null);
  const q = parseWith(organisationListQuery, query);
  const paging = keyset(q.sort, organisations, q.cursor);
  const where: (SQL | undefined)[] = [paging.where];
  if (q.q) where.push(nameMatches(organisations.name, q.q));
  if (q.type) where.push(eq(organisations.type, q.type));
  if (q.parentId) where.push(eq(organisations.parentId, q.parentId));
  if (q.municipalityCode) where.push(eq(organisations.municipalityCode, q.municipalityCode));
  if (q.county) where.push(sql`lower(${organisations.county}) = lower(${q.county})`);
  if (q.tag) where.push(sql`${organisations.tags} @> ${JSON.stringify([q.tag])}::jsonb`);
  const rows = await db
    .select({
      org: organisations,
      parentName: parent.name,
      parentType: parent.type,
      cursor: paging.cursorValue,
    })
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .where(and(...where))
    .orderBy(...paging.orderBy)
    .limit(q.limit + 1);
  const result = page(rows, q.limit, (row) => encodeCursor(row.cursor, row.org.id));
  return { items: result.items.map(toRecord), nextCursor: result.nextCursor };
}

/** The chain above an organisation, topmost first (guarded against a cycle in old data). */
export async function ancestorsOf(db: Db | Tx, parentId: string | null): Promise<OrgRef[]> {
  if (!parentId) return [];
  const result = await db.execute(sql`
    with recursive up(id, name, type, parent_id, depth) as (
      select id, name, type, parent_id, 0 from organisations where id = ${parentId}
      union all
      select o.id, o.name, o.type, o.parent_id, up.depth + 1
      from organisations o join up on o.id = up.parent_id
      where up.depth < 50
    )
    select id, name, type from up order by depth desc`);
  return (result as unknown as { rows: OrgRef[] }).rows;
}

/** What links to an organisation: the registers its detail page shows. */
export async function organisationLinks(db: Db | Tx, id: string): Promise<OrganisationDetail["links"]> {
  const [self] = await db
    .select({ parentId: organisations.parentId })
    .from(organisations)
    .where(eq(organisations.id, id));
  const [ancestors, children, members, progs, ownCourses, contractCourses, acts] = await Promise.all([
    ancestorsOf(db, self?.parentId ?? null),
    db
      .select({ id: organisations.id, name: organisations.name, type: organisations.type })
      .from(organisations)
      .where(eq(organisations.parentId, id))
      .orderBy(asc(organisations.sortKey), asc(organisations.id)),
    db
      .select({
        membershipId: memberships.id,
        personId: people.id,
        name: people.name,
        title: people.title,
        role: memberships.role,
        startDate: memberships.startDate,
        endDate: memberships.endDate,
      })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(eq(memberships.organisationId, id))
      .orderBy(asc(people.sortKey), asc(people.id)),
    db
      .select({ id: programmes.id, code: programmes.code, name: programmes.nameSv })
      .from(programmes)
      .where(eq(programmes.organisationId, id))
      .orderBy(asc(programmes.sortKey), asc(programmes.id)),
    coursesWhere(db, eq(courses.organisationId, id)),
    coursesWhere(db, eq(courses.clientOrganisationId, id)),
    db
      .select({
        id: activities.id,
        title: activities.title,
        typeKey: activities.typeKey,
        startDate: activities.startDate,
        status: activities.status,
        role: activityOrganisations.role,
      })
      .from(activityOrganisations)
      .innerJoin(activities, eq(activities.id, activityOrganisations.activityId))
      .where(eq(activityOrganisations.organisationId, id))
      .orderBy(sql`${activities.startDate} desc nulls last`, desc(activities.id))
      .limit(200),
  ]);
  return {
    ancestors,
    children: children.map((c) => ({ ...c, type: c.type as OrganisationType })),
    people: members,
    programmes: progs,
    courses: ownCourses,
    contractCourses,
    activities: acts,
  };
}

function coursesWhere(db: Db | Tx, condition: SQL) {
  return db
    .select({ id: courses.id, code: courses.code, name: courses.nameSv, credits: courses.credits })
    .from(courses)
    .where(condition)
    .orderBy(asc(courses.sortKey), asc(courses.id));
}

/** What deleting the organisation would affect (the confirmation dialog lists these). */
export async function organisationImpact(db: Db | Tx, id: string): Promise<OrganisationImpactView> {
  const [[children], [members], [progs], [crs], [acts]] = await Promise.all([
    db.select({ n: count() }).from(organisations).where(eq(organisations.parentId, id)),
    db
      .select({ n: count(), people: countDistinct(memberships.personId) })
      .from(memberships)
      .where(eq(memberships.organisationId, id)),
    db.select({ n: count() }).from(programmes).where(eq(programmes.organisationId, id)),
    db
      .select({ n: count() })
      .from(courses)
      .where(or(eq(courses.organisationId, id), eq(courses.clientOrganisationId, id))),
    db.select({ n: count() }).from(activityOrganisations).where(eq(activityOrganisations.organisationId, id)),
  ]);
  return {
    children: children.n,
    memberships: members.n,
    people: members.people,
    programmes: progs.n,
    courses: crs.n,
    activities: acts.n,
  };
}

/** Names of organisations by id, for views that show a membership's organisation. */
export async function organisationNames(db: Db | Tx, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
