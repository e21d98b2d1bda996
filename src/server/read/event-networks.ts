import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { networkMembers } from "../modules/events/events.schema.ts";
import { organisations } from "../modules/organisations/organisations.schema.ts";
import { memberships, people } from "../modules/people/people.schema.ts";

/**
 * The members of an events network with their names and an organisation each: cross-module because the
 * events module's member list joins people (names, Swedish order) and their memberships' organisations
 * (read layer, decision 011). The caller decides who may read the network.
 */
export async function networkMemberRows(db: Db | Tx, networkId: string) {
  const rows = await db
    .select({ personId: people.id, name: people.name, role: networkMembers.role, sortKey: people.sortKey })
    .from(networkMembers)
    .innerJoin(people, eq(people.id, networkMembers.personId))
    .where(eq(networkMembers.networkId, networkId))
    .orderBy(asc(people.sortKey));
  const orgs = rows.length
    ? await db
        .select({ personId: memberships.personId, name: organisations.name })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(
          inArray(
            memberships.personId,
            rows.map((r) => r.personId),
          ),
        )
    : [];
  return rows.map(({ sortKey: _s, ...r }) => ({
    ...r,
    organisation: orgs.find((o) => o.personId === r.personId)?.name ?? null,
  }));
}
