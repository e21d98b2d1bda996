import { and, asc, desc, eq, inArray, max } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { type Actor, systemActor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { readStoredFile, storedFilePath, storeFile, type UploadKind } from "./file-store.ts";
import { spaceFor } from "./learning.access.ts";
import { learningDocuments, learningDocumentVersions } from "./learning.schema.ts";

/** Documents of a learning space: every upload is a new version; older versions stay downloadable. */

export async function listDocuments(db: Db, actor: Actor | null, spaceId: string) {
  await spaceFor(db, actor, spaceId);
  const docs = await db
    .select()
    .from(learningDocuments)
    .where(eq(learningDocuments.spaceId, spaceId))
    .orderBy(desc(learningDocuments.updatedAt));
  if (!docs.length) return [];
  const versions = await db
    .select()
    .from(learningDocumentVersions)
    .where(
      inArray(
        learningDocumentVersions.documentId,
        docs.map((d) => d.id),
      ),
    )
    .orderBy(desc(learningDocumentVersions.version));
  return docs.map((d) => ({ ...d, versions: versions.filter((v) => v.documentId === d.id) }));
}

interface Upload {
  filename: string;
  data: Buffer;
  title?: string | null;
  description?: string | null;
}

/** Checked before an upload's body is read: the space (and document) must be the actor's (404). */
export async function mayUpload(db: Db, actor: Actor | null, spaceId: string, documentId?: string) {
  await spaceFor(db, actor, spaceId);
  if (documentId) await documentIn(db, spaceId, documentId);
}

/** A new document (version 1), or a new version of `documentId`. */
export async function uploadDocument(
  db: Db,
  actor: Actor | null,
  spaceId: string,
  upload: Upload,
  documentId?: string,
  kind: UploadKind = "document",
) {
  await spaceFor(db, actor, spaceId);
  if (!documentId && !upload.title?.trim()) throw fieldErrors({ title: "validation.required" });
  if (documentId) await documentIn(db, spaceId, documentId);
  const stored = await storeFile(`learning/${spaceId}`, upload.filename, upload.data, kind);
  const savedId = await writeWithAudit(db, actor, async (tx, audit) => {
    let id = documentId;
    if (!id) {
      const [doc] = await tx
        .insert(learningDocuments)
        .values({
          spaceId,
          title: upload.title!.trim().slice(0, 300),
          description: upload.description?.trim().slice(0, 5000) || null,
          createdBy: actor!.userId === systemActor.userId ? null : actor!.userId,
        })
        .returning();
      id = doc.id;
    }
    const [{ latest }] = await tx
      .select({ latest: max(learningDocumentVersions.version) })
      .from(learningDocumentVersions)
      .where(eq(learningDocumentVersions.documentId, id));
    const [version] = await tx
      .insert(learningDocumentVersions)
      .values({
        documentId: id,
        version: (latest ?? 0) + 1,
        ...stored,
        uploadedBy: actor!.userId === systemActor.userId ? null : actor!.userId,
        uploadedByName: actor!.name,
      })
      .returning();
    await tx.update(learningDocuments).set({ updatedAt: new Date() }).where(eq(learningDocuments.id, id));
    await audit({
      action: "learningDocument.upload",
      entityType: "learning_document",
      entityId: id,
      after: {
        version: version.version,
        filename: stored.filename,
        size: stored.size,
        sha256: stored.sha256,
      },
    });
    return id;
  });
  return (await listDocuments(db, actor, spaceId)).find((d) => d.id === savedId)!;
}

async function documentIn(db: Db, spaceId: string, documentId: string) {
  const [doc] = await db
    .select()
    .from(learningDocuments)
    .where(and(eq(learningDocuments.id, documentId), eq(learningDocuments.spaceId, spaceId)));
  if (!doc) throw notFound();
  return doc;
}

/** A version's row and where its bytes are, for streaming (recorded lectures) without reading them. */
export async function versionFile(
  db: Db,
  actor: Actor | null,
  spaceId: string,
  documentId: string,
  version: number,
) {
  await spaceFor(db, actor, spaceId);
  await documentIn(db, spaceId, documentId);
  const [row] = await db
    .select()
    .from(learningDocumentVersions)
    .where(
      and(eq(learningDocumentVersions.documentId, documentId), eq(learningDocumentVersions.version, version)),
    )
    .orderBy(asc(learningDocumentVersions.version));
  if (!row) throw notFound();
  return { row, path: storedFilePath(row.storageKey) };
}

export async function downloadVersion(
  db: Db,
  actor: Actor | null,
  spaceId: string,
  documentId: string,
  version: number,
) {
  const { row } = await versionFile(db, actor, spaceId, documentId, version);
  return { row, data: await readStoredFile(row.storageKey) };
}
