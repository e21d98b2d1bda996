import { createHash } from "node:crypto";
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createGunzip } from "node:zlib";
import type { PGlite } from "@electric-sql/pglite";

/**
 * The schema template: a dump of a PGlite database right after initdb, `pg_trgm` and every migration, with no
 * rows of Samspel's own (the migrations insert none; drizzle's journal of applied migrations is in it, so later
 * upgrades run on from there). Kept under node_modules/.cache, the installation's own files (not the shared
 * temporary directory, where another local user could plant one). Its name is a hash of everything that shapes
 * it — PGlite's version, the start parameters, the migrations' journal and SQL — so a new migration or PGlite
 * makes a new one (the first new database after the change pays initdb once more and writes it).
 * `SAMSPEL_PGLITE_TEMPLATE=0` turns it off.
 */
export function schemaTemplateFile(startParams: string[]): string | null {
  try {
    const file = schemaTemplatePath(startParams);
    return file && existsSync(file) ? file : null;
  } catch {
    return null; // unreadable: initdb as without one
  }
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

function schemaTemplatePath(startParams: string[]): string | null {
  if (process.env.SAMSPEL_PGLITE_TEMPLATE === "0") return null;
  let dir = migrationsFolder;
  while (!existsSync(path.join(dir, "node_modules"))) {
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  const hash = createHash("sha256");
  const pgliteEntry = createRequire(import.meta.url).resolve("@electric-sql/pglite"); // …/pglite/dist/index.cjs
  const pgliteVersion = JSON.parse(
    readFileSync(path.join(path.dirname(pgliteEntry), "../package.json"), "utf8"),
  ).version;
  hash.update(`${pgliteVersion}\0${startParams.join(" ")}\0pg_trgm\0`);
  const journal = readFileSync(path.join(migrationsFolder, "meta/_journal.json"));
  hash.update(journal);
  for (const entry of JSON.parse(journal.toString()).entries as { tag: string }[])
    hash.update(readFileSync(path.join(migrationsFolder, `${entry.tag}.sql`)));
  return path.join(
    dir,
    "node_modules/.cache/samspel",
    `pglite-schema-${hash.digest("hex").slice(0, 16)}.tar.gz`,
  );
}

/** The template for PGlite's own loader (`loadDataDir`): a database in memory, or when unpacking failed. */
export function readSchemaTemplate(file: string): Blob | null {
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    return null;
  }
}

/** Best effort: a failure leaves no template (the next new database makes one), never a half-written one. */
export async function writeSchemaTemplate(client: PGlite, startParams: string[]) {
  try {
    const file = schemaTemplatePath(startParams);
    if (!file) return;
    const dump = Buffer.from(await (await client.dumpDataDir("gzip")).arrayBuffer());
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, dump);
    renameSync(partial, file);
  } catch (error) {
    console.warn(`PGlite: schemamallen kunde inte sparas (${(error as Error).message})`);
  }
}

/**
 * Writes the template's files into a new data directory on disk, a stream chunk at a time, so that PGlite opens
 * it as an existing database. Why not PGlite's `loadDataDir`: it inflates the 47 MB archive into one buffer and
 * slices every file out of it — ~100 MB of short-lived buffers whose freed memory the C allocator kept resident
 * (heaptrack on the first start with the demo; the first start's RSS 390–443 MB with it, 343–354 MB with the
 * files written beforehand). The files are unpacked beside the data directory and moved into place, so an
 * interrupted start leaves no half-made database. `false` (with a warning) when that fails: the caller then
 * lets PGlite load the template.
 */
export async function unpackSchemaTemplate(file: string, dataDir: string): Promise<boolean> {
  removeAbandonedStaging(dataDir);
  const staging = `${dataDir}.${process.pid}.unpacking`;
  try {
    await extractTarGz(file, staging);
    if (existsSync(dataDir)) rmdirSync(dataDir); // empty (the caller checked); a mount point refuses: fall back
    renameSync(staging, dataDir);
    return true;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    console.warn(`PGlite: schemamallen kunde inte packas upp (${(error as Error).message})`);
    return false;
  }
}

