import { eq, ilike, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { projectFunding, projects, reviewRounds } from "./projects.schema.ts";

/**
 * What the demo data (demo/) reads back of projects while it seeds: guards that make its steps
 * idempotent and the ids of projects it created by name. Reads only; writes go through the service.
 */

/** Whether any project exists (the demo's projects step runs once). */
export async function hasProjects(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: projects.id }).from(projects).limit(1);
  return !!row;
}

/** The id of the project with exactly this name, or null. */
export async function projectIdByName(db: Db, name: string): Promise<string | null> {
  const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.name, name));
  return row?.id ?? null;
}

/** Id and name of the projects with these exact names. */
export async function projectIdsByNames(db: Db, names: string[]): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(inArray(projects.name, names));
}

/** The id of a project whose name starts with the prefix (case-insensitive), or null. */
export async function projectIdByNamePrefix(db: Db, prefix: string): Promise<string | null> {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(ilike(projects.name, `${prefix}%`))
    .limit(1);
  return row?.id ?? null;
}

/** The ids of a project's funding lines. */
export async function fundingLineIdsOfProject(db: Db, projectId: string): Promise<string[]> {
  const rows = await db
    .select({ id: projectFunding.id })
    .from(projectFunding)
    .where(eq(projectFunding.projectId, projectId));
  return rows.map((r) => r.id);
}

/** Whether any review round exists (the demo's review round step runs once). */
export async function hasReviewRounds(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: reviewRounds.id }).from(reviewRounds).limit(1);
  return !!row;
}
