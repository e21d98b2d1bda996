import { eq, sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../../db/client.ts";
import { type Actor, isAdmin, isStaff, requireActor } from "../../platform/actor.ts";
import { authorize, type Policy } from "../../platform/authorize.ts";
import { notFound } from "../../platform/errors.ts";
import { networkIdsOfUser } from "../../read/learning-networks.ts";
import { learningSpaces } from "./learning.schema.ts";

/**
 * Who is in a learning space: its members, and — for a network's space — the network's members who
 * have an account. Everyone else gets 404, as if the space did not exist. Administrators see every
 * space (they administer the platform); members who are moderators, or staff members, manage it.
 */
export type SpaceRole = "admin" | "moderator" | "member";

export const canCreateSpace = (actor: Actor | null) => isStaff(actor);

/**
 * "The space `s` belongs to one of these networks": the networks come from the read layer (the events module's
 * memberships, through the people register; issue 12), so this module's SQL names only its own tables.
 */
const inNetworks = (networkIds: string[]) =>
  networkIds.length
    ? sql`s.network_id in (${sql.join(
        networkIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql`false`;

/** The actor's role in the space, or null when they are not in it. */
export async function roleIn(db: Db | Tx, actor: Actor, spaceId: string): Promise<SpaceRole | null> {
  const networks = inNetworks(await networkIdsOfUser(db, actor.userId));
  const [row] = await queryRows<{ role: string | null; via_network: boolean }>(
    db,
    sql`select
          (select role from learning_space_members where space_id = ${spaceId}::uuid and user_id = ${actor.userId}::uuid) as role,
          exists (select 1 from learning_spaces s where s.id = ${spaceId}::uuid and ${networks}) as via_network`,
  );
  if (row?.role === "moderator") return "moderator";
  if (row?.role === "member" || row?.via_network) return "member";
  if (isAdmin(actor)) return "admin";
  return null;
}

export const canManage = (actor: Actor, role: SpaceRole) =>
  role === "admin" || role === "moderator" || (role === "member" && isStaff(actor));

/** The rules, on the actor's role in a space (null: not in it, so the space answers 404). */
export const learningPolicy = {
  list: (actor) => !!actor,
  create: canCreateSpace,
  read: { allow: (_actor, s) => !!s?.role, refuse: "hide" },
  manage: (actor, s) => !!actor && !!s?.role && canManage(actor, s.role),
} satisfies Policy<"list" | "create" | "read" | "manage", { role: SpaceRole | null } | null>;

/** The space, when the actor is in it; 404 otherwise (existence does not leak). */
export async function spaceFor(db: Db, actor: Actor | null, spaceId: string) {
  requireActor(actor);
  const [space] = await db.select().from(learningSpaces).where(eq(learningSpaces.id, spaceId));
  if (!space) throw notFound();
  const role = await roleIn(db, actor, spaceId);
  authorize(actor, learningPolicy, "read", { role });
  return { space, role: role as SpaceRole, manage: canManage(actor, role as SpaceRole) };
}

/** The ids of the spaces the actor is in. */
export async function visibleSpaceIds(db: Db, actor: Actor): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    isAdmin(actor)
      ? sql`select id from learning_spaces`
      : sql`select s.id from learning_spaces s
            where exists (select 1 from learning_space_members m where m.space_id = s.id and m.user_id = ${actor.userId}::uuid)
               or ${inNetworks(await networkIdsOfUser(db, actor.userId))}`,
  );
  return rows.map((r) => r.id);
}
