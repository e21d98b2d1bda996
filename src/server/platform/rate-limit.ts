import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.ts";
import { batchConcurrent } from "./batch-concurrent.ts";

/**
 * Request limits counted in the database (`rate_limits`, platform.schema.ts), so that several app
 * processes behind a load balancer share one count per address: with counters in each process's
 * memory, N processes would let N times the limit through. PGlite (one process) runs the same code.
 *
 * A fixed window per key: one atomic upsert counts the request and, when the stored window has
 * passed, starts a new one at 1. Parallel requests each see their own count (the row lock orders
 * them), whichever process they reach. Time is the database's clock, so processes agree.
 */
export interface RateLimitHit {
  /** Requests in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  ttlMs: number;
}

/** Rows of windows that ended this long ago are deleted (now and then, by a request that counts). */
const STALE_AFTER = "1 day";
/** About one request in this many also clears stale rows. */
const CLEANUP_EVERY = 500;

export function hitRateLimit(db: Db, key: string, windowMs: number): Promise<RateLimitHit> {
  return countedTogether(db, `${windowMs}:${key}`, { key, windowMs });
}

/**
 * The requests for one key that arrive while its count is being written are counted together, in one upsert
 * that adds them all (platform/batch-concurrent.ts): each statement on the key's row waits for the commit of
 * the one before, so a rush from one address (a school behind one router) queued for the row one commit at a
 * time. Each request still gets its own count, in the order they arrived.
 */
const countedTogether = batchConcurrent<Db, { key: string; windowMs: number }, RateLimitHit>(
  async (db, _, hits) => {
    const { key, windowMs } = hits[0];
    const n = hits.length;
    const window = sql`${windowMs}::double precision * interval '1 millisecond'`;
    const [row] = await queryRows<{ count: number; ttl_ms: number }>(
      db,
      sql`insert into rate_limits as r (key, window_start, count) values (${key}, now(), ${n}::int)
          on conflict (key) do update set
            window_start = case when r.window_start + ${window} <= now() then now() else r.window_start end,
            count = case when r.window_start + ${window} <= now() then ${n}::int else r.count + ${n}::int end
          returning count,
            greatest(0, ceil(extract(epoch from (window_start + ${window} - now())) * 1000))::int as ttl_ms`,
    );
    if (Math.random() * CLEANUP_EVERY < n) {
      await db
        .execute(sql`delete from rate_limits where window_start < now() - ${STALE_AFTER}::interval`)
        .catch(() => undefined);
    }
    const last = Number(row.count);
    return hits.map((_, i) => ({ count: last - (n - 1 - i), ttlMs: Number(row.ttl_ms) }));
  },
);

/** Forgets a key's count (tests; an operator lifting a limit). */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

interface RouteParams {
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A store for @fastify/rate-limit (`store:` option) that keeps the counts in `rate_limits`. The plugin
 * makes one child per route; each child prefixes its keys with the route, as the local store keeps one
 * map per route. Only the fixed window is supported (no `continueExceeding`, no exponential back-off:
 * Samspel's routes use neither).
 */
export function databaseRateLimitStore(db: Db) {
  return class DatabaseRateLimitStore {
    constructor(
      _params?: unknown,
      private readonly prefix = "route:",
    ) {}

    incr(key: string, callback: IncrCallback, timeWindow: number): void {
      hitRateLimit(db, `${this.prefix}${key}`, timeWindow).then(
        (hit) => callback(null, { current: hit.count, ttl: hit.ttlMs }),
        (error: Error) => callback(error),
      );
    }

    // The plugin passes the route's merged rate-limit parameters, with the route under `routeInfo`.
    child(params: object) {
      const route = (params as RouteParams).routeInfo;
      const method = [route?.method ?? ""].flat().join(",");
      return new DatabaseRateLimitStore(params, `${this.prefix}${method} ${route?.url ?? ""}:`);
    }
  };
}
