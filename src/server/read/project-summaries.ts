import { and, asc, eq, ilike, isNull, or, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { organisations } from "../modules/organisations/organisations.schema.ts";
import { people } from "../modules/people/people.schema.ts";
import { projectFunding, projects } from "../modules/projects/projects.schema.ts";
import { likePattern } from "../platform/sql.ts";

/**
 * Projects with the names of their lead person (people) and owning organisation (organisations), and
 * the portfolio's filters on those names: cross-module because one query joins and filters three
 * modules' tables (read layer, decision 011). The projects module decides who may read (`where`).
 */

/** Filters shared by the portfolio list, the export, the dashboard and the timeline. */
export function projectSummaryFilters(q: {
  q?: string;
  colour?: string;
  sector?: string;
  owner?: string;
}): SQL[] {
  const where: SQL[] = [];
  if (q.q) {
    const pattern = likePattern(q.q);
    where.push(
      or(ilike(projects.name, pattern), ilike(projects.leadName, pattern), ilike(people.name, pattern))!,
    );
  }
  if (q.colour === "none") where.push(isNull(projects.colour));
  else if (q.colour) where.push(eq(projects.colour, q.colour));
  // The sector a project is counted under on the dashboard: its sector group, else its owner.
  if (q.sector)
    where.push(
      or(
        eq(projects.sector, q.sector),
        and(isNull(projects.sector), or(eq(organisations.name, q.sector), eq(projects.ownerName, q.sector))),
      )!,
    );
  if (q.owner) where.push(eq(projects.ownerOrganisationId, q.owner));
  return where;
}

/** Projects matching `where`, with the names of their lead person and owning organisation. */
export async function projectSummaries(
  db: Db | Tx,
  query: { where?: SQL; orderBy?: SQL[]; limit?: number },
): Promise<
  {
    project: typeof projects.$inferSelect;
    leadPersonName: string | null;
    ownerOrganisationName: string | null;
  }[]
> {
  let select = db
    .select({ project: projects, leadPersonName: people.name, ownerOrganisationName: organisations.name })
    .from(projects)
    .leftJoin(people, eq(people.id, projects.leadPersonId))
    .leftJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
    .where(query.where)
    .$dynamic();
  if (query.orderBy?.length) select = select.orderBy(...query.orderBy);
  if (query.limit !== undefined) select = select.limit(query.limit);
  return select;
}

/** A project's funding lines in their order, each with its funder organisation's name. */
export async function projectFundingLines(db: Db | Tx, projectId: string) {
  return db
    .select({ line: projectFunding, funderOrganisationName: organisations.name })
    .from(projectFunding)
    .leftJoin(organisations, eq(organisations.id, projectFunding.funderOrganisationId))
    .where(eq(projectFunding.projectId, projectId))
    .orderBy(asc(projectFunding.sortOrder));
}
