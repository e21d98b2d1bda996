import { createHash } from "node:crypto";
import { and, asc, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
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
import { versionOf } from "../../platform/etag.ts";
import { type Bind, encodeCursor, page, type SortKey, sortedKeyset } from "../../platform/pagination.ts";
import { parseWith } from "../../platform/validation.ts";
import { organisationsPolicy } from "./organisations.policy.ts";
import { organisations } from "./organisations.schema.ts";
import { nameMatches } from "./register-helpers.ts";

type Row = typeof organisations.$inferSelect;
export type OrgRef = { id: string; name: string; type: OrganisationType };

/** An organisation row with its parent, as every view shows it. */
export interface OrganisationRecord extends Omit<Row, "type" | "sortKey"> {
  type: OrganisationType;
  parent: OrgRef | null;
}

export interface OrganisationDetail extends OrganisationRecord {
  /** The row's version (platform/etag.ts), read in the same statement: the detail's ETag. */
  version: string;
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
  const org = r.org;
  // Field by field rather than a rest/spread copy: this runs for every row of every list.
  return {
    id: org.id,
    name: org.name,
    type: org.type as OrganisationType,
    parentId: org.parentId,
    orgNumber: org.orgNumber,
    municipalityCode: org.municipalityCode,
    county: org.county,
    website: org.website,
    description: org.description,
    tags: org.tags,
    createdAt: org.createdAt,
    updatedAt: org.updatedAt,
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

/**
 * The orders of the organisation register (common/organisations.ts organisationSorts). Text keys end
 * with the name's Swedish sort key, so rows of one type, parent or county come in name order; they compare
 * byte by byte (collate "C") whatever the database's collation, as the sort keys are made for.
 */
const sortKeys: Record<string, SortKey> = {
  name: { expr: sql`${organisations.sortKey}`, type: "text" },
  type: { expr: sql`(${organisations.type} || ' ' || ${organisations.sortKey}) collate "C"`, type: "text" },
  parent: {
    expr: sql`(coalesce(${parent.sortKey}, '') || ' ' || ${organisations.sortKey}) collate "C"`,
    type: "text",
  },
  county: {
    expr: sql`(coalesce(lower(${organisations.county}), '') || ' ' || ${organisations.sortKey}) collate "C"`,
    type: "text",
  },
  createdAt: { expr: sql`${organisations.createdAt}`, type: "timestamp" },
  updatedAt: { expr: sql`${organisations.updatedAt}`, type: "timestamp" },
};

type ListFilters = z.output<typeof organisationListQuery>;

/**
 * The list's statement for one shape of query (sort, which filters, a cursor or not), its values bound by
 * `bind`: as parameters, or as placeholders of a statement built once and prepared (listOrganisations).
 */
function buildList(db: Db, q: ListFilters, bind: Bind) {
  const paging = sortedKeyset(q.sort, sortKeys, organisations.id, q.cursor, bind);
  const where: (SQL | undefined)[] = [paging.where];
  if (q.q) where.push(nameMatches(organisations.name, q.q));
  if (q.type) where.push(eq(organisations.type, bind("type", q.type) as string));
  if (q.parentId) where.push(eq(organisations.parentId, bind("parentId", q.parentId) as string));
  if (q.municipalityCode)
    where.push(eq(organisations.municipalityCode, bind("municipalityCode", q.municipalityCode) as string));
  if (q.county) where.push(sql`lower(${organisations.county}) = lower(${bind("county", q.county)})`);
  if (q.tag) where.push(sql`${organisations.tags} @> ${bind("tag", JSON.stringify([q.tag]))}::jsonb`);
  return db
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
    .limit(bind("limit", q.limit + 1) as number);
}

/** Prepared list statements by database and shape (a handful of shapes: sorts × filters used). */
const listQueries = new WeakMap<Db, Map<string, ReturnType<ReturnType<typeof buildList>["prepare"]>>>();
const placeholder: Bind = (name) => sql.placeholder(name);

/**
 * One page of organisations, filtered and sorted by the chosen key (keyset paging over key and id).
 * Without a name search the statement of the query's shape is built once and prepared, its values
 * passed at execution (the cursor is still decoded and checked here first); a search builds its own.
 */
export async function listOrganisations(db: Db, actor: Actor | null, query: OrganisationListQuery = {}) {
  authorize(actor, organisationsPolicy, "list", null);
  const q = parseWith(organisationListQuery, query);
  let rows: Awaited<ReturnType<typeof buildList>>;
  if (q.q) {
    rows = await buildList(db, q, (_name, value) => value);
  } else {
    const values: Record<string, unknown> = {};
    const collect: Bind = (name, value) => {
      values[name] = value;
      return value;
    };
    // Building the query (not its SQL text) decodes and checks the cursor and collects the values,
    // whose names with the sort make the shape.
    buildList(db, q, collect);
    const shape = `${q.sort}|${Object.keys(values).join(",")}`;
    let byShape = listQueries.get(db);
    if (!byShape) {
      byShape = new Map();
      listQueries.set(db, byShape);
    }
    let prepared = byShape.get(shape);
    if (!prepared) {
      // Named by the shape (same name, same text), so connections shared by two Db objects agree.
      const name = `organisation_list_${createHash("sha1").update(shape).digest("hex").slice(0, 16)}`;
      prepared = buildList(db, q, placeholder).prepare(name);
      byShape.set(shape, prepared);
    }
    rows = await prepared.execute(values);
  }
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

type OrganisationLinks = OrganisationDetail["links"];

/**
 * What links to an organisation from the modules above this one (people, programmes, courses,
 * activities). Those modules depend on organisations, so it cannot import them: the read layer answers
 * (src/server/read/register-links.ts) and app.ts provides it at start.
 */
export interface OrganisationReferenceReads {
  /**
   * The detail page's lists as columns for the register's own select, correlated to `id` (the
   * organisation's id column), so the organisation and its links come in one statement.
   */
  linkColumns(id: AnyPgColumn): {
    [K in "people" | "programmes" | "courses" | "contractCourses" | "activities"]: SQL<OrganisationLinks[K]>;
  };
  counts(
    db: Db | Tx,
    id: string,
  ): Promise<
    Pick<OrganisationImpactView, "memberships" | "people" | "programmes" | "courses" | "activities">
  >;
}

let referenceReads: OrganisationReferenceReads | null = null;

export function provideOrganisationReferenceReads(reads: OrganisationReferenceReads) {
  referenceReads = reads;
}

function references(): OrganisationReferenceReads {
  if (!referenceReads) throw new Error("organisation reference reads not provided (app.ts provides them)");
  return referenceReads;
}

/**
 * The detail page's statement: the organisation with its parent, its version (the ETag), the chain
 * above it (topmost first), its units and the read layer's links from the modules above it, correlated
 * to the organisation's id, so the whole page is one round trip. Built once per database and prepared
 * (named on PostgreSQL): the statement's text is the same for every organisation.
 */
function buildDetailQuery(db: Db | Tx) {
  return db
    .select({
      org: organisations,
      parentName: parent.name,
      parentType: parent.type,
      version: versionOf(organisations.updatedAt),
      ancestors: sql<OrgRef[]>`(
        with recursive up(id, name, type, parent_id, depth) as (
          select a.id, a.name, a.type, a.parent_id, 0 from ${organisations} a where a.id = ${organisations.parentId}
          union all
          select o.id, o.name, o.type, o.parent_id, up.depth + 1
          from ${organisations} o join up on o.id = up.parent_id
          where up.depth < 50
        )
        select coalesce(json_agg(json_build_object('id', id, 'name', name, 'type', type) order by depth desc), '[]'::json)
        from up)`,
      children: sql<OrgRef[]>`(
        select coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'type', c.type)
          order by c.sort_key, c.id), '[]'::json)
        from ${organisations} c where c.parent_id = ${organisations.id})`,
      ...references().linkColumns(organisations.id),
    })
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .where(eq(organisations.id, sql.placeholder("id")))
    .prepare("organisation_detail");
}

const detailQueries = new WeakMap<Db | Tx, ReturnType<typeof buildDetailQuery>>();

/** The organisation and what links to it, the registers its detail page shows; null when there is none. */
export async function findOrganisationDetail(db: Db | Tx, id: string): Promise<OrganisationDetail | null> {
  let query = detailQueries.get(db);
  if (!query) {
    query = buildDetailQuery(db);
    detailQueries.set(db, query);
  }
  const [row] = await query.execute({ id });
  if (!row) return null;
  return {
    ...toRecord(row),
    version: row.version,
    links: {
      ancestors: row.ancestors,
      children: row.children,
      people: row.people,
      programmes: row.programmes,
      courses: row.courses,
      contractCourses: row.contractCourses,
      activities: row.activities,
    },
  };
}

/** What deleting the organisation would affect (the confirmation dialog lists these). */
export async function organisationImpact(db: Db | Tx, id: string): Promise<OrganisationImpactView> {
  const [[children], others] = await Promise.all([
    db.select({ n: count() }).from(organisations).where(eq(organisations.parentId, id)),
    references().counts(db, id),
  ]);
  return {
    children: children.n,
    memberships: others.memberships,
    people: others.people,
    programmes: others.programmes,
    courses: others.courses,
    activities: others.activities,
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

/**
 * The organisation in the register with exactly this name (any case), if there is one (an event
 * registration's organisation becomes a membership only on such a match).
 */
export async function organisationIdByName(db: Db | Tx, name: string | null) {
  if (!name) return null;
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`lower(${organisations.name}) = lower(${name})`)
    .limit(1);
  return org?.id ?? null;
}

/** Which of these ids are organisations in the register (callers answer 422 on the rest). */
export async function existingOrganisationIds(db: Db | Tx, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Set(rows.map((r) => r.id));
}

/** Organisation ids by lower-cased name, for the names that match an organisation exactly (any case). */
export async function organisationIdsByNames(db: Db | Tx, names: string[]) {
  if (!names.length) return new Map<string, string>();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      sql`lower(${organisations.name}) in (${sql.join(
        names.map((n) => sql`lower(${n})`),
        sql`, `,
      )})`,
    );
  return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
}

/** Organisations by id with their names, in the register's Swedish order (sort key, then id). */
export async function organisationsInOrder(db: Db | Tx, ids: string[]) {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return [];
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, wanted))
    .orderBy(asc(organisations.sortKey), asc(organisations.id));
}
