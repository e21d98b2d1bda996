import { createHash } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { identityFlows } from "./identity.schema.ts";

/** Secrets (states, handoff codes) are stored only as their SHA-256: a read table leaks no usable value. */
export const sha256 = (value: string) => createHash("sha256").update(value).digest("base64url");

export type FlowKind = "oidc-state" | "saml-request" | "saml-assertion" | "handoff";

/** Stores a value for `seconds`; false when the key is already there (a replayed assertion id). */
export async function putOnce(
  db: Db | Tx,
  kind: FlowKind,
  key: string,
  provider: string,
  data: Record<string, unknown>,
  expiresAt: Date,
): Promise<boolean> {
  // Expired rows are dropped on the way, so the table stays as small as the sign-ins in flight.
  await db.delete(identityFlows).where(lt(identityFlows.expiresAt, new Date()));
  const inserted = await db
    .insert(identityFlows)
    .values({ key: `${kind}:${key}`, kind, provider, data, expiresAt })
    .onConflictDoNothing()
    .returning({ key: identityFlows.key });
  return inserted.length === 1;
}

/** Takes a value out, once: of two requests with the same key only one gets it. */
export async function takeOnce(db: Db | Tx, kind: FlowKind, key: string, provider: string) {
  const [row] = await db
    .delete(identityFlows)
    .where(
      and(
        eq(identityFlows.key, `${kind}:${key}`),
        eq(identityFlows.provider, provider),
        gt(identityFlows.expiresAt, new Date()),
      ),
    )
    .returning();
  return row?.data ?? null;
}

/** Reads a value without spending it. */
export async function peek(db: Db | Tx, kind: FlowKind, key: string) {
  const [row] = await db
    .select()
    .from(identityFlows)
    .where(and(eq(identityFlows.key, `${kind}:${key}`), gt(identityFlows.expiresAt, new Date())));
  return row ?? null;
}
