import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import {
  learningFeedbackInput,
  linkInput,
  postInput,
  type SpaceInput,
  spaceInput,
  spaceMembersInput,
  threadInput,
} from "../../../common/learning.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, requireActor, systemActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { users } from "../../platform/platform.schema.ts";
import { parseWith } from "../../platform/validation.ts";
import { activityTitles } from "../activities/index.ts";
import { existingNetworkIds } from "../events/index.ts";
import { existingProjectIds } from "../projects/index.ts";
import { learningPolicy, spaceFor, visibleSpaceIds } from "./learning.access.ts";
import {
  learningFeedback,
  learningLinks,
  learningPosts,
  learningSpaceMembers,
  learningSpaces,
  learningThreads,
} from "./learning.schema.ts";

/** The learning space: spaces and members, links (literature, lectures), the forum, members' feedback. */

const userIdOf = (actor: Actor) => (actor.userId === systemActor.userId ? null : actor.userId);

export async function listSpaces(db: Db, actor: Actor | null) {
  requireActor(actor);
  authorize(actor, learningPolicy, "list", null);
  const ids = await visibleSpaceIds(db, actor);
  if (!ids.length) return [];
  const rows = await db
    .select()
    .from(learningSpaces)
    .where(inArray(learningSpaces.id, ids))
    .orderBy(asc(learningSpaces.sortKey));
  const counts = await db
    .select({ id: learningSpaceMembers.spaceId, n: count() })
    .from(learningSpaceMembers)
    .where(inArray(learningSpaceMembers.spaceId, ids))
    .groupBy(learningSpaceMembers.spaceId);
  return rows.map((r) => ({ ...r, memberCount: counts.find((c) => c.id === r.id)?.n ?? 0 }));
}

export async function getSpace(db: Db, actor: Actor | null, id: string) {
  const access = await spaceFor(db, actor, id);
  const [{ n }] = await db
    .select({ n: count() })
    .from(learningSpaceMembers)
    .where(eq(learningSpaceMembers.spaceId, id));
  return { ...access.space, memberCount: n, manage: access.manage };
}

/** Creates a space; its creator becomes its first moderator. */
async function requireProject(tx: Db | Tx, projectId: string) {
  if (!(await existingProjectIds(tx, [projectId])).has(projectId))
    throw fieldErrors({ projectId: "validation.learning.unknownLink" });
}

/** Links an existing space to the project it serves (staff, as for creating one); 404 for no such space. */
export async function linkSpaceToProject(db: Db, actor: Actor | null, spaceId: string, projectId: string) {
  requireActor(actor);
  authorize(actor, learningPolicy, "create", null);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const [before] = await tx.select().from(learningSpaces).where(eq(learningSpaces.id, spaceId));
    if (!before) throw notFound();
    await requireProject(tx, projectId);
    await tx.update(learningSpaces).set({ projectId }).where(eq(learningSpaces.id, spaceId));
    await audit({
      action: "learningSpace.linkProject",
      entityType: "learning_space",
      entityId: spaceId,
      before: { projectId: before.projectId },
      after: { projectId },
    });
  });
}

export async function createSpace(db: Db, actor: Actor | null, input: SpaceInput) {
  requireActor(actor);
  authorize(actor, learningPolicy, "create", null);
  const data = parseWith(spaceInput, input);
  const id = await writeWithAudit(db, actor, async (tx, audit) => {
    if (data.projectId) await requireProject(tx, data.projectId);
    if (data.networkId && !(await existingNetworkIds(tx, [data.networkId])).has(data.networkId))
      throw fieldErrors({ networkId: "validation.learning.unknownLink" });
    const [row] = await tx
      .insert(learningSpaces)
      .values({
        name: data.name,
        sortKey: swedishSortKey(data.name),
        description: data.description ?? null,
        projectId: data.projectId ?? null,
        networkId: data.networkId ?? null,
      })
      .returning();
    const creator = userIdOf(actor);
    if (creator)
      await tx.insert(learningSpaceMembers).values({ spaceId: row.id, userId: creator, role: "moderator" });
    await audit({
      action: "learningSpace.create",
      entityType: "learning_space",
      entityId: row.id,
      after: row,
    });
    return row.id;
  });
  return getSpace(db, actor, id);
}

export async function listMembers(db: Db, actor: Actor | null, spaceId: string) {
  await spaceFor(db, actor, spaceId);
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: learningSpaceMembers.role })
    .from(learningSpaceMembers)
    .innerJoin(users, eq(users.id, learningSpaceMembers.userId))
    .where(eq(learningSpaceMembers.spaceId, spaceId))
    .orderBy(asc(users.name));
}

/** Replaces the members (by user account). */
export async function setMembers(db: Db, actor: Actor | null, spaceId: string, input: unknown) {
  const access = await spaceFor(db, actor, spaceId);
  authorize(actor, learningPolicy, "manage", access);
  const { members } = parseWith(spaceMembersInput, input);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const ids = [...new Set(members.map((m) => m.userId))];
    if (
      ids.length &&
      (await tx.select({ id: users.id }).from(users).where(inArray(users.id, ids))).length !== ids.length
    )
      throw fieldErrors({ members: "validation.learning.unknownUsers" });
    const before = await tx
      .select()
      .from(learningSpaceMembers)
      .where(eq(learningSpaceMembers.spaceId, spaceId));
    await tx.delete(learningSpaceMembers).where(eq(learningSpaceMembers.spaceId, spaceId));
    const rows = ids.map((userId) => ({
      spaceId,
      userId,
      role: members.find((m) => m.userId === userId)!.role,
    }));
    if (rows.length) await tx.insert(learningSpaceMembers).values(rows);
    await audit({
      action: "learningSpace.members",
      entityType: "learning_space",
      entityId: spaceId,
      before,
      after: rows,
    });
  });
  return listMembers(db, actor, spaceId);
}

