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
import { gzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { extractTarGz, unpackSchemaTemplate } from "./schema-template.ts";

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), "samspel-template-"));
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(work, { recursive: true, force: true });
});

/** One ustar entry: a 512-byte header (checksum included) and the content padded to whole blocks. */
function tarEntry(name: string, content: string, type = "0"): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, "latin1");
  header.write("0000644\0", 100, "latin1");
  header.write(`${Buffer.byteLength(content).toString(8).padStart(11, "0")}\0`, 124, "latin1");
  header.write(type, 156, "latin1");
  header.write("ustar\0", 257, "latin1");
  header.fill(" ", 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "latin1");
  const body = Buffer.alloc(Math.ceil(Buffer.byteLength(content) / 512) * 512);
  body.write(content, "latin1");
  return Buffer.concat([header, body]);
}
const archive = (...entries: Buffer[]) => {
  const file = path.join(work, "archive.tar.gz");
  writeFileSync(file, gzipSync(Buffer.concat([...entries, Buffer.alloc(1024)])));
  return file;
};

describe("the schema template on disk", () => {
  it("unpacks a PGlite dump into a data directory that opens as the same database", async () => {
    const file = path.join(work, "dump.tar.gz");
    writeFileSync(file, gzipSync(readFileSync(process.env.SAMSPEL_TEST_PGLITE_SNAPSHOT!)));
    const dataDir = path.join(work, "data", "pgdata");

    expect(await unpackSchemaTemplate(file, dataDir)).toBe(true);

    const client = await PGlite.create({ dataDir, extensions: { pg_trgm } });
    try {
      const users = await client.query<{ n: number }>("select count(*)::int as n from users");
      expect(users.rows[0].n).toBeGreaterThan(0);
      const applied = await client.query<{ n: number }>(
        "select count(*)::int as n from drizzle.__drizzle_migrations",
      );
      expect(applied.rows[0].n).toBeGreaterThan(30);
    } finally {
      await client.close();
    }
    expect(readdirSync(path.join(work, "data"))).toEqual(["pgdata"]); // nothing left beside it
  });

  it("writes files and directories with their content, across blocks", async () => {
    const long = "x".repeat(700);
    await extractTarGz(
      archive(tarEntry("/base/", "", "5"), tarEntry("/base/1/a", long), tarEntry("/PG_VERSION", "18\n")),
      path.join(work, "out"),
    );
    expect(readFileSync(path.join(work, "out/base/1/a"), "latin1")).toBe(long);
    expect(readFileSync(path.join(work, "out/PG_VERSION"), "latin1")).toBe("18\n");
  });

  it("removes what a start killed while unpacking left beside the data directory", async () => {
    const parent = path.join(work, "data");
    mkdirSync(path.join(parent, "pgdata.4242.unpacking", "base"), { recursive: true });
    mkdirSync(path.join(parent, "pgdata.old"));

    expect(
      await unpackSchemaTemplate(archive(tarEntry("/PG_VERSION", "18\n")), path.join(parent, "pgdata")),
    ).toBe(true);

    expect(readdirSync(parent).sort()).toEqual(["pgdata", "pgdata.old"]);
    expect(readFileSync(path.join(parent, "pgdata/PG_VERSION"), "latin1")).toBe("18\n");
  });

  it("refuses a name outside the data directory and leaves no database behind", async () => {
    const dataDir = path.join(work, "pgdata");
    const file = archive(tarEntry("/PG_VERSION", "18\n"), tarEntry("../escaped", "!"));

    expect(await unpackSchemaTemplate(file, dataDir)).toBe(false);

    expect(existsSync(path.join(work, "escaped"))).toBe(false);
    expect(readdirSync(work)).toEqual(["archive.tar.gz"]);
  });

  it("refuses a damaged or cut-off archive and leaves no database behind", async () => {
    const damaged = tarEntry("/PG_VERSION", "18\n");
    damaged[0] = "Q".charCodeAt(0); // the name changes, the checksum does not
    expect(await unpackSchemaTemplate(archive(damaged), path.join(work, "pgdata"))).toBe(false);

    const whole = Buffer.concat([tarEntry("/base/1/a", "x".repeat(2000)), Buffer.alloc(1024)]);
    const cut = path.join(work, "cut.tar.gz");
    writeFileSync(cut, gzipSync(whole.subarray(0, 1024)));
    expect(await unpackSchemaTemplate(cut, path.join(work, "pgdata"))).toBe(false);

    expect(readdirSync(work).sort()).toEqual(["archive.tar.gz", "cut.tar.gz"]);
  });
});
