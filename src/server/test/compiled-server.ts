import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");

/**
 * The server as `npm start` runs it — compiled by scripts/build-if-changed.mjs — for the tests that start real
 * processes, built into a directory of the calling test's own (`dist/server-test-<name>`: two test files may
 * build at once) and only when the sources changed. Each start through tsx compiled the whole server again:
 * ~2.5 s of CPU a process. Returns the entry to run with `node`.
 */
export function compiledServer(name: string): string {
  const outDir = path.join(root, "dist", `server-test-${name}`);
  execFileSync(process.execPath, ["scripts/build-if-changed.mjs", "server", `--server-out=${outDir}`], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return path.join(outDir, "main.js");
}
