import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadDemoData } from "../../demo/index.ts";
import { openDatabase } from "../../src/server/db/client.ts";
import { e2eWebRoot } from "./web-root.ts";

/**
 * What the journeys need before the first one starts: the SPA built into dist/e2e-web and a PGlite data
 * directory with the demo data loaded. The global set-up makes them; `npm test` (scripts/test.mjs) has them
 * made beside the integration tests, at low priority, by running this file: `tsx e2e/support/prepare.ts <file>`.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * `vite build` as `npm run build` runs it, in its own process: it builds for production (Vitest sets NODE_ENV to
 * "test" here) and uses the second core while this one loads the demo data. Skipped when dist/e2e-web was built
 * from the same sources (the fingerprint `npm start` keeps for dist/web: src/web, src/common, the Vite config,
 * the locked dependencies), so the demo data has both cores.
 */
export async function buildWeb() {
  const stamp = path.join(e2eWebRoot, ".source-fingerprint");
  const print = webFingerprint();
  const built = existsSync(path.join(e2eWebRoot, "index.html")) && existsSync(stamp);
  if (built && readFileSync(stamp, "utf8") === print) return;
  const env = { ...process.env };
  delete env.NODE_ENV;
  const vite = path.join(root, "node_modules/.bin/vite");
  const args = ["build", "--logLevel", "warn", "--outDir", e2eWebRoot, "--emptyOutDir"];
  await new Promise<void>((resolve, reject) => {
    execFile(vite, args, { cwd: root, env }, (error, stdout, stderr) => {
      if (stdout || stderr) process.stderr.write(stdout + stderr);
      if (error) reject(new Error(`vite build failed: ${error.message}`));
      else resolve();
    });
  });
  writeFileSync(stamp, print);
}

/**
 * sha256 over the paths and contents of what the web bundle is made of, as scripts/build-if-changed.mjs
 * takes it for dist/web, and of this file (the build's arguments).
 */
function webFingerprint() {
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? filesUnder(full) : [full];
      });
  const inputs = [
    ...filesUnder(path.join(root, "src/web")),
    ...filesUnder(path.join(root, "src/common")),
    ...["vite.config.ts", "package-lock.json"].map((file) => path.join(root, file)),
    fileURLToPath(import.meta.url),
  ];
  const hash = createHash("sha256");
  for (const file of inputs) hash.update(path.relative(root, file)).update("\0").update(readFileSync(file));
  return hash.digest("hex");
}

export async function demoSnapshot(file: string) {
  // In memory, from the migrated-schema template when there is one (db/client.ts): no initdb and migrations.
  const database = await openDatabase({ kind: "pglite" });
  const { client } = database;
  if (!client) throw new Error("an embedded database has a client");
  await loadDemoData(database.db);
  // A checkpoint first: without one the dump's control file points back to before the demo data, and every
  // journey file's PostgreSQL replayed the whole load from the write-ahead log when it started.
  await client.exec("checkpoint");
  const dump = await client.dumpDataDir("none");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: tsx e2e/support/prepare.ts <snapshot file>");
  await Promise.all([buildWeb(), demoSnapshot(file)]);
}
