import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { fieldErrors } from "../../platform/errors.ts";
import { projectFunding, projects } from "./projects.schema.ts";

/**
 * What other modules may use of projects: a grant decision (governance) funds a project with a
 * funding line linked to the decision. Projects writes its own table; the caller's transaction
 * and authorisation apply.
 */
export async function fundProjectByDecision(
  tx: Tx,
  grant: {
    projectId: string;
    decisionId: string;
    amount: number;
    year: number;
    funderOrganisationId: string;
    note: string;
  },
): Promise<string> {
  const [project] = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.id, grant.projectId));
  if (!project) throw fieldErrors({ links: "governance.errors.unknownProject" });
  const [line] = await tx
    .insert(projectFunding)
    .values({
      projectId: grant.projectId,
      kind: "own",
      funderOrganisationId: grant.funderOrganisationId,
      amount: grant.amount,
      year: grant.year,
      note: grant.note,
      decisionId: grant.decisionId,
      sortOrder: 1000,
    })
    .returning({ id: projectFunding.id });
  return line.id;
}

/** Links an existing funding line to the decision that granted it (no new money). */
export async function linkFundingToDecision(tx: Tx, fundingId: string, decisionId: string): Promise<boolean> {
  const rows = await tx
    .update(projectFunding)
    .set({ decisionId })
    .where(eq(projectFunding.id, fundingId))
    .returning({ id: projectFunding.id });
  return rows.length > 0;
}

/** A grant's amount changed before its minutes were approved: the line it created follows. */
export async function setDecisionFundingAmount(
  tx: Tx,
  decisionId: string,
  projectId: string,
  amount: number,
) {
  await tx
    .update(projectFunding)
    .set({ amount })
    .where(and(eq(projectFunding.decisionId, decisionId), eq(projectFunding.projectId, projectId)));
}

/** The projects a decision funds: id, name and amount of each linked funding line. */
export async function fundingOfDecisions(tx: Tx | Db, decisionIds: string[]) {
  if (!decisionIds.length) return [];
  return tx
    .select({
      decisionId: projectFunding.decisionId,
      projectId: projects.id,
      projectName: projects.name,
      amount: projectFunding.amount,
    })
    .from(projectFunding)
    .innerJoin(projects, eq(projects.id, projectFunding.projectId))
    .where(inArray(projectFunding.decisionId, decisionIds));
}

export { projectsInOrder, projectTreeIds } from "./projects.lookups.ts";
export type { ProjectRecord } from "./projects.records.ts";
export { existingProjectIds, findProject, projectNames } from "./projects.records.ts";
export { registerProjectRoutes } from "./projects.routes.ts";
export {
  fundingLineIdsOfProject,
  hasProjects,
  hasReviewRounds,
  projectIdByName,
  projectIdByNamePrefix,
  projectIdsByNames,
} from "./projects.seed.ts";
export { addOutput, addOutputs, createProject, getProject, updateProject } from "./projects.service.ts";
export { createReviewRound } from "./review-rounds.service.ts";
