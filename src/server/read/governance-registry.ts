import { eq } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { governanceRegistrySeries } from "../modules/governance/governance.schema.ts";
import { organisations } from "../modules/organisations/organisations.schema.ts";

/**
 * An organisation's name with its registry series prefix, if it has one (read layer, decision 011):
 * cross-module because the series is the governance module's row and the name the organisation register's,
 * read in one query; no row when the organisation is not in the register.
 */
export async function registrySeriesOf(db: Db | Tx, organisationId: string) {
  const [row] = await db
    .select({ name: organisations.name, prefix: governanceRegistrySeries.prefix })
    .from(organisations)
    .leftJoin(governanceRegistrySeries, eq(governanceRegistrySeries.organisationId, organisations.id))
    .where(eq(organisations.id, organisationId));
  return row ?? null;
}
