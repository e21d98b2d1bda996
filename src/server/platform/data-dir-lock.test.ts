import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock.ts";

const ROUNDS = Number(process.env.LOCK_ROUNDS ?? 6);
const dirs: string[] = [];
const children: ChildProcess[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "samspel-lock-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Contender {
  child: ChildProcess;
  /** The n-th line the process wrote (0: "ready"). */
  line(n: number): Promise<string>;
  count(): number;
}

/**
 * The contender's code (data-dir-lock.child.ts and the lock it takes) compiled once to plain JavaScript: the test
 * starts some forty processes, and each paid ~0.7 s of CPU to compile TypeScript through tsx at its start.
 */
const contenderScript = path.join(freshDir(), "contender.mjs");
buildSync({
  entryPoints: [path.join(import.meta.dirname, "data-dir-lock.child.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: contenderScript,
  logLevel: "error",
});

/** A real process reaching for the lock on every "go" (data-dir-lock.child.ts). */
function contender(dir: string, mode: "socket" | "file"): Contender {
  const child = spawn(process.execPath, [contenderScript, dir, mode], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  children.push(child);
  const lines: string[] = [];
  let buffer = "";
  const waiters: Array<() => void> = [];
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    lines.push(...parts);
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    child,
    count: () => lines.length,
    line: (n) =>
      new Promise((resolve) => {
        const check = () => (lines.length > n ? resolve(lines[n]) : waiters.push(check));
        check();
      }),
  };
}

describe("DATA_DIR lock", () => {
  it("refuses a second owner while the first lives, naming it in Swedish, and frees the directory on release", async () => {
    const dir = freshDir();
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir, { socket: false })).rejects.toThrow(
      new RegExp(`används redan av en annan Samspel-process \\(pid ${process.pid} `),
    );
    release();
    const again = await lockDataDir(dir);
    again();
  });

  it("takes over a lock whose pid now belongs to another process, or whose owner is gone", async () => {
    const dir = freshDir();
    const lockPath = path.join(dir, "samspel.lock");
    // This test runner is alive, but it is not the process that wrote the lock (other start time).
    writeFileSync(
      lockPath,
      JSON.stringify({ pid: process.ppid, startTicks: "1", host: "x" }).replace(',"host":"x"', ""),
    );
    (await lockDataDir(dir, { socket: false }))();
    // An older version's bare pid, written before the process with that pid started.
    const sleeper = spawn("sleep", ["30"]);
    children.push(sleeper);
    await new Promise((r) => sleeper.once("spawn", r));
    writeFileSync(lockPath, String(sleeper.pid));
    utimesSync(lockPath, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    const release = await lockDataDir(dir);
    expect(JSON.parse(readFileSync(lockPath, "utf8")).pid).toBe(process.pid);
    release();
    // A pid that no longer exists, and a half-written file.
    writeFileSync(lockPath, "999999999");
    (await lockDataDir(dir, { socket: false }))();
    writeFileSync(lockPath, '{"pid":');
    (await lockDataDir(dir, { socket: false }))();
  });

  for (const mode of ["socket", "file"] as const) {
    it(`gives exactly one owner among 12 simultaneous starts, round after round of kill -9 (${mode})`, async () => {
      const dir = freshDir();
      // Twelve processes; in each round all of them reach for the lock at the same moment, then the
      // owner is killed with SIGKILL (leaving its lock behind) and replaced by a fresh process.
      const pool = Array.from({ length: 12 }, () => contender(dir, mode));
      await Promise.all(pool.map((c) => c.line(0)));
      for (let round = 0; round < ROUNDS; round++) {
        const asked = pool.map((c) => c.count());
        for (const c of pool) c.child.stdin?.write("go\n");
        const answers = await Promise.all(pool.map((c, i) => c.line(asked[i])));
        const owners = pool.filter((_, i) => answers[i] === "owner");
        expect(owners.length, `round ${round}:\n${answers.join("\n")}`).toBe(1);
        for (const answer of answers.filter((a) => a !== "owner"))
          expect(answer).toMatch(
            /^refused Datakatalogen .* används redan av en annan Samspel-process \(pid \d+/,
          );
        const exited = new Promise((resolve) => owners[0].child.once("exit", resolve));
        owners[0].child.kill("SIGKILL");
        await exited;
        const fresh = contender(dir, mode);
        await fresh.line(0);
        pool[pool.indexOf(owners[0])] = fresh;
      }
    }, 300_000);
  }

  it("is an Error carrying the owner", () => {
    const error = new DataDirLockedError("/d", { pid: 42 });
    expect(error.message).toContain("pid 42");
    expect(error.owner?.pid).toBe(42);
  });
});
