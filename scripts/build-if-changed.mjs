/**
 * Builds the web app and the server only when their sources changed since the last build (issue 14 item 7).
 * Plain JavaScript so that `npm start` needs no TypeScript loader before the server runs compiled code.
 *
 * Each build keeps a fingerprint (sha256 over the paths and contents of what it is made of, the locked
 * dependencies and this file) beside its output; an unchanged checkout skips the build in a few
 * milliseconds. `npm run build` passes --force.
 *
 *   node scripts/build-if-changed.mjs [web] [server] [--force] [--web-out=dir] [--server-out=dir]
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const at = (p) => path.join(root, p);

function filesUnder(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}

function fingerprint(inputs) {
  const hash = createHash("sha256");
  for (const file of inputs) hash.update(path.relative(root, file)).update("\0").update(readFileSync(file));
  return hash.digest("hex");
}

const shared = () => [at("package-lock.json"), fileURLToPath(import.meta.url)];

/** What the web bundle is made of: src/web, src/common, the Vite config and the locked dependencies. */
export const webInputs = () => [
  ...filesUnder(at("src/web")),
  ...filesUnder(at("src/common")),
  at("vite.config.ts"),
  ...shared(),
];

/** What the server bundle is made of: the server, the shared code, the demo data and the migrations. */
export const serverInputs = () => [
  ...filesUnder(at("src/server")).filter((f) => !f.endsWith(".test.ts")),
  ...filesUnder(at("src/common")),
  ...filesUnder(at("demo")).filter((f) => !f.endsWith(".test.ts")),
  ...shared(),
];

/** Runs `build` unless `stampDir` holds the fingerprint of `inputs` (and `output` exists); resolves to true when it built. */
async function buildIfChanged({ label, inputs, stampDir, output, build, force }) {
  const stamp = path.join(stampDir, ".source-fingerprint");
  const print = fingerprint(inputs);
  const built = existsSync(output) && existsSync(stamp);
  if (!force && built && readFileSync(stamp, "utf8") === print) {
    console.log(`${label} är oförändrad sedan förra bygget (${path.relative(root, stampDir)}).`);
    return false;
  }
  await build();
  writeFileSync(stamp, print);
  return true;
}

/** The web app into outDir (dist/web by default; e2e builds elsewhere) with Vite. */
export function buildWeb({ outDir = at("dist/web"), force = false } = {}) {
  return buildIfChanged({
    label: "Webbappen",
    inputs: webInputs(),
    stampDir: outDir,
    output: path.join(outDir, "index.html"),
    force,
    build: async () =>
      execFileSync(
        process.execPath,
        [at("node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn", "--outDir", outDir],
        { cwd: root, stdio: "inherit" },
      ),
  });
}

/**
 * The server into outDir (dist/server by default; the tests that start real processes build their own) with
 * esbuild: one ESM bundle per entry point (main, backup), packages left as imports of node_modules, with a
 * source map, and the SQL migrations beside it (client.ts reads them from `migrations` next to the bundle) and the
 * worker threads' entries (a worker loads its own file: qr-images.ts starts events/qr-png.mjs by that name).
 */
export function buildServer({ outDir = at("dist/server"), force = false } = {}) {
  return buildIfChanged({
    label: "Servern",
    inputs: serverInputs(),
    stampDir: outDir,
    output: path.join(outDir, "main.js"),
    force,
    build: async () => {
      const esbuild = await import("esbuild");
      await esbuild.build({
        absWorkingDir: root,
        entryPoints: ["src/server/main.ts", "src/server/backup.ts"],
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        packages: "external",
        sourcemap: true,
        logLevel: "warning",
        outdir: outDir,
      });
      rmSync(path.join(outDir, "migrations"), { recursive: true, force: true });
      cpSync(at("src/server/db/migrations"), path.join(outDir, "migrations"), { recursive: true });
      cpSync(at("src/server/modules/events/qr-png.mjs"), path.join(outDir, "qr-png.mjs"));
    },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const webOut = args.find((a) => a.startsWith("--web-out="))?.slice("--web-out=".length);
  const serverOut = args.find((a) => a.startsWith("--server-out="))?.slice("--server-out=".length);
  const targets = args.filter((a) => !a.startsWith("--"));
  if (targets.length === 0 || targets.includes("web"))
    await buildWeb({ outDir: webOut ? path.resolve(webOut) : undefined, force });
  if (targets.length === 0 || targets.includes("server"))
    await buildServer({ outDir: serverOut ? path.resolve(serverOut) : undefined, force });
}