/**
 * What a start killed while unpacking left beside the data directory (~47 MB each). The caller holds the data
 * directory's lock (main.ts), so no other process is unpacking into it now.
 */
function removeAbandonedStaging(dataDir: string) {
  const parent = path.dirname(path.resolve(dataDir));
  const base = path.basename(dataDir);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    const pid =
      name.startsWith(`${base}.`) && name.endsWith(".unpacking") ? name.slice(base.length + 1, -10) : "";
    if (/^\d+$/.test(pid)) rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

const BLOCK = 512;

/**
 * Unpacks a gzipped tar archive of directories and regular files (what PGlite's dump holds) under `dir`. Anything
 * else — links, extended headers, a bad header checksum, a name outside `dir` — is an error, not a guess.
 */
export async function extractTarGz(file: string, dir: string): Promise<void> {
  const root = path.resolve(dir);
  mkdirSync(root, { recursive: true });
  let header: Buffer = Buffer.alloc(0); // a header's first bytes, when a chunk ended inside it
  let fd: number | null = null;
  let body = 0; // bytes of the current file still to write
  let padding = 0; // bytes after it, up to the next block
  let ended = false;
  try {
    await pipeline(createReadStream(file), createGunzip(), async (source: AsyncIterable<Buffer>) => {
      for await (let chunk of source as AsyncIterable<Buffer>) {
        while (chunk.length > 0 && !ended) {
          if (body > 0 || padding > 0) {
            const n = Math.min(body + padding, chunk.length);
            const write = Math.min(body, n);
            if (write > 0 && fd !== null) writeSync(fd, chunk, 0, write);
            body -= write;
            padding -= n - write;
            chunk = chunk.subarray(n);
            if (body === 0 && fd !== null) fd = closeFile(fd);
            continue;
          }
          const take = BLOCK - header.length;
          const block =
            header.length === 0 && chunk.length >= BLOCK
              ? chunk.subarray(0, BLOCK)
              : Buffer.concat([header, chunk.subarray(0, take)]);
          chunk = chunk.subarray(Math.min(take, chunk.length));
          if (block.length < BLOCK) {
            header = block;
            continue;
          }
          header = Buffer.alloc(0);
          const entry = readHeader(block);
          if (!entry) {
            ended = true; // the first of the two zero blocks that end an archive
            break;
          }
          const target = path.resolve(root, entry.name.replace(/^\/+/, ""));
          if (target !== root && !target.startsWith(root + path.sep))
            throw new Error(`${entry.name}: utanför målkatalogen`);
          if (entry.type === "5") {
            mkdirSync(target, { recursive: true });
            continue;
          }
          if (entry.type !== "0" && entry.type !== "\0")
            throw new Error(`${entry.name}: posttypen ${JSON.stringify(entry.type)} stöds inte`);
          mkdirSync(path.dirname(target), { recursive: true });
          fd = openSync(target, "w", entry.mode);
          body = entry.size;
          padding = (BLOCK - (entry.size % BLOCK)) % BLOCK;
          if (body === 0) fd = closeFile(fd);
        }
      }
    });
    if (!ended || body > 0) throw new Error("arkivet tar slut mitt i en post");
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function closeFile(fd: number): null {
  closeSync(fd);
  return null;
}

interface TarEntry {
  name: string;
  type: string;
  size: number;
  mode: number;
}

/** A ustar header, or null for a zero block. */
function readHeader(block: Buffer): TarEntry | null {
  if (block.every((byte) => byte === 0)) return null;
  const text = (start: number, length: number) =>
    block.toString("latin1", start, start + length).replace(/\0.*$/s, "");
  const octal = (start: number, length: number) => Number.parseInt(text(start, length).trim() || "0", 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
  if (sum !== octal(148, 8)) throw new Error("felaktig kontrollsumma i arkivet");
  const prefix = text(257, 5) === "ustar" ? text(345, 155) : "";
  const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100);
  return {
    name,
    type: block.toString("latin1", 156, 157),
    size: octal(124, 12),
    mode: (octal(100, 8) & 0o777) | 0o600,
  };
}
