import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Db } from "../../db/client.ts";
import { onStatementNotification } from "../../db/pglite-statements.ts";
import { resolveSession } from "./accounts.service.ts";

type Resolved = NonNullable<Awaited<ReturnType<typeof resolveSession>>>;
const CHANNEL = "samspel_sessions";

/**
 * Where the notifications come from: `start` subscribes (calling `changed` for each, `lost` if the feed
 * breaks) and resolves to the way to stop.
 */
export interface ChangeFeed {
  start(changed: () => void, lost: () => void): Promise<() => Promise<void>>;
}

/** PostgreSQL: a connection of its own that LISTENs; any process's commit reaches it. */
export function serverFeed(url: string): ChangeFeed {
  return {
    async start(changed, lost) {
      const client = new pg.Client({ connectionString: url });
      client.on("notification", changed);
      client.on("error", lost);
      client.on("end", lost);
      try {
        await client.connect();
        await client.query(`listen ${CHANNEL}`);
      } catch (error) {
        await client.end().catch(() => {});
        throw error;
      }
      return async () => {
        client.removeListener("end", lost);
        client.removeListener("error", lost);
        await client.end().catch(() => {});
      };
    },
  };
}

/**
 * The embedded database: one process, so every change is made here; PGlite's own LISTEN for its queries
 * and transactions, and the statement cache's notifications for the statements it runs.
 */
export function embeddedFeed(client: PGlite): ChangeFeed {
  return {
    async start(changed) {
      const unlisten = await client.listen(CHANNEL, changed);
      const off = onStatementNotification(client, (channel) => {
        if (channel === CHANNEL) changed();
      });
      return async () => {
        off();
        await unlisten();
      };
    },
  };
}

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
 * - without a live subscription nothing is kept (a lost connection: forget all, listen again);
 * - a kept session ends when the session expires and at the latest after `maxAgeMs`.
 * Writes (POST, PUT, PATCH, DELETE) always resolve in the database, so every change is authorised against
 * the session as it is committed. A read in another process may see a revoked session for the moment the
 * notification takes to arrive (PostgreSQL sends it at the revoking commit). On the embedded database (one
 * process) the notification comes with the statement or commit that made the change (`embeddedFeed`).
 */
export class SessionCache {
  private readonly kept = new Map<string, { resolved: Resolved; until: number }>();
  private epoch = 0;
  /** The running subscription's stop (null: not listening, nothing is kept). */
  private stopFeed: (() => Promise<void>) | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private generation = 0;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly limits = { maxEntries: 10_000, maxAgeMs: 60_000 },
  ) {}

  /** Subscribes to the changes; the cache keeps nothing until it listens. */
  async start(): Promise<void> {
    const generation = ++this.generation;
    let stop: () => Promise<void>;
    try {
      stop = await this.feed.start(
        () => this.forgetAll(),
        () => this.lost(generation),
      );
    } catch (error) {
      this.lost(generation);
      throw error;
    }
    if (this.closed || generation !== this.generation) {
      await stop();
      return;
    }
    this.forgetAll(); // anything kept before could have missed a notification
    this.stopFeed = stop;
  }

  /** Whether sessions are being kept (a listening connection is up). */
  get listening(): boolean {
    return this.stopFeed !== null;
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
    if (!this.stopFeed) return resolveSession(db, token);
    const now = Date.now();
    const hit = this.kept.get(token);
    if (hit && hit.until > now) return hit.resolved;
    if (hit) this.kept.delete(token);
    const epoch = this.epoch;
    const resolved = await resolveSession(db, token);
    if (resolved && epoch === this.epoch && this.stopFeed !== null) {
      if (this.kept.size >= this.limits.maxEntries) this.kept.delete(this.kept.keys().next().value as string);
      const until = Math.min(resolved.expiresAt.getTime(), Date.now() + this.limits.maxAgeMs);
      this.kept.set(token, { resolved, until });
    }
    return resolved;
  }

  private lost(generation: number): void {
    if (generation !== this.generation) return;
    this.generation++; // the broken subscription's later calls are ignored
    const stop = this.stopFeed;
    this.stopFeed = null;
    this.forgetAll();
    void stop?.();
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
    this.generation++;
    if (this.retry) clearTimeout(this.retry);
    const stop = this.stopFeed;
    this.stopFeed = null;
    this.forgetAll();
    await stop?.();
  }
}

/**
 * How the app resolves session cookies: through a SessionCache when `keep` is on, else in the database every
 * time. The cache starts listening in the background; until it listens it keeps nothing.
 */
export async function sessionResolver(
  database: { db: Db; kind: string; url?: string; client?: PGlite },
  keep: boolean,
) {
  const feed = !keep
    ? null
    : database.url
      ? serverFeed(database.url)
      : database.client
        ? embeddedFeed(database.client)
        : null;
  const cache = feed ? new SessionCache(feed) : null;
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
