import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { maxPlanBytes, planTypes } from "../../../common/agreements.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, fieldErrors, notFound } from "../../platform/errors.ts";
import { cleanFileName, filesDir } from "../../platform/files.ts";
import { agreementPolicy } from "./agreements.policy.ts";
import { presentPlan } from "./agreements.presenter.ts";
import { findAgreement } from "./agreements.records.ts";
import { agreementPlans } from "./agreements.schema.ts";

/**
 * The partner's competence-supply plan (kompetensförsörjningsplan) as uploaded files. Stored under
 * filesDir()/agreements/<uuid> (SAMSPEL_FILES_DIR, never the web root), named by a key the server
 * makes; the uploader's file name is metadata. PDF, Word, Excel or OpenDocument text up to 10 MB,
 * checked by extension AND content. Every reader of the agreement may list and download them.
 */

const FOLDER = "agreements";

/** Does the content look like what the extension says (PDF header, or a zip for the office types)? */
const contentMatches = (ext: string, data: Buffer) =>
  ext === "pdf"
    ? data.subarray(0, 5).toString("latin1") === "%PDF-"
    : data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

/** Before a byte of the file is read: the actor may upload to this agreement (else 404/403). */
export async function mayUploadPlan(db: Db, actor: Actor | null, agreementId: string) {
  const { subject } = await findAgreement(db, agreementId);
  authorize(actor, agreementPolicy, "read", subject);
  authorize(actor, agreementPolicy, "uploadPlan", subject);
}

export async function listPlans(db: Db, actor: Actor | null, agreementId: string) {
  const { subject } = await findAgreement(db, agreementId);
  authorize(actor, agreementPolicy, "read", subject);
  const rows = await db
    .select()
    .from(agreementPlans)
    .where(eq(agreementPlans.agreementId, agreementId))
    .orderBy(asc(agreementPlans.createdAt), asc(agreementPlans.id));
  return rows.map(presentPlan);
}

/** Checks and stores the file, then records it (audited); the file is removed if the row does not land. */
export async function uploadPlan(
  db: Db,
  actor: Actor | null,
  agreementId: string,
  file: { filename: string; data: Buffer } | null,
) {
  if (!file) throw fieldErrors({ file: "agreements.errors.planMissing" });
  const filename = cleanFileName(file.filename);
  const ext = filename.includes(".") ? filename.split(".").pop()!.toLowerCase() : "";
  const mimeType = planTypes[ext];
  if (!mimeType) throw fieldErrors({ file: "agreements.errors.planType" });
  if (!file.data.length) throw fieldErrors({ file: "agreements.errors.planEmpty" });
  if (file.data.length > maxPlanBytes) throw new AppError("payloadTooLarge");
  if (!contentMatches(ext, file.data)) throw fieldErrors({ file: "agreements.errors.planContent" });
  const storageKey = path.posix.join(FOLDER, randomUUID());
  const target = path.join(filesDir(), storageKey);
  await mkdir(path.dirname(target), { recursive: true });
  // Write then rename: a crash never leaves a half-written file under the final name.
  await writeFile(`${target}.part`, file.data);
  await rename(`${target}.part`, target);
  try {
    const row = await writeWithAudit(db, actor, async (tx, audit) => {
      const { subject } = await findAgreement(tx, agreementId);
      authorize(actor, agreementPolicy, "uploadPlan", subject);
      const [inserted] = await tx
        .insert(agreementPlans)
        .values({
          agreementId,
          filename,
          storageKey,
          mimeType,
          size: file.data.length,
          sha256: createHash("sha256").update(file.data).digest("hex"),
          uploadedBy: actor?.name ?? null,
        })
        .returning();
      await audit({
        action: "agreement.plan_uploaded",
        entityType: "agreement_plan",
        entityId: inserted.id,
        after: inserted,
      });
      return inserted;
    });
    return presentPlan(row);
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
}

export async function downloadPlan(db: Db, actor: Actor | null, agreementId: string, planId: string) {
  const { subject } = await findAgreement(db, agreementId);
  authorize(actor, agreementPolicy, "read", subject);
  const [row] = await db
    .select()
    .from(agreementPlans)
    .where(and(eq(agreementPlans.id, planId), eq(agreementPlans.agreementId, agreementId)));
  if (!row) throw notFound();
  const root = path.resolve(filesDir());
  const full = path.resolve(root, row.storageKey);
  if (!full.startsWith(root + path.sep)) throw notFound();
  return { row, data: await readFile(full).catch(() => Promise.reject(notFound())) };
}
