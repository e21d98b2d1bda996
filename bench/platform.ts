import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Fastify from "fastify";
import pg from "pg";
import { loadDemoData } from "../demo/index.ts";
import { buildApp } from "../src/server/app.ts";
import { openDatabase } from "../src/server/db/client.ts";

const root = path.resolve(import.meta.dirname, "..");
/** The command `npm start` runs (package.json), spawned the same way: through a shell. */
const startCommand = (
  JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }
).scripts.start;

interface Running {
  child: ChildProcess;
  url: string;
  /** Wall time from spawning to the first 200 from /api/health. */
  healthyMs: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** Spawns `npm start`'s command with `exec` (the shell becomes the server: its pid is the server's). */
async function start(dataDir: string, env: Record<string, string> = {}): Promise<Running> {
  const port = 40_000 + Math.floor(Math.random() * 10_000);
  const started = performance.now();
  const child = spawn("sh", ["-c", `exec ${startCommand}`], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      SAMSPEL_LOG: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    out += chunk;
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    out += chunk;
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const stop = async () => {
    child.kill("SIGTERM");
    await exited;
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${out}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const healthyMs = performance.now() - started;
  // The "Start:" line comes with the "lyssnar på" line, right after listening.
  while (!out.includes("Start:")) await new Promise((r) => setTimeout(r, 10));
  return { child, url: `http://127.0.0.1:${port}`, healthyMs, output: () => out, stop };
}

const rssMb = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024);
const startLine = (output: string) => /Start: (.*)/.exec(output)?.[1] ?? "?";

/** Signs in as the demo coordinator (the installation's demo password is printed at start). */
async function signIn(server: Running) {
  const password = /Demoinloggning: \S+ \/ (\S+)/.exec(server.output())![1];
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "samordnare@demo.samspel.se", password }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status}`);
  return res.headers.get("set-cookie")!.split(";")[0];
}

/**
 * RSS after start, then after each 10 000 requests (half GET /api/health, half a signed-in list of
 * organisations), measured a second after each batch.
 */
async function memory(server: Running, cookie: string, rounds: number) {
  const pid = server.child.pid!;
  await new Promise((r) => setTimeout(r, 1000));
  const figures = [`${rssMb(pid)} MB after start`];
  let errors = 0;
  for (let round = 1; round <= rounds; round++) {
    for (const [route, headers] of [
      ["/api/health", {}],
      ["/api/organisations?limit=50", { cookie }],
    ] as const) {
      const result = await autocannon({
        url: `${server.url}${route}`,
        connections: 10,
        amount: 5_000,
        headers,
      });
      errors += result.errors + result.non2xx;
    }
    await new Promise((r) => setTimeout(r, 1000));
    figures.push(`${rssMb(pid)} MB after ${(round * 10_000).toLocaleString("sv-SE")} requests`);
  }
  return `${figures.join(", ")} (errors ${errors})`;
}

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: 20, duration: 5, headers });
  return `${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}`;
}

export async function benchPlatform(): Promise<string[]> {
  const lines: string[] = [`command: ${startCommand} (npm start; builds skipped when unchanged)`];
  const dir = mkdtempSync(path.join(tmpdir(), "samspel-bench-"));
  try {
    const empty = await start(dir);
    lines.push(
      `PGlite, empty data dir (migrations + demo data) to healthy: ${Math.round(empty.healthyMs)} ms (goal ≤ 20 000 ms) — ${startLine(empty.output())}`,
    );
    await new Promise((r) => setTimeout(r, 1000));
    lines.push(
      `PGlite RSS after that first start with the demo: ${rssMb(empty.child.pid!)} MB (goal ≤ 400 MB)`,
    );
    await empty.stop();
    const existing = await start(dir);
    lines.push(
      `PGlite, existing data dir to healthy: ${Math.round(existing.healthyMs)} ms (goal ≤ 3 000 ms) — ${startLine(existing.output())}`,
    );
    lines.push(`PGlite RSS (goal ≤ 400 MB, flat): ${await memory(existing, await signIn(existing), 2)}`);
    await existing.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  lines.push(...(await postgresql()));

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

/** The same start and memory figures on PostgreSQL (a database of its own, dropped after), for comparison. */
async function postgresql(): Promise<string[]> {
  const server = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `samspel_bench_platform_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  try {
    await admin.connect();
  } catch (error) {
    return [`PostgreSQL (${server}) not reachable, skipped: ${(error as Error).message}`];
  }
  const dir = mkdtempSync(path.join(tmpdir(), "samspel-bench-pg-"));
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString() };
    const empty = await start(dir, env);
    await empty.stop();
    const existing = await start(dir, env);
    const lines = [
      `PostgreSQL, empty database to healthy: ${Math.round(empty.healthyMs)} ms, existing: ${Math.round(existing.healthyMs)} ms — ${startLine(existing.output())}`,
      `PostgreSQL RSS (for comparison): ${await memory(existing, await signIn(existing), 1)}`,
    ];
    await existing.stop();
    return lines;
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
