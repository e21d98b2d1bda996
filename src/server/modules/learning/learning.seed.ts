import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { learningDocuments, learningSpaces } from "./learning.schema.ts";

/**
 * What the demo data (demo/) reads back of learning spaces while it seeds. Reads only; writes go
 * through the learning services.
 */

/** The space with exactly this name (its id and linked project), or null. */
export async function learningSpaceByName(
  db: Db,
  name: string,
): Promise<{ id: string; projectId: string | null } | null> {
  const [space] = await db
    .select({ id: learningSpaces.id, projectId: learningSpaces.projectId })
    .from(learningSpaces)
    .where(eq(learningSpaces.name, name));
  return space ?? null;
}

/** Whether the space has any document. */
export async function spaceHasDocuments(db: Db, spaceId: string): Promise<boolean> {
  const [done] = await db
    .select({ id: learningDocuments.id })
    .from(learningDocuments)
    .where(eq(learningDocuments.spaceId, spaceId))
    .limit(1);
  return !!done;
}
