import { eq } from "drizzle-orm";
import { type MergeInput, mergeInput } from "../../../common/organisations.ts";
import type { Db } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { mergeReferences } from "../../platform/merge-references.ts";
import { parseWith } from "../../platform/validation.ts";
import { organisationsPolicy } from "./organisations.policy.ts";
import { ancestorsOf, findOrganisation, type OrganisationRecord } from "./organisations.queries.ts";
import { organisations } from "./organisations.schema.ts";

const fillable = ["orgNumber", "municipalityCode", "county", "website", "description"] as const;

/**
 * Merges a duplicate organisation into another: every reference (memberships, activities, programmes,
 * courses, units, and any later module's links) moves to the target, the target's empty details are
 * filled from the source, and the source is deleted. Staff only; audited as one change.
 */
export async function mergeOrganisations(
  db: Db,
  actor: Actor | null,
  sourceId: string,
  input: MergeInput,
): Promise<OrganisationRecord> {
  requireActor(actor);
  authorize(actor, organisationsPolicy, "merge", { id: sourceId });
  const { intoId } = parseWith(mergeInput, input);
  const source = await findOrganisation(db, sourceId);
  if (!source) throw notFound();
  if (intoId === sourceId) throw fieldErrors({ intoId: "organisations.errors.mergeSelf" });
  const target = await findOrganisation(db, intoId);
  if (!target) throw fieldErrors({ intoId: "organisations.errors.mergeTargetNotFound" });

  await writeWithAudit(db, actor, async (tx, audit) => {
    // A target below the source moves up to the source's parent first; otherwise moving the source's
    // units under the target would make the target (indirectly) its own parent.
    const targetAncestors = await ancestorsOf(tx, target.parentId);
    let targetParentId = target.parentId;
    if (targetAncestors.some((a) => a.id === sourceId)) {
      targetParentId = source.parentId === intoId ? null : source.parentId;
      await tx.update(organisations).set({ parentId: targetParentId }).where(eq(organisations.id, intoId));
    }
    const moved = await mergeReferences(tx, "organisations", sourceId, intoId);
    const [removed] = await tx.delete(organisations).where(eq(organisations.id, sourceId)).returning();

    const fill: Partial<typeof organisations.$inferInsert> = { updatedAt: new Date() };
    for (const key of fillable) if (target[key] == null && removed[key] != null) fill[key] = removed[key];
    fill.tags = [...new Set([...target.tags, ...removed.tags])];
    if (!targetParentId && removed.parentId && removed.parentId !== intoId) {
      const chain = await ancestorsOf(tx, removed.parentId);
      if (!chain.some((a) => a.id === intoId)) fill.parentId = removed.parentId;
    }
    const [after] = await tx.update(organisations).set(fill).where(eq(organisations.id, intoId)).returning();
    // One record on each side, so both organisations' histories show the merge.
    await audit({
      action: "organisation.merge",
      entityType: "organisation",
      entityId: sourceId,
      before: removed,
      after: { mergedInto: intoId },
    });
    await audit({
      action: "organisation.merge",
      entityType: "organisation",
      entityId: intoId,
      before: { source: removed, target },
      after: { target: after, moved },
    });
  });
  return (await findOrganisation(db, intoId))!;
}
