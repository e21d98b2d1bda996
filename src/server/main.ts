import path from "node:path";

import { demoLoginFor, loadDemoData } from "../../demo/index.ts";
import { installationDemoPassword } from "../../demo/users.ts";
import { buildApp } from "./app.ts";
import { openDatabase } from "./db/client.ts";
import { ensureUser } from "./modules/accounts/index.ts";
import { ensureActivityTypes } from "./modules/activities/index.ts";
import { dietaryNeedsPurgeTask } from "./modules/events/index.ts";
import { identityConfigFromEnv } from "./modules/identity/index.ts";
import { startMailSender } from "./modules/mail/index.ts";
import { retentionTask } from "./modules/retention/index.ts";
import { systemActor } from "./platform/actor.ts";
import { DataDirLockedError, lockDataDir } from "./platform/data-dir-lock.ts";
import { pgliteMaintenanceTask } from "./platform/database-maintenance.ts";
import { collectGarbageNow, favourMemoryOverSpeed } from "./platform/memory.ts";
import { closePdfRenderer } from "./platform/pdf.ts";
import { Scheduler } from "./platform/scheduler.ts";

// Start-up phases (wall time, and CPU time of the whole process), printed on one line once listening:
// what an operator and bench/platform.ts read. The first phase runs from the process's start:
// loading the code (and, under `npm start`, checking the builds).
const phases: string[] = [];
let phaseStart = 0;
let cpuStart = 0;
const phase = (name: string) => {
  const now = performance.now();
  const { user, system } = process.cpuUsage();
  const cpu = (user + system) / 1000;
  phases.push(`${name} ${Math.round(now - phaseStart)} ms (cpu ${Math.round(cpu - cpuStart)} ms)`);
  phaseStart = now;
  cpuStart = cpu;
};
phase("moduler");

// Start-up order: configuration → lock → database (+ migrations) → demo data → admin → listen.
const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? "0.0.0.0";
const dataDir = path.resolve(env.DATA_DIR ?? "./data");
// Demo data by default for `npm start`; in production only when asked for explicitly.
const demo = env.SAMSPEL_DEMO === "1" || (env.SAMSPEL_DEMO !== "0" && env.NODE_ENV !== "production");
const trustProxy = (env.SAMSPEL_TRUST_PROXY ?? "")
  .split(",")
  .map((a) => a.trim())
  .filter(Boolean);
const publicUrl = env.SAMSPEL_PUBLIC_URL ?? `http://localhost:${port}`;

let releaseLock = () => {};
if (!env.DATABASE_URL) {
  try {
    releaseLock = await lockDataDir(dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const databaseOptions = env.DATABASE_URL
  ? ({ kind: "postgresql", url: env.DATABASE_URL } as const)
  : ({ kind: "pglite", dataDir: path.join(dataDir, "pgdata") } as const);
let database = await openDatabase(databaseOptions);
phase("databas");
// The activity type catalogue is configuration every installation needs, also an empty one.
await ensureActivityTypes(database.db);
// The demo users' password is this installation's own: generated once, kept in the database.
const demoPassword = demo ? await installationDemoPassword(database.db, env.SAMSPEL_DEMO_PASSWORD) : null;
if (demoPassword && (await loadDemoData(database.db, (m) => console.log(m), demoPassword))) {
  // Loading the demo grows PGlite's WebAssembly memory, which never shrinks (~100 MB more resident than a
  // start on the loaded data directory): reopening the database gives it back, once, after the first load,
  // with a full collection on either side (the old instance's memory and the load's garbage, platform/memory.ts).
  if (database.kind === "pglite") {
    await database.close();
    collectGarbageNow();
    database = await openDatabase(databaseOptions);
    collectGarbageNow();
  }
}
phase("demodata");
// After the one-time load, which runs faster with V8's default heap policy (its CPU time 7.0 s → 9.5 s without).
if (database.kind === "pglite" && env.SAMSPEL_MEMORY !== "speed") favourMemoryOverSpeed();
if (env.SAMSPEL_ADMIN_EMAIL && env.SAMSPEL_ADMIN_PASSWORD) {
  await ensureUser(database.db, systemActor, {
    email: env.SAMSPEL_ADMIN_EMAIL,
    name: "Administratör",
    password: env.SAMSPEL_ADMIN_PASSWORD,
    roles: [{ role: "admin", scopeType: null, scopeId: null }],
  });
}

// Background tasks on the durable scheduler (state in the database: once across processes, kept over
// restarts): dietary needs are health data, purged after each event every hour; retention runs daily.
const scheduler = new Scheduler(database.db).register(dietaryNeedsPurgeTask()).register(retentionTask());
// PostgreSQL's server vacuums and analyses by itself; the embedded database has no autovacuum.
if (database.kind === "pglite") scheduler.register(pgliteMaintenanceTask());
const stopScheduler = scheduler.start();
// The mail outbox: requests queue mail in their transactions; this delivers it and retries failures.
const stopMailSender = startMailSender(database.db);

const demoLogin = demoPassword && !env.SAMSPEL_ADMIN_EMAIL ? demoLoginFor(demoPassword) : null;
const app = await buildApp({
  database,
  logger: env.SAMSPEL_LOG !== "0",
  config: {
    publicUrl,
    demoLogin,
    secureCookies: publicUrl.startsWith("https:"),
    trustProxy,
    identity: identityConfigFromEnv(env, publicUrl),
  },
});
const address = await app.listen({ port, host });
phase("app");
// One write, so whoever waits for the "lyssnar på" line (an operator's script, main.test.ts) has the login too.
console.log(
  [
    `Samspel lyssnar på ${address} – öppna ${publicUrl} (databas: ${database.kind}, ${database.version})`,
    ...(demoLogin
      ? [
          `Demoinloggning: ${demoLogin.email} / ${demoLogin.password}`,
          "(samma lösenord för alla demoanvändare i demo/users.ts; skapat för den här installationen och sparat i databasen – det skrivs ut vid varje start och visas på inloggningssidan för en webbläsare på den här datorn)",
        ]
      : []),
    `Start: ${phases.join(", ")}`,
  ].join("\n"),
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stänger – väntar in pågående förfrågningar`);
  await app.close(); // stops accepting, lets requests in flight finish
  await stopScheduler(); // lets a task under way finish; an unfinished one is taken over after its lock
  await stopMailSender(); // lets the mail being sent finish; the rest stays queued for the next start
  await closePdfRenderer(); // the browser kept between PDF prints (platform/pdf.ts)
  await database.close(); // checkpoint + close
  releaseLock();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
