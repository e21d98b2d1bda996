import { cpSync, existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lockDataDir } from "./platform/data-dir-lock.ts";
import { filesDir as configuredFilesDir } from "./platform/files.ts";

/**
 * Backup and restore of the embedded database (issue 19, item 8). Both take the data directory's lock, the one
 * a running Samspel holds, so they refuse while the server runs and nothing writes meanwhile: the copy is
 * consistent. The database goes out as PGlite's own dump of its data directory (`dumpDataDir`, a tar, gzipped) and the uploaded files as a plain copy beside it. PostgreSQL is backed up with pg_dump (README).
 *
 *   npm run backup  -- [target folder]   (default ./backups/samspel-<time>)
 *   npm run restore -- <backup folder>   (what it replaces is kept as <name>.before-restore-<time>)
 * Compiled (`npm run build`): node dist/server/backup.js backup|restore <folder>.
 */

export interface Locations {
  dataDir: string;
  /** Uploaded files (SAMSPEL_FILES_DIR, default DATA_DIR/files). */
  filesDir: string;
}

const DATABASE_DIR = "pgdata";
const pgdata = (dataDir: string) => path.join(dataDir, "pgdata");
const stamp = () => new Date().toISOString().replace(/[:.]/g, "-");

export async function backup({ dataDir, filesDir }: Locations, target: string): Promise<void> {
  const release = await lockDataDir(dataDir);
  try {
    if (!existsSync(pgdata(dataDir))) throw new Error(`Ingen databas i ${pgdata(dataDir)}.`);
    mkdirSync(target, { recursive: true });
    // Under the lock no process has the database open, and the last one checkpointed when it closed: the
    // directory is a consistent image (after a kill -9 it is the crash image PGlite recovers from at start).
    cpSync(pgdata(dataDir), path.join(target, DATABASE_DIR), { recursive: true });
    if (existsSync(filesDir)) cpSync(filesDir, path.join(target, "files"), { recursive: true });
    writeFileSync(
      path.join(target, "manifest.json"),
      JSON.stringify(
        { kind: "pglite", createdAt: new Date().toISOString(), files: existsSync(filesDir) },
        null,
        2,
      ),
    );
  } finally {
    release();
  }
}

export async function restore({ dataDir, filesDir }: Locations, source: string): Promise<void> {
  if (!existsSync(path.join(source, DATABASE_DIR, "PG_VERSION"))) {
    throw new Error(`${source} innehåller ingen säkerhetskopia (${DATABASE_DIR}/ saknas).`);
  }
  const release = await lockDataDir(dataDir);
  try {
    const aside = `.before-restore-${stamp()}`;
    // Never thrown away: what the restore replaces stays beside it until the operator removes it.
    if (existsSync(pgdata(dataDir))) renameSync(pgdata(dataDir), pgdata(dataDir) + aside);
    cpSync(path.join(source, DATABASE_DIR), pgdata(dataDir), { recursive: true });
    if (existsSync(path.join(source, "files"))) {
      if (existsSync(filesDir)) renameSync(filesDir, filesDir + aside);
      cpSync(path.join(source, "files"), filesDir, { recursive: true });
    }
  } finally {
    release();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, folder] = process.argv.slice(2);
  if (process.env.DATABASE_URL) {
    console.error(
      "DATABASE_URL är satt: säkerhetskopiera PostgreSQL med pg_dump och återställ med pg_restore (README).",
    );
    process.exit(2);
  }
  const locations = {
    dataDir: path.resolve(process.env.DATA_DIR ?? "./data"),
    filesDir: configuredFilesDir(),
  };
  try {
    if (command === "backup") {
      const target = path.resolve(folder ?? path.join("backups", `samspel-${stamp()}`));
      await backup(locations, target);
      console.log(`Säkerhetskopia av ${locations.dataDir} sparad i ${target}`);
    } else if (command === "restore" && folder) {
      await restore(locations, path.resolve(folder));
      console.log(`${locations.dataDir} återställd från ${path.resolve(folder)}`);
    } else {
      console.error("användning: backup.ts backup [mapp] | restore <mapp>");
      process.exit(2);
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
