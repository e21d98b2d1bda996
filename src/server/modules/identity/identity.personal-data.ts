import { eq } from "drizzle-orm";
import type { ErasureImpactItem } from "../../../common/privacy.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { HeldData, PersonalDataSubject } from "../../platform/personal-data.ts";
import { userIdentities } from "./identity.schema.ts";

/**
 * Sign-in identities (SAML and OpenID Connect) in a register extract and an erasure (issue 20): the
 * provider, the identifier it gives the person and the attributes of the last sign-in belong to the
 * account (category `users`). An erasure removes the links, so the next sign-in at that provider makes
 * a new account without roles instead of reopening the erased one.
 */
export async function personalDataFor(db: Db, s: PersonalDataSubject): Promise<HeldData[]> {
  if (!s.userId) return [];
  const rows = await db.select().from(userIdentities).where(eq(userIdentities.userId, s.userId));
  if (!rows.length) return [];
  return [
    {
      category: "users",
      ids: rows.map((r) => r.id),
      records: rows.map((r) => ({
        Inloggningstjänst: r.provider,
        Identifierare: r.subject,
        "Uppgifter vid senaste inloggning": JSON.stringify(r.attributes),
        "Senast inloggad": r.lastSignInAt.toISOString(),
      })),
    },
  ];
}

export async function erasureImpactFor(db: Db | Tx, s: PersonalDataSubject): Promise<ErasureImpactItem[]> {
  if (!s.userId) return [];
  const rows = await db
    .select({ id: userIdentities.id })
    .from(userIdentities)
    .where(eq(userIdentities.userId, s.userId));
  if (!rows.length) return [];
  return [
    {
      category: "users",
      action: "remove",
      count: rows.length,
      description:
        "Kopplingar till inloggning via lärosätets eller organisationens inloggningstjänst tas bort.",
      rule: null,
    },
  ];
}

export async function eraseFor(tx: Tx, s: PersonalDataSubject) {
  if (s.userId) await tx.delete(userIdentities).where(eq(userIdentities.userId, s.userId));
}