export async function listLinks(db: Db, actor: Actor | null, spaceId: string) {
  await spaceFor(db, actor, spaceId);
  return db
    .select()
    .from(learningLinks)
    .where(eq(learningLinks.spaceId, spaceId))
    .orderBy(desc(learningLinks.createdAt));
}

export async function addLink(db: Db, actor: Actor | null, spaceId: string, input: unknown) {
  await spaceFor(db, actor, spaceId);
  const data = parseWith(linkInput, input);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(learningLinks)
      .values({
        spaceId,
        kind: data.kind,
        title: data.title,
        url: data.url ?? null,
        author: data.author ?? null,
        note: data.note ?? null,
        createdBy: userIdOf(actor!),
        createdByName: actor!.name,
      })
      .returning();
    await audit({ action: "learningLink.create", entityType: "learning_link", entityId: row.id, after: row });
    return row;
  });
}

export async function listThreads(db: Db, actor: Actor | null, spaceId: string) {
  await spaceFor(db, actor, spaceId);
  const rows = await db
    .select({
      thread: learningThreads,
      posts: sql<number>`(select count(*)::int from learning_posts p where p.thread_id = "learning_threads"."id")`,
    })
    .from(learningThreads)
    .where(eq(learningThreads.spaceId, spaceId))
    .orderBy(desc(learningThreads.lastPostAt));
  return rows.map((r) => ({ ...r.thread, posts: r.posts }));
}

/** Starts a thread with its first post. */
export async function startThread(db: Db, actor: Actor | null, spaceId: string, input: unknown) {
  await spaceFor(db, actor, spaceId);
  const data = parseWith(threadInput, input);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [thread] = await tx
      .insert(learningThreads)
      .values({ spaceId, title: data.title, createdBy: userIdOf(actor!), createdByName: actor!.name })
      .returning();
    await tx
      .insert(learningPosts)
      .values({ threadId: thread.id, body: data.body, authorId: userIdOf(actor!), authorName: actor!.name });
    await audit({
      action: "learningThread.create",
      entityType: "learning_thread",
      entityId: thread.id,
      after: { title: thread.title },
    });
    return { ...thread, posts: 1 };
  });
}

async function threadIn(db: Db, spaceId: string, threadId: string) {
  const [thread] = await db
    .select()
    .from(learningThreads)
    .where(and(eq(learningThreads.id, threadId), eq(learningThreads.spaceId, spaceId)));
  if (!thread) throw notFound();
  return thread;
}

export async function getThread(db: Db, actor: Actor | null, spaceId: string, threadId: string) {
  await spaceFor(db, actor, spaceId);
  const thread = await threadIn(db, spaceId, threadId);
  const posts = await db
    .select()
    .from(learningPosts)
    .where(eq(learningPosts.threadId, threadId))
    .orderBy(asc(learningPosts.createdAt));
  return { thread: { ...thread, posts: posts.length }, posts };
}

export async function reply(db: Db, actor: Actor | null, spaceId: string, threadId: string, input: unknown) {
  await spaceFor(db, actor, spaceId);
  await threadIn(db, spaceId, threadId);
  const data = parseWith(postInput, input);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [post] = await tx
      .insert(learningPosts)
      .values({ threadId, body: data.body, authorId: userIdOf(actor!), authorName: actor!.name })
      .returning();
    await tx
      .update(learningThreads)
      .set({ lastPostAt: post.createdAt })
      .where(eq(learningThreads.id, threadId));
    await audit({
      action: "learningPost.create",
      entityType: "learning_post",
      entityId: post.id,
      after: { threadId },
    });
    return post;
  });
}

export async function listFeedback(db: Db, actor: Actor | null, spaceId: string) {
  await spaceFor(db, actor, spaceId);
  const rows = await db
    .select({ feedback: learningFeedback })
    .from(learningFeedback)
    .where(eq(learningFeedback.spaceId, spaceId))
    .orderBy(desc(learningFeedback.createdAt));
  const titles = await activityTitles(
    db,
    rows.map((r) => r.feedback.activityId),
  );
  return rows.map((r) => ({
    feedback: r.feedback,
    activityTitle: r.feedback.activityId ? (titles.get(r.feedback.activityId) ?? null) : null,
  }));
}

export async function giveFeedback(db: Db, actor: Actor | null, spaceId: string, input: unknown) {
  await spaceFor(db, actor, spaceId);
  const data = parseWith(learningFeedbackInput, input);
  if (data.activityId && !(await activityTitles(db, [data.activityId])).has(data.activityId))
    throw fieldErrors({ activityId: "validation.learning.unknownLink" });
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(learningFeedback)
      .values({
        spaceId,
        activityId: data.activityId ?? null,
        rating: data.rating ?? null,
        comment: data.comment,
        authorId: userIdOf(actor!),
        authorName: actor!.name,
      })
      .returning();
    await audit({
      action: "learningFeedback.create",
      entityType: "learning_feedback",
      entityId: row.id,
      after: { spaceId },
    });
    return row;
  });
}
