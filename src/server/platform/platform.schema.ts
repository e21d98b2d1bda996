import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Stored lower-cased; login compares lower-cased input. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash"),
  locale: text("locale").notNull().default("sv"),
  active: boolean("active").notNull().default(true),
  /** Link to the people register, set by the registers module. */
  personId: uuid("person_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** The account's version for ETag/If-Match (active flag, roles); moved by platform/etag.ts. */
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  /** Set by an administrator: this user signs in only with an e-mail link, never a password. */
  emailLinkOnly: boolean("email_link_only").notNull().default(false),
  /** Base32 TOTP secret (RFC 6238), set once the user confirmed enrolment with a code. */
  totpSecret: text("totp_secret"),
  totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
  /** The last accepted TOTP time step: a code of that step or an earlier one is refused (no replay). */
  totpLastStep: bigint("totp_last_step", { mode: "number" }),
});

/** A role, optionally limited to one organisation or programme (scopeType + scopeId). */
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    scopeType: text("scope_type"),
    scopeId: uuid("scope_id"),
  },
  (t) => [index("role_assignments_user_idx").on(t.userId)],
);

export const sessions = pgTable("sessions", {
  /** SHA-256 of the cookie token: a leaked table does not leak usable sessions. */
  id: text("id").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  csrfToken: text("csrf_token").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

export const invitations = pgTable("invitations", {
  id: uuid("id").primaryKey().defaultRandom(),
  tokenHash: text("token_hash").notNull().unique(),
  email: text("email").notNull(),
  name: text("name").notNull(),
  roles: jsonb("roles")
    .notNull()
    .$type<{ role: string; scopeType: string | null; scopeId: string | null }[]>(),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/**
 * Login attempts, counted per account (`account:<e-mail>`) and per source (`source:<address>`).
 * A login first claims an attempt here with one atomic upsert and checks the password only if the
 * claim is within the limit, so parallel guesses never check more than the limit. Reaching the limit
 * locks the key for a delay that doubles with every lock-out (`lockouts`); a successful login clears
 * the account's row. Rows untouched for a day start over.
 */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  attempts: integer("attempts").notNull().default(0),
  lockouts: integer("lockouts").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One-time links mailed to the owner of a locked account: with one the owner logs in despite the
 * lock (a stranger can slow an account's guessing, but not keep its owner out). Stored hashed.
 */
export const loginUnlocks = pgTable("login_unlocks", {
  id: uuid("id").primaryKey().defaultRandom(),
  tokenHash: text("token_hash").notNull().unique(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    /** The personal API token the change was made through (accounts/api-tokens.ts), if any. */
    apiTokenId: uuid("api_token_id"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_idx").on(t.actorId),
  ],
);

/** Small key/value facts about the installation, e.g. when the demo data was loaded. */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * The durable scheduler's tasks (platform/scheduler.ts): one row a named task. A process runs a task
 * only after claiming it with one atomic UPDATE (due, and not locked or its lock expired), so several
 * app processes on one database run it once; `next_run_at` survives restarts, and a run whose process
 * died is taken over when `locked_until` has passed.
 */
export const scheduledTasks = pgTable("scheduled_tasks", {
  name: text("name").primaryKey(),
  nextRunAt: timestamp("next_run_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  /** Which scheduler instance holds the lock, so a run that lost it does not overwrite the next one's state. */
  lockedBy: text("locked_by"),
  lastStartedAt: timestamp("last_started_at", { withTimezone: true }),
  lastFinishedAt: timestamp("last_finished_at", { withTimezone: true }),
  /** running | ok | failed */
  lastStatus: text("last_status"),
  lastError: text("last_error"),
});

/**
 * Fixed-window request counters shared by every app process (platform/rate-limit.ts): the public
 * routes' per-address limits. One atomic upsert per request counts it and starts a new window when the
 * old one has passed; rows of long-past windows are deleted now and then.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull().defaultNow(),
  count: integer("count").notNull().default(0),
});

/**
 * The durable job queue (platform/jobs.ts): background work as rows, claimed by any app process with
 * `select … for update skip locked` and held by a lease (`locked_by`, `locked_until`) the worker renews
 * while it runs. A job whose process died is claimed again when its lease has run out and run anew from
 * its stored `payload` (cleared when the job ends: it may hold personal data).
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Which handler runs it, e.g. `transfer.import`. */
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull(),
    /** queued | running | done | failed */
    status: text("status").notNull().default("queued"),
    progress: jsonb("progress"),
    /** Claims so far; a job claimed `max_attempts` times without finishing is failed. */
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(3),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    lockedBy: text("locked_by"),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    result: jsonb("result"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("jobs_due_idx").on(t.status, t.runAfter)],
);
