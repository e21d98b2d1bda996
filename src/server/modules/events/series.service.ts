import { asc, count, eq, inArray } from "drizzle-orm";
import {
  networkMembersInput,
  type SeriesInput,
  seriesInput,
  updateSeriesInput,
} from "../../../common/events.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { parseWith } from "../../platform/validation.ts";
import { networkMemberRows } from "../../read/event-networks.ts";
import { existingPersonIds } from "../people/index.ts";
import { existingProjectIds } from "../projects/index.ts";
import { eventsPolicy } from "./events.policy.ts";
import { eventNetworks, eventSeries, events, networkMembers } from "./events.schema.ts";

/** Series of events and networks (with members): what events belong to besides a project. */

type Kind = "series" | "network";
const tableOf = (kind: Kind) => (kind === "series" ? eventSeries : eventNetworks);
const eventColumn = (kind: Kind) => (kind === "series" ? events.seriesId : events.networkId);

async function checkProject(tx: Db | Tx, projectId: string | null | undefined) {
  if (!projectId) return;
  if (!(await existingProjectIds(tx, [projectId])).has(projectId))
    throw fieldErrors({ projectId: "validation.events.unknownLink" });
}

export async function listGroups(db: Db, actor: Actor | null, kind: Kind) {
  authorize(actor, eventsPolicy, "list", null);
  const table = tableOf(kind);
  const rows = await db.select().from(table).orderBy(asc(table.sortKey), asc(table.id));
  const counts = await db
    .select({ id: eventColumn(kind), n: count() })
    .from(events)
    .where(
      inArray(
        eventColumn(kind),
        rows.map((r) => r.id),
      ),
    )
    .groupBy(eventColumn(kind));
  return rows.map((r) => ({ ...r, events: counts.find((c) => c.id === r.id)?.n ?? 0 }));
}

export async function getGroup(db: Db, actor: Actor | null, kind: Kind, id: string) {
  authorize(actor, eventsPolicy, "read", null);
  const table = tableOf(kind);
  const [row] = await db.select().from(table).where(eq(table.id, id));
  if (!row) throw notFound();
  const [{ n }] = await db
    .select({ n: count() })
    .from(events)
    .where(eq(eventColumn(kind), id));
  return { ...row, events: n, members: kind === "network" ? await membersOf(db, id) : [] };
}

export async function membersOf(db: Db | Tx, networkId: string) {
  return networkMemberRows(db, networkId);
}

export async function createGroup(db: Db, actor: Actor | null, kind: Kind, input: SeriesInput) {
  requireActor(actor);
  authorize(actor, eventsPolicy, "organise", null);
  const data = parseWith(seriesInput, input);
  const table = tableOf(kind);
  const id = await writeWithAudit(db, actor, async (tx, audit) => {
    await checkProject(tx, data.projectId);
    const [row] = await tx
      .insert(table)
      .values({
        name: data.name,
        sortKey: swedishSortKey(data.name),
        description: data.description ?? null,
        projectId: data.projectId ?? null,
        tags: data.tags,
      })
      .returning();
    await audit({
      action: `${kind}.create`,
      entityType: kind === "series" ? "event_series" : "network",
      entityId: row.id,
      after: row,
    });
    return row.id;
  });
  return getGroup(db, actor, kind, id);
}

export async function updateGroup(
  db: Db,
  actor: Actor | null,
  kind: Kind,
  id: string,
  input: Partial<SeriesInput>,
) {
  requireActor(actor);
  const table = tableOf(kind);
  const [existing] = await db.select().from(table).where(eq(table.id, id));
  if (!existing) throw notFound();
  authorize(actor, eventsPolicy, "organise", null);
  const data = parseWith(updateSeriesInput, input);
  await writeWithAudit(db, actor, async (tx, audit) => {
    await checkProject(tx, data.projectId);
    const changes = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
    const [after] = await tx
      .update(table)
      .set({
        ...changes,
        ...(data.name ? { sortKey: swedishSortKey(data.name) } : {}),
        updatedAt: new Date(),
      })
      .where(eq(table.id, id))
      .returning();
    await audit({
      action: `${kind}.update`,
      entityType: kind === "series" ? "event_series" : "network",
      entityId: id,
      before: existing,
      after,
    });
  });
  return getGroup(db, actor, kind, id);
}

/** Replaces a network's members. */
export async function setNetworkMembers(db: Db, actor: Actor | null, id: string, input: unknown) {
  requireActor(actor);
  const [existing] = await db.select().from(eventNetworks).where(eq(eventNetworks.id, id));
  if (!existing) throw notFound();
  authorize(actor, eventsPolicy, "organise", null);
  const { members } = parseWith(networkMembersInput, input);
  const ids = [...new Set(members.map((m) => m.personId))];
  await writeWithAudit(db, actor, async (tx, audit) => {
    if (ids.length) {
      const found = await existingPersonIds(tx, ids);
      if (found.size !== ids.length) throw fieldErrors({ members: "validation.events.unknownPeople" });
    }
    const before = await tx.select().from(networkMembers).where(eq(networkMembers.networkId, id));
    await tx.delete(networkMembers).where(eq(networkMembers.networkId, id));
    const unique = ids.map((personId) => members.find((m) => m.personId === personId)!);
    if (unique.length)
      await tx
        .insert(networkMembers)
        .values(unique.map((m) => ({ networkId: id, personId: m.personId, role: m.role ?? null })));
    await audit({ action: "network.members", entityType: "network", entityId: id, before, after: unique });
  });
  return getGroup(db, actor, "network", id);
}

/** Which of these ids are events networks (callers answer 422 on the rest). */
export async function existingNetworkIds(db: Db | Tx, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: eventNetworks.id })
    .from(eventNetworks)
    .where(inArray(eventNetworks.id, ids));
  return new Set(rows.map((r) => r.id));
}
