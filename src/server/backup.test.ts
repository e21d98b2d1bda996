import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { afterAll, describe, expect, it } from "vitest";
import { backup, restore } from "./backup.ts";
import { DataDirLockedError, lockDataDir } from "./platform/data-dir-lock.ts";

// `npm run backup` / `npm run restore` on the embedded database (PostgreSQL is pg_dump's, README).
const root = mkdtempSync(path.join(tmpdir(), "samspel-backup-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dataDir = path.join(root, "data");
const filesDir = path.join(dataDir, "files");
const target = path.join(root, "backup");

async function withClient<T>(work: (client: PGlite) => Promise<T>): Promise<T> {
  const client = await PGlite.create({ dataDir: path.join(dataDir, "pgdata"), extensions: { pg_trgm } });
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}
const note = (value: string) => (client: PGlite) =>
  client.query(
    "insert into app_meta (key, value) values ('backup-test', $1) on conflict (key) do update set value = $1",
    [JSON.stringify(value)],
  );

describe.skipIf(process.env.SAMSPEL_TEST_DB === "postgresql")(
  "backup and restore of the embedded database",
  () => {
    it("restores the data and files as they were at the backup", async () => {
      // An installation: the migrated test template written to a data directory, a record and an uploaded file.
      mkdirSync(dataDir, { recursive: true });
      const seeded = await PGlite.create({
        dataDir: path.join(dataDir, "pgdata"),
        loadDataDir: new Blob([readFileSync(process.env.SAMSPEL_TEST_PGLITE_SNAPSHOT!)]),
        extensions: { pg_trgm },
      });
      await note("före")(seeded);
      await seeded.close();
      mkdirSync(path.join(filesDir, "learning"), { recursive: true });
      writeFileSync(path.join(filesDir, "learning", "a.pdf"), "före");

      await backup({ dataDir, filesDir }, target);
      expect(readdirSync(target).sort()).toEqual(["files", "manifest.json", "pgdata"]);

      // Life goes on after the backup.
      await withClient(note("efter"));
      writeFileSync(path.join(filesDir, "learning", "a.pdf"), "efter");

      await restore({ dataDir, filesDir }, target);
      const restored = await withClient(async (client) => ({
        note: (await client.query("select value from app_meta where key = 'backup-test'")).rows,
        users: (await client.query<{ n: number }>("select count(*)::int as n from users")).rows[0].n,
      }));
      expect(restored.note).toEqual([{ value: "före" }]);
      expect(restored.users).toBeGreaterThan(0);
      expect(readFileSync(path.join(filesDir, "learning", "a.pdf"), "utf8")).toBe("före");
      // What the restore replaced is kept beside it.
      expect(readdirSync(dataDir).filter((n) => n.includes(".before-restore-")).length).toBe(2);
    });

    it("refuses while a running Samspel holds the data directory", async () => {
      const release = await lockDataDir(dataDir);
      try {
        await expect(backup({ dataDir, filesDir }, path.join(root, "second"))).rejects.toBeInstanceOf(
          DataDirLockedError,
        );
        await expect(restore({ dataDir, filesDir }, target)).rejects.toBeInstanceOf(DataDirLockedError);
      } finally {
        release();
      }
      expect(existsSync(path.join(root, "second", "pgdata"))).toBe(false);
    });
  },
);
