import { index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/platform.schema.ts";

/** A person's account at an identity provider (a SAML IdP or an OpenID Connect provider), linked to a user. */
export const userIdentities = pgTable(
  "user_identities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** "saml:<idp>" or "oidc:<provider>", the configured id. */
    provider: text("provider").notNull(),
    /** eduPersonUniqueID / eduPersonPrincipalName (SAML) or `sub` (OIDC): stable at that provider. */
    subject: text("subject").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The attributes or claims of the last sign-in (mail, displayName, affiliation, …). */
    attributes: jsonb("attributes").notNull().$type<Record<string, unknown>>().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("user_identities_provider_subject").on(t.provider, t.subject), index().on(t.userId)],
);

/**
 * Short-lived, single-use values of the sign-in flows, each keyed by a SHA-256 or a prefixed id:
 * an OIDC state (its PKCE verifier and nonce), a SAML AuthnRequest id (InResponseTo), a SAML assertion id
 * seen (a replay is refused until the assertion expires), a handoff code from the ACS to the same-site
 * redirect that sets the session cookie. In the database, so any process of several answers the next step.
 */
export const identityFlows = pgTable(
  "identity_flows",
  {
    key: text("key").primaryKey(),
    kind: text("kind").notNull(),
    provider: text("provider").notNull(),
    data: jsonb("data").notNull().$type<Record<string, unknown>>().default({}),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.expiresAt)],
);
