import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { financeUnits } from "./finance.schema.ts";

/** Whether the organisation has any finance unit: the demo data's (demo/) finance step runs once. */
export async function organisationHasUnits(db: Db, organisationId: string): Promise<boolean> {
  const [done] = await db
    .select({ id: financeUnits.id })
    .from(financeUnits)
    .where(eq(financeUnits.organisationId, organisationId))
    .limit(1);
  return !!done;
}
