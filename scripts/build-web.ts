/**
 * Builds the web app only when its sources changed since the last build (issue 14 item 7): `npm start` on an
 * unchanged checkout goes straight to the server instead of spending ~30 s in Vite. The fingerprint covers
 * what the bundle is made of: src/web, src/common, the Vite config and the locked dependencies.
 *
 * `tsx scripts/build-web.ts [outDir]` — outDir defaults to dist/web (vite.config.ts); e2e builds elsewhere.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.resolve(root, process.argv[2] ?? "dist/web");
const stamp = path.join(outDir, ".source-fingerprint");

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}

export function sourceFingerprint() {
  const hash = createHash("sha256");
  const inputs = [
    ...filesUnder(path.join(root, "src/web")),
    ...filesUnder(path.join(root, "src/common")),
    path.join(root, "vite.config.ts"),
    path.join(root, "package-lock.json"),
  ];
  for (const file of inputs) hash.update(path.relative(root, file)).update("\0").update(readFileSync(file));
  return hash.digest("hex");
}

const fingerprint = sourceFingerprint();
const built = existsSync(path.join(outDir, "index.html")) && existsSync(stamp);
if (built && readFileSync(stamp, "utf8") === fingerprint) {
  console.log(`Webbappen är oförändrad sedan förra bygget (${path.relative(root, outDir)}).`);
} else {
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn", "--outDir", outDir],
    { cwd: root, stdio: "inherit" },
  );
  writeFileSync(stamp, fingerprint);
}
