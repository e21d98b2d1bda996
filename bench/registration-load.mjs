/**
 * The load generator of bench/events.ts, in a worker thread of its own: the registrations' clients then take
 * the other core, as wrk does for the request-path bench, instead of sharing the app's event loop (where the
 * clients' own work was counted as the app's latency). Plain JavaScript: a worker does not inherit tsx.
 *
 * Input (workerData): { url, eventId, total, connections, prefix }. Output (posted once): { latencies, outcomes,
 * elapsed, lastConfirmed } — each loop sends its next registration when its last is answered.
 */
import { parentPort, workerData } from "node:worker_threads";

const { url, eventId, total, connections, prefix } = workerData;

async function post(i) {
  const res = await fetch(`${url}/api/public/events/${eventId}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name: `Deltagare ${prefix}${i}`,
      email: `deltagare${prefix}${i}@bench.example.se`,
    }),
  });
  if (res.status !== 201) {
    await res.arrayBuffer();
    return `failed ${res.status}`;
  }
  return (await res.json()).status;
}

const latencies = [];
const outcomes = {};
let lastConfirmed = 0;
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      const outcome = await post(i);
      const t1 = performance.now();
      latencies.push(t1 - t0);
      if (outcome === "confirmed") lastConfirmed = t1 - started;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  }),
);
parentPort.postMessage({ latencies, outcomes, elapsed: performance.now() - started, lastConfirmed });
