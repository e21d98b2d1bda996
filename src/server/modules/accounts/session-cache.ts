import pg from "pg";
import type { Db } from "../../db/client.ts";
import { resolveSession } from "./accounts.service.ts";

type Resolved = NonNullable<Awaited<ReturnType<typeof resolveSession>>>;

/**
 * Sessions resolved for reads, kept in this process's memory (issue 14, goal 1; decision 014).
 *
 * Every authenticated request used to resolve its cookie in the database: on a detail page that was a
 * third of the database's work per request and one of its two round trips. Here a GET, HEAD or OPTIONS
 * reuses a session resolved before, while the process is sure nothing about it has changed:
 * - it listens on the channel `samspel_sessions`, which a trigger on sessions, users and role_assignments
 *   notifies at every commit that changes them (migration 0036), from any process; each notification
 *   forgets every kept session;
 * - a lookup that overlapped a notification is not kept (the epoch moved while it ran);
 * - without a live listening connection nothing is kept (lost connection: forget all, reconnect);
 * - a kept session ends when the session expires and at the latest after `maxAgeMs`.
 * Writes (POST, PUT, PATCH, DELETE) always resolve in the database, so every change is authorised against
 * the session as it is committed. A read in another process may see a revoked session for the moment the
 * notification takes to arrive (PostgreSQL sends it at the revoking commit).
 * PostgreSQL only: the embedded database serves one process and has no second connection to listen on.
 */
export class SessionCache {
  private readonly kept = new Map<string, { resolved: Resolved; until: number }>();
  private epoch = 0;
  private listener: pg.Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly limits = { maxEntries: 10_000, maxAgeMs: 60_000 },
  ) {}

  /** Connects the listening client; the cache keeps nothing until it listens. */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on("notification", () => this.forgetAll());
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query("listen samspel_sessions");
    } catch (error) {
      this.lost(client);
      await client.end().catch(() => {});
      throw error;
    }
    if (this.closed) {
      await client.end();
      return;
    }
    this.forgetAll(); // anything kept before (there is nothing) could have missed a notification
    this.listener = client;
  }

  /** Whether sessions are being kept (a listening connection is up). */
  get listening(): boolean {
    return this.listener !== null;
  }

  get size(): number {
    return this.kept.size;
  }

  forgetAll(): void {
    this.epoch++;
    this.kept.clear();
  }

  /** The session of a read request: kept, or resolved in the database and kept when that was safe. */
  async resolve(db: Db, token: string): Promise<Resolved | null> {
    if (!this.listener) return resolveSession(db, token);
    const now = Date.now();
    const hit = this.kept.get(token);
    if (hit && hit.until > now) return hit.resolved;
    if (hit) this.kept.delete(token);
    const epoch = this.epoch;
    const resolved = await resolveSession(db, token);
    if (resolved && epoch === this.epoch && this.listener) {
      if (this.kept.size >= this.limits.maxEntries) this.kept.delete(this.kept.keys().next().value as string);
      const until = Math.min(resolved.expiresAt.getTime(), Date.now() + this.limits.maxAgeMs);
      this.kept.set(token, { resolved, until });
    }
    return resolved;
  }

  private lost(client: pg.Client): void {
    if (this.listener !== client && this.listener !== null) return;
    this.listener = null;
    this.forgetAll();
    if (this.closed || this.retry) return;
    // Listening again after a second; until then every request asks the database.
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.closed) this.start().catch(() => {});
    }, 1000);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.listener;
    this.listener = null;
    this.forgetAll();
    await client?.end().catch(() => {});
  }
}

/**
 * How the app resolves session cookies: through a SessionCache on PostgreSQL when `keep` is on, else in the
 * database every time. The cache starts listening in the background; until it listens it keeps nothing.
 */
export async function sessionResolver(database: { db: Db; kind: string; url?: string }, keep: boolean) {
  const cache =
    keep && database.kind === "postgresql" && database.url ? new SessionCache(database.url) : null;
  if (cache) {
    try {
      await cache.start();
    } catch (error) {
      console.warn(`Sessioner hålls inte i minnet än (${(error as Error).message}); försöker igen`);
    }
  }
  return {
    cache,
    resolve: (db: Db, token: string, write: boolean) =>
      cache && !write ? cache.resolve(db, token) : resolveSession(db, token),
    close: async () => {
      await cache?.close();
    },
  };
}
