import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { createServer, type Server } from "node:net";
import { hostname } from "node:os";
import path from "node:path";

/**
 * PGlite is one connection and does not fsync: two processes on one data directory silently lose
 * acknowledged writes, so exactly one process may own a data directory.
 *
 * - On Linux the owner holds an abstract Unix socket named after the directory. The kernel lets one
 *   process bind it and frees it when that process dies, kill -9 included: ownership is atomic and
 *   never stale. Every takeover of the lock file happens while holding it.
 * - The lock file `samspel.lock` records who owns the directory: pid, the process's start time
 *   (clock ticks since boot) and the boot id, so a pid that now belongs to another process, or one from
 *   before a reboot, is recognised as stale. It also serves platforms without abstract sockets and
 *   processes that cannot see each other's sockets (another network namespace on a shared volume).
 *   There a stale lock is replaced under a short-lived `samspel.lock.takeover` directory (mkdir is
 *   atomic), and the file is checked again before it is replaced. `socket: false` uses only the file
 *   (the tests exercise that path too).
 */
export async function lockDataDir(dataDir: string, options: { socket?: boolean } = {}): Promise<() => void> {
  mkdirSync(dataDir, { recursive: true });
  const dir = realpathSync(dataDir);
  const lockPath = path.join(dir, "samspel.lock");
  const socket = options.socket === false ? null : await holdSocketLock(dir);
  if (socket === "taken") throw new DataDirLockedError(dir, await liveOwner(lockPath));
  try {
    const mine = takeLockFile(lockPath, socket !== null);
    return () => {
      try {
        if (readFileSync(lockPath, "utf8") === mine) rmSync(lockPath, { force: true });
      } catch {
        // already gone
      }
      socket?.close();
    };
  } catch (error) {
    socket?.close();
    throw error;
  }
}

export interface LockOwner {
  pid: number;
  /** Start time of the process in clock ticks since boot (Linux `/proc/<pid>/stat`, field 22). */
  startTicks?: string;
  bootId?: string;
  host?: string;
  startedAt?: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner | null,
  ) {
    const who = owner
      ? `pid ${owner.pid}${owner.host ? ` på ${owner.host}` : ""}${owner.startedAt ? `, startad ${owner.startedAt}` : ""}`
      : "som håller på att starta";
    super(
      `Datakatalogen ${dataDir} används redan av en annan Samspel-process ${owner ? `(${who})` : who}. ` +
        "Den inbäddade databasen tål bara en process åt gången: stoppa den andra processen, välj en annan DATA_DIR, " +
        "eller använd PostgreSQL via DATABASE_URL för flera processer.",
    );
  }
}

/** The abstract socket lock (Linux); null where abstract sockets are not available. */
async function holdSocketLock(dir: string): Promise<Server | "taken" | null> {
  if (process.platform !== "linux") return null;
  const name = `\0samspel-data-dir-${createHash("sha256").update(dir).digest("hex").slice(0, 40)}`;
  const server = createServer();
  return new Promise((resolve) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      resolve(error.code === "EADDRINUSE" ? "taken" : null),
    );
    server.listen({ path: name, exclusive: true }, () => {
      server.unref();
      resolve(server);
    });
  });
}

/** Creates the lock file, or replaces a stale one; throws DataDirLockedError while its owner lives. */
function takeLockFile(lockPath: string, serialised: boolean): string {
  const mine = JSON.stringify(ownRecord());
  for (let attempt = 0; attempt < 200; attempt++) {
    if (createExclusively(lockPath, mine)) return mine;
    const seen = readRaw(lockPath);
    if (seen === null) continue; // removed meanwhile: try to create it again
    const owner = parseOwner(seen);
    if (owner && isLive(owner, lockPath)) throw new DataDirLockedError(path.dirname(lockPath), owner);
    if (serialised) {
      replaceAtomically(lockPath, mine);
      return mine;
    }
    if (replaceUnderTakeover(lockPath, seen, mine)) return mine;
    sleep(10 + Math.random() * 20);
  }
  throw new DataDirLockedError(path.dirname(lockPath), readOwner(lockPath));
}

