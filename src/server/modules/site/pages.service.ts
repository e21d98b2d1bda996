import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { PageKey, pageInput } from "../../../common/site.ts";
import type { Db } from "../../db/client.ts";
import { type Actor, systemActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { listPublicEvents } from "../events/index.ts";
import { getBody, listBodies } from "../governance/index.ts";
import { listPublicCalls } from "../ideas/index.ts";
import { listPublishedNews } from "./news.service.ts";
import { sitePolicy } from "./site.policy.ts";
import { sitePages } from "./site.schema.ts";

/** A page's title before a coordinator has written one (the body is then empty). */
const defaultTitles: Record<PageKey, string> = { about: "Om Samhällskontraktet", parties: "Parterna" };

export async function getPage(db: Db, actor: Actor | null, key: PageKey) {
  authorize(actor, sitePolicy, "readPublic", null);
  const [row] = await db.select().from(sitePages).where(eq(sitePages.key, key));
  return row ?? { key, title: defaultTitles[key], body: "", updatedAt: null };
}

/** Writes a page's title and body (creating the row the first time). */
export async function savePage(db: Db, actor: Actor | null, key: PageKey, input: z.output<typeof pageInput>) {
  authorize(actor, sitePolicy, "updatePage", null);
  const [before] = await db.select().from(sitePages).where(eq(sitePages.key, key));
  await writeWithAudit(db, actor, async (tx, audit) => {
    const [after] = await tx
      .insert(sitePages)
      .values({ key, title: input.title, body: input.body })
      .onConflictDoUpdate({
        target: sitePages.key,
        set: { title: input.title, body: input.body, updatedAt: new Date() },
      })
      .returning();
    await audit({
      action: before ? "update" : "create",
      entityType: "site_page",
      entityId: null,
      before,
      after,
    });
  });
  return getPage(db, actor, key);
}

/**
 * Governance lets any signed-in reader list bodies and their members; the public pages read them
 * as a reader with no roles at all, so they can never show more than that.
 */
const publicReader: Actor = { ...systemActor, name: "Samspel (publika sidor)", roles: [] };

const contactRoles = new Set(["chair", "vice_chair", "secretary", "adjunct"]);

/** The sector groups and their contacts: chair, secretary and the staff assigned to them. */
export async function listSectorGroups(db: Db, actor: Actor | null) {
  authorize(actor, sitePolicy, "readPublic", null);
  const today = new Date().toISOString().slice(0, 10);
  const groups = await listBodies(db, publicReader, { kind: "sector_group" });
  const current = groups.filter((g) => !g.endDate || g.endDate >= today);
  return Promise.all(
    current.map(async (g) => {
      const body = await getBody(db, publicReader, g.id);
      const members = body.members.filter((m) => !m.endDate || m.endDate >= today);
      const contacts = (
        members.some((m) => contactRoles.has(m.role))
          ? members.filter((m) => contactRoles.has(m.role))
          : members
      ).map((m) => ({ name: m.personName, role: m.function ?? m.role, party: m.partyName }));
      return { id: g.id, name: g.name, tasks: body.tasks, contacts };
    }),
  );
}

/** The public start page in one answer: open (and soon open) calls, upcoming events, the latest news. */
export async function publicStart(db: Db, actor: Actor | null) {
  authorize(actor, sitePolicy, "readPublic", null);
  const now = new Date();
  const [calls, events, news] = await Promise.all([
    listPublicCalls(db, actor, now),
    listPublicEvents(db, { limit: 5 }),
    listPublishedNews(db, actor, { limit: 3 }),
  ]);
  return {
    calls: calls.slice(0, 6).map(({ call }) => ({
      id: call.id,
      title: call.title,
      area: call.area,
      opensAt: call.opensAt.toISOString(),
      closesAt: call.closesAt.toISOString(),
      open: call.opensAt <= now && now < call.closesAt,
    })),
    events: events.map((e) => ({
      id: e.id,
      title: e.activity.title,
      startDate: e.sessions[0]?.startsAt.toISOString() ?? e.activity.startDate ?? "",
      place: e.activity.place,
    })),
    news: news.items,
  };
}
