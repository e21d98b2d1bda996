import { randomBytes } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { RoleAssignment } from "../../../common/roles.ts";
import { type Db, queryRows } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize, type Policy } from "../../platform/authorize.ts";
import { AppError } from "../../platform/errors.ts";
import { hashToken } from "../../platform/tokens.ts";
import { apiTokens } from "./accounts.schema.ts";

/**
 * Personal API tokens: an integration (a CRM, a data warehouse) acts as its user without a browser.
 * A token is `smp_` + 32 random bytes in base64url: the prefix lets secret scanners and people see
 * what it is. Only its SHA-256 is stored, so a leaked table leaks no usable token.
 */

export const TOKEN_PREFIX = "smp_";
/** The exact shape of a token; anything else in `Authorization: Bearer` is refused as malformed. */
export const TOKEN_PATTERN = /^smp_[A-Za-z0-9_-]{43}$/;
export const newApiToken = () => `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;

/**
 * Anyone signed in manages their own tokens; a token cannot mint another (a stolen token must not
 * outlive its own expiry), but it may list and revoke (rotation from a script).
 */
export const apiTokenPolicy: Policy<"create" | "list" | "revoke", null> = {
  create: (actor) => !!actor && !actor.apiToken,
  list: (actor) => !!actor,
  revoke: (actor) => !!actor,
};

export interface CreateTokenInput {
  name: string;
  expiresInDays: number;
  readOnly?: boolean;
}

export async function createApiToken(db: Db, actor: Actor, input: CreateTokenInput) {
  authorize(actor, apiTokenPolicy, "create", null);
  const token = newApiToken();
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  const row = await writeWithAudit(db, actor, async (tx, audit) => {
    const [inserted] = await tx
      .insert(apiTokens)
      .values({
        userId: actor.userId,
        name: input.name,
        tokenHash: hashToken(token),
        readOnly: input.readOnly ?? false,
        expiresAt,
      })
      .returning();
    await audit({
      action: "api_token.create",
      entityType: "api_token",
      entityId: inserted.id,
      after: inserted,
    });
    return inserted;
  });
  return { id: row.id, token, expiresAt: row.expiresAt };
}

/** The actor's own tokens, newest first, revoked and expired ones included (with their state). */
export async function listApiTokens(db: Db, actor: Actor) {
  authorize(actor, apiTokenPolicy, "list", null);
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      readOnly: apiTokens.readOnly,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, actor.userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Revokes one of the actor's own tokens; another user's token is as unknown as a missing one (404). */
export async function revokeApiToken(db: Db, actor: Actor, id: string) {
  authorize(actor, apiTokenPolicy, "revoke", null);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const [row] = await tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId)))
      .for("update");
    if (!row) throw new AppError("notFound");
    if (row.revokedAt) return;
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id));
    await audit({ action: "api_token.revoke", entityType: "api_token", entityId: id, before: row });
  });
}

interface TokenRow {
  token_id: string;
  token_name: string;
  read_only: boolean;
  user_id: string;
  name: string;
  email: string;
  roles: RoleAssignment[];
  stale: boolean;
}

/**
 * The actor a bearer token stands for, with the user's current roles, or null when the token is
 * unknown, revoked, expired or its user inactive. Looked up on every request, so revocation takes
 * effect on the very next one. `last_used_at` moves at most once a minute.
 */
export async function resolveApiToken(db: Db, token: string): Promise<Actor | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [row] = await queryRows<TokenRow>(
    db,
    sql`
    select t.id as token_id, t.name as token_name, t.read_only, u.id as user_id, u.name, u.email,
      coalesce((select json_agg(json_build_object('role', r.role, 'scopeType', r.scope_type, 'scopeId', r.scope_id))
                from role_assignments r where r.user_id = u.id), '[]'::json) as roles,
      (t.last_used_at is null or t.last_used_at < now() - interval '1 minute') as stale
    from api_tokens t join users u on u.id = t.user_id
    where t.token_hash = ${hashToken(token)} and t.revoked_at is null and t.expires_at > now() and u.active`,
  );
  if (!row) return null;
  if (row.stale)
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.token_id));
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    roles: row.roles,
    apiToken: { id: row.token_id, name: row.token_name, readOnly: row.read_only },
  };
}
