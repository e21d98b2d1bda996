import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { TestProject } from "vitest/node";
import { loadDemoData } from "../../demo/index.ts";
import { openDatabase } from "../../src/server/db/client.ts";

declare module "vitest" {
  interface ProvidedContext {
    /** A tarball of a migrated PGlite data directory with the demo data loaded. */
    e2eSnapshot: string;
  }
}

/**
 * Migrating and loading the demo data takes tens of seconds, so it happens once per run; every
 * journey file then starts its app from a copy of this snapshot (still its own database).
 */
export default async function setup(project: TestProject) {
  const client = await PGlite.create({ extensions: { pg_trgm } });
  const database = await openDatabase({ kind: "pglite-loaded", client });
  await loadDemoData(database.db);
  const dump = await client.dumpDataDir("none");
  const file = path.join(tmpdir(), `samspel-e2e-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide("e2eSnapshot", file);
  return async () => {
    const { rmSync } = await import("node:fs");
    rmSync(file, { force: true });
  };
}