/**
 * Creates the file with its whole content or not at all: written aside, then hard-linked into place
 * (link fails if the name exists), so no one ever reads a half-written lock. False if it exists.
 */
function createExclusively(lockPath: string, content: string): boolean {
  const temp = `${lockPath}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temp, content);
  try {
    linkSync(temp, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    // A file system without hard links: exclusive create, then the content.
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, content);
      closeSync(fd);
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw inner;
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Replaces the stale file only if it is still the one judged stale, holding the takeover directory. */
function replaceUnderTakeover(lockPath: string, seen: string, mine: string): boolean {
  const takeover = `${lockPath}.takeover`;
  try {
    mkdirSync(takeover);
  } catch {
    // Someone else is taking over; a takeover left behind by a crash is cleared after ten seconds.
    try {
      if (Date.now() - statSync(takeover).mtimeMs > 10_000) rmdirSync(takeover);
    } catch {
      // gone already
    }
    return false;
  }
  try {
    if (readRaw(lockPath) !== seen) return false;
    replaceAtomically(lockPath, mine);
    return true;
  } finally {
    rmdirSync(takeover);
  }
}

function replaceAtomically(lockPath: string, content: string) {
  const temp = `${lockPath}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temp, content);
  renameSync(temp, lockPath);
}

function readRaw(lockPath: string): string | null {
  try {
    return readFileSync(lockPath, "utf8");
  } catch {
    return null;
  }
}

/**
 * The owner to name when the socket is taken: it may still be writing its record over a stale one,
 * so wait a moment for a record whose process runs; null if none appears.
 */
async function liveOwner(lockPath: string): Promise<LockOwner | null> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const owner = readOwner(lockPath);
    if (owner && isLive(owner, lockPath)) return owner;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return null;
}

function readOwner(lockPath: string): LockOwner | null {
  const raw = readRaw(lockPath);
  return raw === null ? null : parseOwner(raw);
}

/** The JSON record, or the bare pid an older version wrote. */
function parseOwner(raw: string): LockOwner | null {
  try {
    const parsed = JSON.parse(raw);
    if (typeof parsed === "number" && Number.isSafeInteger(parsed) && parsed > 0) return { pid: parsed };
    if (parsed && Number.isSafeInteger(parsed.pid) && parsed.pid > 0) return parsed as LockOwner;
  } catch {
    // unreadable: half-written by a process killed while writing, hence stale
  }
  return null;
}

function ownRecord(): LockOwner {
  return {
    pid: process.pid,
    startTicks: startTicksOf(process.pid) ?? undefined,
    bootId: bootId() ?? undefined,
    host: hostname(),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
  };
}

/** Whether the process that wrote the lock still runs (not merely a process with the same pid). */
function isLive(owner: LockOwner, lockPath: string): boolean {
  if (owner.host && owner.host !== hostname()) return true; // another machine: cannot tell, assume it runs
  if (!pidExists(owner.pid)) return false;
  const currentBoot = bootId();
  if (owner.bootId && currentBoot && owner.bootId !== currentBoot) return false; // written before a reboot
  const ticks = startTicksOf(owner.pid);
  if (ticks === null) return true;
  if (owner.startTicks) return owner.startTicks === ticks; // same pid, other start: the pid was reused
  // A bare pid from an older version: the process is not the owner if it started after the file was written.
  const started = processStartMs(ticks);
  if (started === null) return true;
  try {
    return started <= statSync(lockPath).mtimeMs + 1000;
  } catch {
    return false;
  }
}

function pidExists(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function startTicksOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) in parentheses; starttime is field 22.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function bootId(): string | null {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    return null;
  }
}

/** Wall-clock start of a process from its start ticks (USER_HZ is 100 on Linux). */
function processStartMs(ticks: string): number | null {
  try {
    const btime = /^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"));
    return btime ? Number(btime[1]) * 1000 + Number(ticks) * 10 : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
