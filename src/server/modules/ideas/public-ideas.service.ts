import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { completeIdeaInput, publicIdeaInput } from "../../../common/ideas.ts";
import type { Db } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { conflict, fieldErrors, notFound } from "../../platform/errors.ts";
import { hashToken, newToken } from "../../platform/tokens.ts";
import { escapeHtml, type MailOrigin, queueAnonymousMail } from "../mail/index.ts";
import { callState, callSubject, getPublicCall, loadCall } from "./calls.service.ts";
import { callPolicy } from "./ideas.policy.ts";
import { ideas } from "./ideas.schema.ts";
import { recordTransition } from "./ideas.service.ts";

type PublicIdea = z.output<typeof publicIdeaInput>;

/** Only the call's own template fields are kept; a required one must be answered. */
function templateAnswers(
  template: { key: string; required: boolean }[],
  answers: Record<string, string> | undefined,
  requireAll: boolean,
) {
  const kept: Record<string, string> = {};
  const missing: Record<string, string> = {};
  for (const field of template) {
    const value = answers?.[field.key]?.trim();
    if (value) kept[field.key] = value;
    else if (field.required && requireAll) missing[`fields.${field.key}`] = "validation.required";
  }
  const unknown = Object.keys(answers ?? {}).filter((k) => !template.some((f) => f.key === k));
  for (const k of unknown) missing[`fields.${k}`] = "validation.unknownField";
  if (Object.keys(missing).length) throw fieldErrors(missing);
  return kept;
}

/**
 * A submission without an account to an open public call. The submitter's data is kept because they
 * consented (the schema refuses `consent` other than true); the receipt carries a personal link to see
 * and complete the idea while the call is open. A closed call refuses with 409.
 */
export async function submitPublicIdea(
  db: Db,
  callId: string,
  input: PublicIdea,
  publicUrl: string,
  origin: MailOrigin,
  now = new Date(),
) {
  // The public submits: no actor.
  const record = await getPublicCall(db, null, callId);
  const state = callState(record.call, now);
  if (state !== "open")
    throw conflict(state === "closed" ? "ideas.errors.callClosed" : "ideas.errors.callNotOpen");
  // Required template fields are completed later through the link: the first submission needs the idea itself.
  const fields = templateAnswers(record.call.template, input.fields, false);
  const token = newToken();
  const id = await writeWithAudit(db, null, async (tx, audit) => {
    const [idea] = await tx
      .insert(ideas)
      .values({
        callId,
        title: input.title,
        summary: input.summary,
        submitterName: input.name,
        submitterEmail: input.email,
        organisationText: input.organisation ?? null,
        fields,
        consentAt: now,
        tokenHash: hashToken(token),
        submittedAt: now,
      })
      .returning({ id: ideas.id });
    await recordTransition(tx, null, idea.id, null, "submitted", null, now);
    // The audit keeps that an idea arrived, not who sent it: the submitter's data lives on the idea only.
    await audit({
      action: "ideas.submitted",
      entityType: "idea",
      entityId: idea.id,
      after: { callId, title: input.title },
    });
    const link = `${publicUrl}/ideer/${token}`;
    // Capped per address and per source like every mail the public sets off: over a cap the idea is
    // still kept and the answer is the same, but no receipt is sent.
    await queueAnonymousMail(
      tx,
      "ideas.receipt",
      {
        to: input.email,
        subject: `Tack för din idé till ”${record.call.title}”`,
        text: [
          `Hej ${input.name},`,
          "",
          `Vi har tagit emot din idé ”${input.title}” till idéefterlysningen ”${record.call.title}”.`,
          `Medan utlysningen är öppen kan du se och komplettera idén via din personliga länk:`,
          link,
          "",
          "Länken är personlig: dela den inte. Dina personuppgifter sparas med ditt samtycke och används bara för att handlägga idén.",
        ].join("\n"),
        html: `<p>Hej ${escapeHtml(input.name)},</p><p>Vi har tagit emot din idé ”${escapeHtml(input.title)}” till idéefterlysningen ”${escapeHtml(record.call.title)}”.</p><p>Medan utlysningen är öppen kan du se och komplettera idén via <a href="${escapeHtml(link)}">din personliga länk</a>.</p><p>Länken är personlig: dela den inte.</p>`,
      },
      origin,
      idea.id,
    );
    return idea.id;
  });
  return { id, token };
}

async function ideaByToken(db: Db, token: string) {
  const [idea] = await db
    .select()
    .from(ideas)
    .where(eq(ideas.tokenHash, hashToken(token)));
  if (!idea) throw notFound();
  const call = await loadCall(db, idea.callId);
  if (!call) throw notFound();
  return { idea, call };
}

/** What the submitter sees through the personal link. */
export async function getOwnIdea(db: Db, token: string, now = new Date()) {
  const { idea, call } = await ideaByToken(db, token);
  return { idea, call, editable: callState(call.call, now) === "open" && idea.stage === "submitted" };
}

/** The submitter completes the idea on the call's template while the call is open. */
export async function completeOwnIdea(
  db: Db,
  token: string,
  input: z.output<typeof completeIdeaInput>,
  now = new Date(),
) {
  const own = await getOwnIdea(db, token, now);
  if (!own.editable) throw conflict("ideas.errors.notEditable");
  const fields = input.fields
    ? { ...own.idea.fields, ...templateAnswers(own.call.call.template, input.fields, false) }
    : own.idea.fields;
  await writeWithAudit(db, null, async (tx, audit) => {
    const [after] = await tx
      .update(ideas)
      .set({
        title: input.title ?? own.idea.title,
        summary: input.summary ?? own.idea.summary,
        fields,
        updatedAt: now,
      })
      .where(eq(ideas.id, own.idea.id))
      .returning();
    await audit({
      action: "ideas.completed_by_submitter",
      entityType: "idea",
      entityId: own.idea.id,
      before: { title: own.idea.title, summary: own.idea.summary, fields: own.idea.fields },
      after: { title: after.title, summary: after.summary, fields: after.fields },
    });
  });
  return getOwnIdea(db, token, now);
}

/** Staff record an idea that came in another way (paper, e-mail, a workshop), e.g. the demo's 26. */
export async function recordIdea(
  db: Db,
  actor: Actor,
  callId: string,
  input: {
    title: string;
    summary: string;
    organisationText?: string | null;
    organisationId?: string | null;
    submittedAt?: Date;
  },
) {
  const call = await loadCall(db, callId);
  if (!call) throw notFound();
  authorize(actor, callPolicy, "manage", callSubject(call));
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [idea] = await tx
      .insert(ideas)
      .values({
        callId,
        title: input.title,
        summary: input.summary,
        organisationText: input.organisationText ?? null,
        organisationId: input.organisationId ?? null,
        submittedAt: input.submittedAt ?? new Date(),
      })
      .returning();
    await recordTransition(tx, actor, idea.id, null, "submitted", null, input.submittedAt);
    await audit({ action: "ideas.recorded", entityType: "idea", entityId: idea.id, after: idea });
    return idea;
  });
}
