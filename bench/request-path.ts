import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

/**
 * Issue 14, goal 1 (the request path): Samspel's figures beside their ceilings, measured in one run.
 * Every server is a child process pinned to core 0 (`taskset`), wrk runs on core 1 with 20 connections:
 * - node:http answering a constant body (the ceiling of /api/health);
 * - a thin node:http + pg handler with the same main query as Samspel's route: the session lookup,
 *   the organisation by id with its parent, the 50-row list in name order (bench/request-path.server.ts);
 * - Samspel itself (`src/server/main.ts`, as in production, request log included, written to /dev/null) on
 *   PostgreSQL (its own database, created and dropped here) and on PGlite (a temporary data dir), with the
 *   demo data. A preload (bench/request-path.count.ts) counts the SQL statements each request sends.
 * `BENCH_SECONDS` sets the length of each load (5 s); each is preceded by a 2 s warm-up.
 */
const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const admin = "postgres://postgres@127.0.0.1:5432";
const login = { email: "samordnare@demo.samspel.se", password: "samspel-demo-2026" };

interface Load {
  rps: number;
  p50: string;
  p99: string;
  errors: number;
}

async function wrk(url: string, headers: Record<string, string> = {}, duration = seconds): Promise<Load> {
  const args = ["-c", "1", "/usr/bin/wrk", "-t1", "-c20", `-d${duration}s`, "--latency"];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}: ${value}`);
  const { stdout } = await run("taskset", [...args, url], { maxBuffer: 1 << 20 });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? 0);
  const latency = (p: string) => new RegExp(`^\\s+${p}%\\s+(\\S+)`, "m").exec(stdout);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const errors = non2xx + (socket ? socket.slice(1).reduce((s, n) => s + Number(n), 0) : 0);
  return { rps, p50: latency("50")?.[1] ?? "?", p99: latency("99")?.[1] ?? "?", errors };
}

async function measure(url: string, headers: Record<string, string> = {}) {
  await wrk(url, headers, 2);
  return wrk(url, headers);
}

/** Every child started, so that a failed start-up stops the others too. */
const spawned: ChildProcess[] = [];
const freePort = () => 40_000 + Math.floor(Math.random() * 20_000);

interface Child {
  url: string;
  process: ChildProcess;
}

/** Starts a node child, waits for `probe` to answer 200 and pins it to core 0. */
async function start(
  args: string[],
  env: Record<string, string>,
  probe: string,
  port: number,
): Promise<Child> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  spawned.push(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 1_800_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${args.join(" ")} did not start`);
    try {
      if ((await fetch(`${url}${probe}`)).ok) {
        // Pinned once it is up (all its threads), so start-up and the demo data may use both cores.
        execFileSync("taskset", ["-a", "-cp", "0", String(child.pid)], { stdio: "ignore" });
        return { url, process: child };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startSamspel(env: Record<string, string>) {
  const port = freePort();
  return start(
    ["--import", "./bench/request-path.count.ts", "src/server/main.ts"],
    {
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      SAMSPEL_DEMO: "1",
      SAMSPEL_DEMO_PASSWORD: login.password,
    },
    "/api/health",
    port,
  );
}

async function stop(child: Child | undefined) {
  if (!child || child.process.exitCode !== null) return;
  await new Promise((resolve) => {
    child.process.on("exit", resolve);
    child.process.kill("SIGTERM");
  });
}

async function signIn(url: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(login),
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  return res.headers.get("set-cookie")!.split(";")[0];
}

function statementCount(child: Child): Promise<number> {
  return new Promise((resolve) => {
    child.process.once("message", (m) => resolve((m as { count: number }).count));
    child.process.send("count");
  });
}

/** SQL statements one request sends: the fewest over three requests (background tasks only add). */
async function statementsPer(child: Child, url: string, cookie: string) {
  let fewest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const before = await statementCount(child);
    const res = await fetch(url, { headers: { cookie } });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    await res.arrayBuffer();
    fewest = Math.min(fewest, (await statementCount(child)) - before);
  }
  return fewest;
}

/**
 * The demo organisations whose detail pages link the most records (the heaviest detail page) and the
 * median number (a typical one).
 */
async function detailPages(url: string, cookie: string) {
  const list = (await (
    await fetch(`${url}/api/organisations?limit=100`, { headers: { cookie } })
  ).json()) as {
    items: { id: string; name: string }[];
  };
  const pages: { name: string; links: number }[] = [];
  for (const org of list.items) {
    const detail = (await (
      await fetch(`${url}/api/organisations/${org.id}`, { headers: { cookie } })
    ).json()) as Record<string, unknown>;
    const links = Object.values(detail)
      .filter(Array.isArray)
      .reduce((n, a) => n + (a as unknown[]).length, 0);
    pages.push({ name: org.name, links });
  }
  pages.sort((a, b) => a.links - b.links || a.name.localeCompare(b.name));
  return { heaviest: pages[pages.length - 1], typical: pages[Math.floor(pages.length / 2)] };
}

async function idByName(url: string, cookie: string, name: string) {
  const list = (await (
    await fetch(`${url}/api/organisations?limit=100`, { headers: { cookie } })
  ).json()) as {
    items: { id: string; name: string }[];
  };
  return list.items.find((o) => o.name === name)!.id;
}

const fmt = (l: Load) =>
  `${Math.round(l.rps)} req/s (p50 ${l.p50}, p99 ${l.p99}${l.errors ? `, ${l.errors} errors` : ""})`;

export async function benchRequestPath(): Promise<string[]> {
  const lines: string[] = [];
  const dbName = `samspel_bench_reqpath_${process.pid}`;
  const adminPool = new pg.Pool({ connectionString: `${admin}/postgres`, max: 1 });
  await adminPool.query(`create database ${dbName}`);
  const databaseUrl = `${admin}/${dbName}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "samspel-reqpath-"));
  const children: (Child | undefined)[] = [];
  try {
    const [onPg, onPglite] = await Promise.all([
      startSamspel({ DATABASE_URL: databaseUrl }),
      startSamspel({ DATA_DIR: dataDir, DATABASE_URL: "" }),
    ]);
    children.push(onPg, onPglite);
    const helloPort = freePort();
    const hello = await start(
      ["bench/request-path.server.ts", "hello", String(helloPort)],
      {},
      "/",
      helloPort,
    );
    children.push(hello);
    const thinPort = freePort();
    const thin = await start(
      ["bench/request-path.server.ts", "thin", String(thinPort), databaseUrl],
      {},
      "/list",
      thinPort,
    );
    children.push(thin);

    const pgCookie = await signIn(onPg.url);
    const pgliteCookie = await signIn(onPglite.url);
    const { heaviest, typical } = await detailPages(onPg.url, pgCookie);
    const pgOrg = await idByName(onPg.url, pgCookie, heaviest.name);
    const pgTypical = await idByName(onPg.url, pgCookie, typical.name);
    const pgliteOrg = await idByName(onPglite.url, pgliteCookie, heaviest.name);
    const listPath = "/api/organisations?limit=50";
    const pgH = { cookie: pgCookie };
    const pgliteH = { cookie: pgliteCookie };

    const statements = {
      me: await statementsPer(onPg, `${onPg.url}/api/auth/me`, pgCookie),
      list: await statementsPer(onPg, `${onPg.url}${listPath}`, pgCookie),
      detail: await statementsPer(onPg, `${onPg.url}/api/organisations/${pgOrg}`, pgCookie),
      pgliteDetail: await statementsPer(
        onPglite,
        `${onPglite.url}/api/organisations/${pgliteOrg}`,
        pgliteCookie,
      ),
    };

    // Each figure right after its ceiling, so a pair shares the machine's state.
    const thinSession = await measure(`${thin.url}/session`, pgH);
    const me = await measure(`${onPg.url}/api/auth/me`, pgH);
    const thinList = await measure(`${thin.url}/list`);
    const list = await measure(`${onPg.url}${listPath}`, pgH);
    const thinOrg = await measure(`${thin.url}/org/${pgOrg}`);
    const detail = await measure(`${onPg.url}/api/organisations/${pgOrg}`, pgH);
    const thinTypical = await measure(`${thin.url}/org/${pgTypical}`);
    const typicalDetail = await measure(`${onPg.url}/api/organisations/${pgTypical}`, pgH);
    const pgliteList = await measure(`${onPglite.url}${listPath}`, pgliteH);
    const pgliteDetail = await measure(`${onPglite.url}/api/organisations/${pgliteOrg}`, pgliteH);
    const pgliteMe = await measure(`${onPglite.url}/api/auth/me`, pgliteH);
    const helloLoad = await measure(`${hello.url}/`);
    const health = await measure(`${onPglite.url}/api/health`);
    const pgHealth = await measure(`${onPg.url}/api/health`);

    const rows: [string, Load, string, Load, number | null][] = [
      ["/api/auth/me, PostgreSQL", me, "thin session lookup", thinSession, 0.7],
      ["organisation list, 50 rows, PostgreSQL", list, "thin 50-row list", thinList, 0.5],
      [`organisation detail, the heaviest, PostgreSQL`, detail, "thin organisation by id", thinOrg, 0.25],
      [
        `organisation detail, a typical one, PostgreSQL`,
        typicalDetail,
        "thin organisation by id",
        thinTypical,
        0.25,
      ],
      ["organisation list, 50 rows, PGlite", pgliteList, "the same list on PostgreSQL", list, 0.5],
      ["organisation detail, PGlite", pgliteDetail, "the same detail on PostgreSQL", detail, null],
      ["/api/auth/me, PGlite", pgliteMe, "the same on PostgreSQL", me, null],
      ["/api/health, PGlite", health, "node:http hello", helloLoad, null],
      ["/api/health, PostgreSQL", pgHealth, "node:http hello", helloLoad, null],
    ];
    lines.push(
      `wrk -t1 -c20 -d${seconds}s on core 1, every server on core 0; detail pages: the heaviest "${heaviest.name}" (${heaviest.links} linked records), a typical one (the median) "${typical.name}" (${typical.links})`,
    );
    for (const [figure, load, ceilingName, ceiling, goal] of rows) {
      const ratio = load.rps / ceiling.rps;
      const verdict = goal === null ? "" : ` — goal ≥ ${goal}: ${ratio >= goal ? "met" : "NOT met"}`;
      lines.push(`${figure}: ${fmt(load)}`);
      lines.push(`    ceiling ${ceilingName}: ${fmt(ceiling)} → ratio ${ratio.toFixed(2)}${verdict}`);
    }
    lines.push(
      `SQL statements per request: /api/auth/me ${statements.me}, 50-row list ${statements.list}, detail ${statements.detail} (PostgreSQL), detail ${statements.pgliteDetail} (PGlite)`,
    );
  } finally {
    for (const child of children) await stop(child);
    for (const child of spawned) if (child.exitCode === null) await stop({ url: "", process: child });
    rmSync(dataDir, { recursive: true, force: true });
    await adminPool.query(`drop database if exists ${dbName} with (force)`);
    await adminPool.end();
  }
  return lines;
}
