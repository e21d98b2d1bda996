import { eq, sql } from "drizzle-orm";
import { type MergeInput, mergeInput } from "../../../common/organisations.ts";
import type { Db } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { mergeReferences } from "../../platform/merge-references.ts";
import { parseWith } from "../../platform/validation.ts";
import { peoplePolicy } from "./people.policy.ts";
import { findPerson, type PersonRecord } from "./people.queries.ts";
import { people } from "./people.schema.ts";

const fillable = ["email", "phone", "title", "userId"] as const;

/**
 * Merges a duplicate person into another: memberships, responsibilities and any later module's links
 * move to the target, identical memberships collapse into one, the target's empty details are filled
 * from the source (notes are kept from both), and the source is deleted. Staff only; audited.
 */
export async function mergePeople(
  db: Db,
  actor: Actor | null,
  sourceId: string,
  input: MergeInput,
): Promise<PersonRecord> {
  requireActor(actor);
  authorize(actor, peoplePolicy, "merge", null);
  const { intoId } = parseWith(mergeInput, input);
  const source = await findPerson(db, sourceId);
  if (!source) throw notFound();
  if (intoId === sourceId) throw fieldErrors({ intoId: "people.errors.mergeSelf" });
  const target = await findPerson(db, intoId);
  if (!target) throw fieldErrors({ intoId: "people.errors.mergeTargetNotFound" });

  await writeWithAudit(db, actor, async (tx, audit) => {
    const moved = await mergeReferences(tx, "people", sourceId, intoId);
    // The same membership recorded on both people is one membership after the merge.
    await tx.execute(sql`
      delete from memberships a using memberships b
      where a.person_id = ${intoId} and b.person_id = ${intoId} and a.id > b.id
        and a.organisation_id = b.organisation_id
        and a.role is not distinct from b.role
        and a.start_date is not distinct from b.start_date
        and a.end_date is not distinct from b.end_date`);
    // Deleted before the target takes over its e-mail or account, which are unique.
    const [removed] = await tx.delete(people).where(eq(people.id, sourceId)).returning();
    const fill: Partial<typeof people.$inferInsert> = { updatedAt: new Date() };
    for (const key of fillable) if (target[key] == null && removed[key] != null) fill[key] = removed[key];
    if (removed.notes) fill.notes = target.notes ? `${target.notes}\n\n${removed.notes}` : removed.notes;
    const [after] = await tx.update(people).set(fill).where(eq(people.id, intoId)).returning();
    await audit({
      action: "person.merge",
      entityType: "person",
      entityId: sourceId,
      before: removed,
      after: { mergedInto: intoId },
    });
    await audit({
      action: "person.merge",
      entityType: "person",
      entityId: intoId,
      before: { source: removed, target },
      after: { target: after, moved },
    });
  });
  return (await findPerson(db, intoId))!;
}
