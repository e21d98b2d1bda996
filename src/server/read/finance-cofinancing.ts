import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { projectFunding, projects } from "../modules/projects/projects.schema.ts";

/**
 * The co-financing lines behind finance's money table: cross-module because finance filters the projects
 * module's funding lines by the owning organisation and the project period (read layer, decision 011).
 * The caller (finance) decides who may read the organisation's money.
 */

/**
 * Co-financing lines of the organisation's projects for the year: lines dated that year, and undated lines
 * of projects whose period overlaps it; in project (Swedish) order, then the lines' order. The funder's name
 * is the register organisation's, else the name typed on the line.
 */
export async function cofinancingLines(db: Db | Tx, organisationId: string, year: number) {
  return db
    .select({
      funderOrganisationId: projectFunding.funderOrganisationId,
      funderName: sql<string>`coalesce((select name from organisations o where o.id = ${projectFunding.funderOrganisationId}), ${projectFunding.funderName}, '')`,
      amount: projectFunding.amount,
      projectId: projects.id,
      projectName: projects.name,
    })
    .from(projectFunding)
    .innerJoin(projects, eq(projects.id, projectFunding.projectId))
    .where(
      and(
        eq(projects.ownerOrganisationId, organisationId),
        eq(projectFunding.kind, "cofinancing"),
        sql`(${projectFunding.year} = ${year} or (${projectFunding.year} is null
             and coalesce(${projects.periodStart}, '0001-01-01') <= ${`${year}-12-31`}
             and coalesce(${projects.periodEnd}, '9999-12-31') >= ${`${year}-01-01`}))`,
      ),
    )
    .orderBy(projects.sortKey, projectFunding.sortOrder, projectFunding.id);
}
