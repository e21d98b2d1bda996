import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * One full garbage collection, now: for the moment after a one-time load (the demo data on the first start),
 * whose garbage — and the closed embedded database's WebAssembly memory — V8 would otherwise keep until it needs
 * the room, which a quiet server never does. Measured on the first start with the demo (PGlite): 515 MB resident at
 * healthy without it, 349–405 MB with it (issue 14, goal 5). Not for the request path: a full collection stops it.
 */
export function collectGarbageNow(): void {
  // `gc` exists only with --expose-gc; set now, it is exposed to a new context (node's own start is not changed).
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/**
 * V8's heap policy for a small installation: collect sooner, keep the heap near what is live. Used with the
 * embedded database, where Samspel is one process on a small machine and memory is what runs out; with
 * PostgreSQL the default policy keeps its throughput (the registrations). Measured on the demo data directory,
 * 30 000 requests (half /api/health, half a signed-in 50-row list), RSS a second after each 10 000: 329, 365,
 * 390, 415 MB by default — V8's old space filling up to its next full collection — and 257, 262, 262, 267 MB
 * with it; the list's throughput 1 480–1 500 → 1 390–1 400 req/s (wrk, 20 connections), 500 public
 * registrations 170 → 122 confirmed/s (p99 318 → 460 ms; on PostgreSQL it would cost 389 → 263/s, hence PGlite
 * only). Set at run time: `npm start` runs the server inside its own Node process (scripts/start.mjs), so there is
 * no command line to put it on; V8 reads it at every collection.
 * `SAMSPEL_MEMORY=speed` keeps V8's default.
 */
export function favourMemoryOverSpeed(): void {
  setFlagsFromString("--optimize-for-size");
}
