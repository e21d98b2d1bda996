import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Fastify from "fastify";
import { loadDemoData } from "../demo/index.ts";
import { buildApp } from "../src/server/app.ts";
import { openDatabase } from "../src/server/db/client.ts";

/** Time from spawning `tsx src/server/main.ts` to the first 200 from /api/health. */
async function startupMs(dataDir: string, env: Record<string, string> = {}) {
  const port = 40_000 + Math.floor(Math.random() * 10_000);
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      SAMSPEL_LOG: "0",
      ...env,
    },
    stdio: "ignore",
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await new Promise((resolve) => {
      child.on("exit", resolve);
      child.kill("SIGTERM");
    });
  }
}

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: 20, duration: 5, headers });
  return `${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}`;
}

export async function benchPlatform(): Promise<string[]> {
  const lines: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "samspel-bench-"));
  try {
    const empty = await startupMs(dir);
    const existing = await startupMs(dir);
    lines.push(
      `start-up to healthy /api/health, empty data dir (migrations + demo data): ${Math.round(empty)} ms`,
    );
    lines.push(`start-up to healthy /api/health, existing data dir: ${Math.round(existing)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The ceiling: a bare Fastify handler in the same process and run.
  const bare = Fastify();
  bare.get("/bare", async () => ({ status: "ok" }));
  const bareUrl = await bare.listen({ port: 0, host: "127.0.0.1" });

  const database = await openDatabase({ kind: "pglite" });
  await loadDemoData(database.db);
  const app = await buildApp({ database, webRoot: null, config: { loginRateLimit: 1_000_000 } });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    // A coordinator: an administrator's password alone opens no session (the TOTP second step).
    body: JSON.stringify({ email: "samordnare@demo.samspel.se", password: "samspel-demo-2026" }),
  });
  const cookie = login.headers.get("set-cookie")!.split(";")[0];

  lines.push(`bare Fastify handler (ceiling):        ${await load(`${bareUrl}/bare`)}`);
  lines.push(`GET /api/health (PGlite round trip):   ${await load(`${url}/api/health`)}`);
  lines.push(`GET /api/auth/me (session lookup):     ${await load(`${url}/api/auth/me`, { cookie })}`);
  await app.close();
  await bare.close();
  await database.close();
  return lines;
}
