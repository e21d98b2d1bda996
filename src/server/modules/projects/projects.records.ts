import { asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { GoalRefView } from "../../../common/goals.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { users } from "../../platform/platform.schema.ts";
import { projectFundingLines, projectSummaries } from "../../read/project-summaries.ts";
import { goalRefsFor } from "../goals/index.ts";
import { readableOrganisationIds } from "../organisations/index.ts";
import { personIdsOfUser, userIdOfPerson } from "../people/index.ts";
import {
  projectColourChanges,
  type projectFunding,
  projectOutputs,
  projectReports,
  projects,
} from "./projects.schema.ts";

export type ProjectRow = typeof projects.$inferSelect;

export interface ProjectSummaryRecord {
  project: ProjectRow;
  leadPersonName: string | null;
  ownerOrganisationName: string | null;
}

export interface ProjectRecord extends ProjectSummaryRecord {
  /** Users who act as the lead: the lead person's user account. */
  leadUserIds: string[];
  funding: (typeof projectFunding.$inferSelect & { funderOrganisationName: string | null })[];
  goals: GoalRefView[];
  outputs: (typeof projectOutputs.$inferSelect)[];
  colourHistory: (typeof projectColourChanges.$inferSelect)[];
  reports: (typeof projectReports.$inferSelect)[];
  children: { id: string; name: string; colour: string | null }[];
}

/**
 * `canReadProject` (projects.policy.ts) as a query condition, for every list of projects: undefined
 * when the actor reads every project, else the projects of their organisations and those they lead.
 */
export async function readableProjectsWhere(db: Db | Tx, actor: Actor | null): Promise<SQL | undefined> {
  if (!actor) return sql`false`;
  const organisationIds = readableOrganisationIds(actor);
  if (organisationIds === null) return undefined;
  const [linked] = await db
    .select({ personId: users.personId })
    .from(users)
    .where(eq(users.id, actor.userId));
  const own = await personIdsOfUser(db, actor.userId);
  const ledPersonIds = [...new Set([linked?.personId, ...own].filter((x): x is string => !!x))];
  const conditions: SQL[] = [];
  if (organisationIds.length) conditions.push(inArray(projects.ownerOrganisationId, organisationIds));
  if (ledPersonIds.length) conditions.push(inArray(projects.leadPersonId, ledPersonIds));
  return conditions.length ? or(...conditions) : sql`false`;
}

/** The user accounts of a lead person: people.user_id, or a user whose person_id points at them. */
export async function leadUserIdsOf(db: Db | Tx, leadPersonId: string | null): Promise<string[]> {
  if (!leadPersonId) return [];
  const personUserId = await userIdOfPerson(db, leadPersonId);
  const linked = await db.select({ id: users.id }).from(users).where(eq(users.personId, leadPersonId));
  return [...new Set([personUserId, ...linked.map((u) => u.id)].filter((x): x is string => !!x))];
}

export async function findProject(db: Db | Tx, id: string): Promise<ProjectRecord | null> {
  const [summary] = await projectSummaries(db, { where: eq(projects.id, id) });
  if (!summary) return null;
  const [leadUserIds, funding, goals, outputs, colourHistory, reports, children] = await Promise.all([
    leadUserIdsOf(db, summary.project.leadPersonId),
    projectFundingLines(db, id),
    goalRefsFor(db, "project", [id]),
    db
      .select()
      .from(projectOutputs)
      .where(eq(projectOutputs.projectId, id))
      .orderBy(asc(projectOutputs.createdAt)),
    db
      .select()
      .from(projectColourChanges)
      .where(eq(projectColourChanges.projectId, id))
      .orderBy(desc(projectColourChanges.recordedAt), desc(projectColourChanges.id)),
    db
      .select()
      .from(projectReports)
      .where(eq(projectReports.projectId, id))
      .orderBy(desc(projectReports.submittedAt)),
    db
      .select({ id: projects.id, name: projects.name, colour: projects.colour })
      .from(projects)
      .where(eq(projects.parentId, id))
      .orderBy(asc(projects.sortKey)),
  ]);
  return {
    ...summary,
    leadUserIds,
    funding: funding.map((f) => ({ ...f.line, funderOrganisationName: f.funderOrganisationName })),
    goals: goals.get(id) ?? [],
    outputs,
    colourHistory,
    reports,
    children,
  };
}

/** Names of projects by id, for other modules' views that name a linked project (one query per list). */
export async function projectNames(db: Db | Tx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(inArray(projects.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Which of these ids are projects (callers answer 422 on the rest). */
export async function existingProjectIds(db: Db | Tx, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db.select({ id: projects.id }).from(projects).where(inArray(projects.id, ids));
  return new Set(rows.map((r) => r.id));
}
