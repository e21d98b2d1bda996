import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { grantInput } from "../../../common/ideas.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { AppError, fieldErrors } from "../../platform/errors.ts";
import { decisionForGrant } from "../governance/index.ts";
import { createProject, fundProjectByDecision } from "../projects/index.ts";
import { ideas } from "./ideas.schema.ts";
import { loadIdeaFor, recordTransition } from "./ideas.service.ts";

/**
 * The board's grant: an idea the sector group has prepared becomes a project in the portfolio, funded
 * by a line linked to the board's decision (governance), and the idea points at both. The amount may not
 * exceed what is left of the call's budget, nor of the decision's amount.
 */
export async function grantIdea(db: Db, actor: Actor, id: string, input: z.output<typeof grantInput>) {
  return writeWithAudit(db, actor, async (tx, audit) => {
    const { idea, call } = await loadIdeaFor(tx, actor, "grant", id, true);
    if (idea.stage !== "prepared") {
      throw new AppError(
        "validation",
        "errors.validation",
        {},
        {
          to: [{ key: "ideas.errors.transitionNotAllowed", params: { from: idea.stage, to: "granted" } }],
        },
      );
    }
    const decision = await decisionForGrant(tx, input.decisionId);
    if (!decision) throw fieldErrors({ decisionId: "ideas.errors.unknownDecision" });
    if (decision.kind !== "grant") throw fieldErrors({ decisionId: "ideas.errors.notAGrant" });
    const granted = await tx
      .select({ decisionId: ideas.decisionId, amount: ideas.grantedAmount })
      .from(ideas)
      .where(eq(ideas.callId, idea.callId));
    const callGranted = granted.reduce((sum, g) => sum + (g.amount ?? 0), 0);
    const decisionGranted = granted
      .filter((g) => g.decisionId === decision.id)
      .reduce((sum, g) => sum + (g.amount ?? 0), 0);
    if (decision.amount !== null && decisionGranted + input.amount > decision.amount) {
      throw fieldErrors({
        amount: {
          key: "ideas.errors.overDecision",
          params: { remaining: decision.amount - decisionGranted },
        },
      });
    }
    if (call.call.budget !== null && callGranted + input.amount > call.call.budget) {
      throw fieldErrors({
        amount: { key: "ideas.errors.overBudget", params: { remaining: call.call.budget - callGranted } },
      });
    }
    const projectId = await createProject(tx, actor, {
      name: idea.title,
      description: idea.summary,
      ownerOrganisationId: idea.organisationId ?? call.call.organisationId,
      leadName: idea.submitterName ?? undefined,
      periodStart: `${decision.year}-01`,
    });
    await fundProjectByDecision(tx, {
      projectId,
      decisionId: decision.id,
      amount: input.amount,
      year: decision.year,
      funderOrganisationId: call.call.organisationId,
      note: `Beviljat av ${decision.bodyName} (${decision.registryNumber}) efter idéefterlysningen ”${call.call.title}”.`,
    });
    const [after] = await tx
      .update(ideas)
      .set({
        stage: "granted",
        reachedRank: 6,
        projectId,
        decisionId: decision.id,
        grantedAmount: input.amount,
        updatedAt: new Date(),
      })
      .where(eq(ideas.id, id))
      .returning();
    await recordTransition(tx, actor, id, idea.stage, "granted", `Beslut ${decision.registryNumber}`);
    await audit({
      action: "ideas.granted",
      entityType: "idea",
      entityId: id,
      before: { stage: idea.stage },
      after: { stage: "granted", projectId, decisionId: decision.id, amount: input.amount },
    });
    return after;
  });
}

/**
 * The demo's history: the MOPS ideas were granted by the board's decision whose money the portfolio
 * already carries (one funding line for the four projects), so the idea records the grant and points at
 * its existing project without adding money.
 */
export async function recordHistoricGrant(
  db: Db,
  actor: Actor,
  id: string,
  grant: { decisionId: string; amount: number; projectId: string; registryNumber: string | null; at: Date },
) {
  return writeWithAudit(db, actor, async (tx, audit) => {
    const { idea } = await loadIdeaFor(tx, actor, "grant", id, true);
    await tx
      .update(ideas)
      .set({
        stage: "granted",
        reachedRank: 6,
        projectId: grant.projectId,
        decisionId: grant.decisionId,
        grantedAmount: grant.amount,
        updatedAt: new Date(),
      })
      .where(eq(ideas.id, id));
    await recordTransition(
      tx,
      actor,
      id,
      idea.stage,
      "granted",
      grant.registryNumber ? `Beslut ${grant.registryNumber}` : null,
      grant.at,
    );
    await audit({ action: "ideas.granted", entityType: "idea", entityId: id, after: grant });
  });
}
