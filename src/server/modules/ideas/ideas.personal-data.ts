import { eq, inArray, sql } from "drizzle-orm";
import type { ErasureImpactItem } from "../../../common/privacy.ts";
import type { Db, Tx } from "../../db/client.ts";
import {
  type ErasureContext,
  type HeldData,
  isoOrNull,
  type PersonalDataSubject,
} from "../../platform/personal-data.ts";
import { ideaCalls, ideas } from "./ideas.schema.ts";

/**
 * Idea submitters in a register extract and an erasure (issue 20). An idea the board granted belongs
 * to its decision and is kept with the submitter's name (the archive rules); its contact address goes.
 * Any other idea keeps its content (it is about the idea, not the person) and loses the submitter.
 */

const KEEP_RULE =
  "Beviljad idé: ansökan hör till styrelsens beslut och är allmän handling som bevaras (arkivlagen 1990:782, offentlighets- och sekretesslagen 2009:400).";

async function submitted(db: Db | Tx, s: PersonalDataSubject) {
  if (!s.emails.length) return [];
  return db
    .select({
      id: ideas.id,
      call: ideaCalls.title,
      title: ideas.title,
      name: ideas.submitterName,
      email: ideas.submitterEmail,
      organisation: ideas.organisationText,
      stage: ideas.stage,
      consentAt: ideas.consentAt,
      submittedAt: ideas.submittedAt,
      decisionId: ideas.decisionId,
    })
    .from(ideas)
    .innerJoin(ideaCalls, eq(ideaCalls.id, ideas.callId))
    .where(inArray(sql`lower(${ideas.submitterEmail})`, s.emails));
}

export async function personalDataFor(db: Db, s: PersonalDataSubject): Promise<HeldData[]> {
  const rows = await submitted(db, s);
  return [
    {
      category: "idea_submitters",
      ids: rows.map((i) => i.id),
      records: rows.map((i) => ({
        Utlysning: i.call,
        Idé: i.title,
        Namn: i.name,
        "E-post": i.email,
        Organisation: i.organisation,
        Skede: i.stage,
        "Samtycke lämnat": isoOrNull(i.consentAt),
        Inlämnad: i.submittedAt.toISOString(),
      })),
    },
  ];
}

export async function erasureImpactFor(db: Db | Tx, s: PersonalDataSubject): Promise<ErasureImpactItem[]> {
  const rows = await submitted(db, s);
  const granted = rows.filter((i) => i.decisionId);
  const other = rows.length - granted.length;
  const items: ErasureImpactItem[] = [];
  if (other)
    items.push({
      category: "idea_submitters",
      action: "anonymise",
      count: other,
      description: "Inlämnade idéer: inlämnarens namn och e-post tas bort; idéns innehåll finns kvar.",
      rule: null,
    });
  for (const i of granted)
    items.push({
      category: "idea_submitters",
      action: "keep",
      count: 1,
      description: `Beviljad idé ”${i.title}” (${i.call}): inlämnarens namn finns kvar, e-postadressen tas bort.`,
      rule: KEEP_RULE,
    });
  return items;
}

export async function eraseFor(tx: Tx, s: PersonalDataSubject, _ctx: ErasureContext) {
  for (const i of await submitted(tx, s)) {
    await tx
      .update(ideas)
      .set({
        ...(i.decisionId ? {} : { submitterName: null }),
        submitterEmail: null,
        consentAt: null,
        tokenHash: null,
        updatedAt: new Date(),
      })
      .where(eq(ideas.id, i.id));
  }
}
