import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { developIdeaInput, recommendationInput } from "../../../common/ideas.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, conflict, notFound } from "../../platform/errors.ts";
import { ideaCountsByOrganisation } from "../../read/ideas-organisations.ts";
import { readStoredFile, storeFile } from "../learning/index.ts";
import { callPolicy } from "./ideas.policy.ts";
import { ideaDocuments, ideas, ideaVersions } from "./ideas.schema.ts";
import { loadIdeaFor } from "./ideas.service.ts";

export type VersionRow = typeof ideaVersions.$inferSelect;

/** Stages in which the template is still being worked on. */
const developable = ["submitted", "selected", "developing", "pitched", "planned", "prepared"];
/** The sector group prepares ideas whose plan is in. */
const preparable = ["planned", "prepared"];

/**
 * The office saves the template filled in during development (the seminar series): the idea takes the
 * new text and the save is kept as the next numbered version. Fields outside the call's template are
 * refused, naming the field.
 */
export async function developIdea(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof developIdeaInput>,
) {
  return writeWithAudit(db, actor, async (tx, audit) => {
    const { idea, call } = await loadIdeaFor(tx, actor, "move", id, true);
    if (!developable.includes(idea.stage)) throw conflict("ideas.errors.notDevelopable");
    const keys = call.call.template.map((f) => f.key);
    const unknown = Object.keys(input.fields).filter((k) => !keys.includes(k));
    if (unknown.length) {
      throw new AppError(
        "validation",
        "errors.validation",
        {},
        Object.fromEntries(unknown.map((k) => [`fields.${k}`, [{ key: "ideas.errors.unknownField" }]])),
      );
    }
    const fields = Object.fromEntries(Object.entries(input.fields).filter(([, v]) => v.trim() !== ""));
    const [after] = await tx
      .update(ideas)
      .set({
        title: input.title ?? idea.title,
        summary: input.summary ?? idea.summary,
        fields,
        updatedAt: new Date(),
      })
      .where(eq(ideas.id, id))
      .returning();
    const version = await nextVersion(tx, id);
    await tx.insert(ideaVersions).values({
      ideaId: id,
      version,
      title: after.title,
      summary: after.summary,
      fields,
      byLabel: actor.name,
      byUserId: actor.userId,
    });
    await audit({
      action: "ideas.developed",
      entityType: "idea",
      entityId: id,
      before: { title: idea.title, summary: idea.summary, fields: idea.fields },
      after: { title: after.title, summary: after.summary, fields, version },
    });
    return after;
  });
}

async function nextVersion(tx: Tx, ideaId: string) {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${ideaVersions.version}), 0)::int` })
    .from(ideaVersions)
    .where(eq(ideaVersions.ideaId, ideaId));
  return Number(row.n) + 1;
}

/** The saved versions of an idea's template, the latest first. */
export async function listVersions(db: Db, actor: Actor | null, id: string) {
  await loadIdeaFor(db, actor, "read", id);
  return db
    .select()
    .from(ideaVersions)
    .where(eq(ideaVersions.ideaId, id))
    .orderBy(desc(ideaVersions.version));
}

/** The sector group's preparation: its recommendation to the board on an idea whose plan is in. */
export async function recommendIdea(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof recommendationInput>,
) {
  return writeWithAudit(db, actor, async (tx, audit) => {
    const { idea } = await loadIdeaFor(tx, actor, "recommend", id, true);
    if (!preparable.includes(idea.stage)) throw conflict("ideas.errors.notPreparable");
    const values = {
      recommendation: input.recommendation,
      recommendationReason: input.reason,
      recommendedAmount: input.recommendation === "grant" ? (input.amount ?? null) : null,
      recommendedBy: actor.name,
      recommendedAt: new Date(),
      updatedAt: new Date(),
    };
    const [after] = await tx.update(ideas).set(values).where(eq(ideas.id, id)).returning();
    await audit({
      action: "ideas.recommended",
      entityType: "idea",
      entityId: id,
      before: { recommendation: idea.recommendation, reason: idea.recommendationReason },
      after: { recommendation: values.recommendation, reason: values.recommendationReason },
    });
    return after;
  });
}

/**
 * Ideas across calls by the submitter's organisation and its party (the register's organisation type
 * when the organisation is in the register), the most ideas first.
 */
export async function ideasByOrganisationAndParty(db: Db, actor: Actor | null, callId?: string) {
  authorize(actor, callPolicy, "list", null);
  return ideaCountsByOrganisation(db, callId);
}

export type DocumentRow = typeof ideaDocuments.$inferSelect;

/** Whether the actor may add documents to the idea; checked before the upload's bytes are read. */
export async function mayAddDocument(db: Db, actor: Actor | null, id: string) {
  const { idea } = await loadIdeaFor(db, actor, "move", id);
  if (!developable.includes(idea.stage)) throw conflict("ideas.errors.notDevelopable");
}

/** A document of the idea's development, checked and stored by the file store, kept beside the idea. */
export async function addDocument(
  db: Db,
  actor: Actor,
  id: string,
  upload: { filename: string; data: Buffer; title: string | null },
) {
  await mayAddDocument(db, actor, id);
  const stored = await storeFile(`ideas/${id}`, upload.filename, upload.data);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [doc] = await tx
      .insert(ideaDocuments)
      .values({
        ideaId: id,
        title: upload.title?.trim().slice(0, 300) || stored.filename,
        ...stored,
        uploadedByName: actor.name,
        uploadedBy: actor.userId,
      })
      .returning();
    await audit({
      action: "ideas.document_added",
      entityType: "idea",
      entityId: id,
      after: { documentId: doc.id, filename: doc.filename, size: doc.size, sha256: doc.sha256 },
    });
    return doc;
  });
}

export async function listDocuments(db: Db, actor: Actor | null, id: string) {
  await loadIdeaFor(db, actor, "read", id);
  return db
    .select()
    .from(ideaDocuments)
    .where(eq(ideaDocuments.ideaId, id))
    .orderBy(desc(ideaDocuments.at), desc(ideaDocuments.id));
}

export async function downloadDocument(db: Db, actor: Actor | null, id: string, documentId: string) {
  await loadIdeaFor(db, actor, "read", id);
  const [row] = await db
    .select()
    .from(ideaDocuments)
    .where(and(eq(ideaDocuments.id, documentId), eq(ideaDocuments.ideaId, id)));
  if (!row) throw notFound();
  return { row, data: await readStoredFile(row.storageKey) };
}
