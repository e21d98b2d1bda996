import { and, eq, sql } from "drizzle-orm";
import type { ErasureImpactItem } from "../../../common/privacy.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { ErasureContext, HeldData, PersonalDataSubject } from "../../platform/personal-data.ts";
import { agreementParties, agreements } from "./agreements.schema.ts";

/**
 * A person named as a party's contact in an agreement (issue 20). A signed agreement (active or
 * ended) is a public record kept by the archive rules; a draft loses the name.
 */

const RULE = "Undertecknat avtal: allmän handling som bevaras (arkivlagen 1990:782).";

async function named(db: Db | Tx, s: PersonalDataSubject) {
  const name = s.name?.trim();
  if (!name) return [];
  return db
    .select({
      agreementId: agreements.id,
      organisationId: agreementParties.organisationId,
      title: agreements.title,
      status: agreements.status,
      registryNumber: agreements.registryNumber,
    })
    .from(agreementParties)
    .innerJoin(agreements, eq(agreements.id, agreementParties.agreementId))
    .where(sql`lower(${agreementParties.contactName}) = lower(${name})`);
}

export async function personalDataFor(db: Db, s: PersonalDataSubject): Promise<HeldData[]> {
  const rows = await named(db, s);
  return [
    {
      category: "memberships",
      ids: [],
      records: rows.map((a) => ({
        "Kontaktperson i avtal": a.title,
        Diarienummer: a.registryNumber,
        Status: a.status,
      })),
    },
  ];
}

export async function erasureImpactFor(db: Db | Tx, s: PersonalDataSubject): Promise<ErasureImpactItem[]> {
  const rows = await named(db, s);
  const drafts = rows.filter((a) => a.status === "draft");
  const items: ErasureImpactItem[] = rows
    .filter((a) => a.status !== "draft")
    .map((a) => ({
      category: "memberships",
      action: "keep" as const,
      count: 1,
      description: `Avtal ”${a.title}”${a.registryNumber ? ` (${a.registryNumber})` : ""}: personen är kontaktperson.`,
      rule: RULE,
    }));
  if (drafts.length)
    items.push({
      category: "memberships",
      action: "remove",
      count: drafts.length,
      description: "Kontaktperson i avtalsutkast tas bort.",
      rule: null,
    });
  return items;
}

export async function keepsName(db: Db | Tx, s: PersonalDataSubject): Promise<boolean> {
  return (await named(db, s)).some((a) => a.status !== "draft");
}

export async function eraseFor(tx: Tx, s: PersonalDataSubject, _ctx: ErasureContext) {
  for (const a of await named(tx, s))
    if (a.status === "draft")
      await tx
        .update(agreementParties)
        .set({ contactName: null })
        .where(
          and(
            eq(agreementParties.agreementId, a.agreementId),
            eq(agreementParties.organisationId, a.organisationId),
          ),
        );
}
